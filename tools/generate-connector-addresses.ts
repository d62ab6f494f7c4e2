// `npm run connectors:generate`: Uniswap's contract addresses for the networks Colibri configures, read
// from the address maps of `@uniswap/sdk-core` and reduced to the contracts Colibri calls (EIP-55).
// lib/connectors/uniswap/addresses.ts builds the connector's networks from the committed file, so the
// worker bundles a few lines instead of the SDK; tests/tools/connector-addresses.test.ts fails when the
// file no longer matches the installed package.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHAIN_TO_ADDRESSES_MAP, SWAP_ROUTER_02_ADDRESSES, V2_FACTORY_ADDRESSES, V2_ROUTER_ADDRESSES } from '@uniswap/sdk-core';
import { getAddress } from 'viem';
import { EVM_NETWORKS } from '../lib/config/networks';
import type { SdkAddresses } from '../lib/connectors/uniswap/addresses';

export const UNISWAP_ADDRESSES_FILE = 'lib/connectors/uniswap/addresses.json';

const sdkVersion = (JSON.parse(readFileSync(new URL('../node_modules/@uniswap/sdk-core/package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** One chain's contracts as the SDK lists them; a contract it does not list is left out. */
function sdkAddresses(chainId: number): SdkAddresses {
  const v3 = CHAIN_TO_ADDRESSES_MAP[chainId as keyof typeof CHAIN_TO_ADDRESSES_MAP];
  const listed = {
    v2Factory: V2_FACTORY_ADDRESSES[chainId],
    v2Router: V2_ROUTER_ADDRESSES[chainId],
    v3Factory: v3?.v3CoreFactoryAddress,
    positionManager: v3?.nonfungiblePositionManagerAddress,
    quoter: v3?.quoterAddress,
    // The SDK's answer for its chains, including its fallback to the mainnet address.
    swapRouter02: v3 && SWAP_ROUTER_02_ADDRESSES(chainId),
  };
  return Object.fromEntries(Object.entries(listed).flatMap(([name, address]) => (address ? [[name, getAddress(address)]] : [])));
}

/** The file's content: the SDK version and, by Colibri network name, what the SDK lists for its chain id. */
export function uniswapAddresses(): { source: string; networks: Record<string, SdkAddresses> } {
  const networks = Object.entries(EVM_NETWORKS)
    .map(([name, { chainID }]) => [name, sdkAddresses(chainID)] as const)
    .filter(([, addresses]) => Object.keys(addresses).length > 0);
  return { source: `@uniswap/sdk-core ${sdkVersion}`, networks: Object.fromEntries(networks) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const content = uniswapAddresses();
  writeFileSync(UNISWAP_ADDRESSES_FILE, JSON.stringify(content, null, 2) + '\n');
  console.log(`wrote ${UNISWAP_ADDRESSES_FILE} (${content.source}): ${Object.keys(content.networks).join(' ')}`);
}

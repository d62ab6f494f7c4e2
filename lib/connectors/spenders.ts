import type { Address } from 'viem';
import { parseEvmAddress } from '../chains/address';
import type { EvmNetwork } from '../chains/ethereum/client';
import { BadRequestError } from '../errors';
import { CONNECTOR_REGISTRY } from './registry';

type Spender = (network: EvmNetwork) => Address | undefined;

/**
 * Connector aliases to the contract that spends a wallet's tokens on a network: `dex/amm` is the V2
 * router; `dex/clmm` the V3 position manager and `dex/clmm/swap` the V3 SwapRouter; `dex/router` and the bare `dex` are SwapRouter02, approved directly (Colibri uses neither
 * Permit2 nor the Universal Router, which Gateway's `uniswap/router` stands for).
 */
export const SPENDER_ALIASES: Record<string, Spender> = Object.fromEntries(
  Object.entries(CONNECTOR_REGISTRY).flatMap(([name, connector]) => {
    // Only EVM connectors have spenders: a Solana wallet approves nothing.
    if (connector.chain !== 'ethereum') return [];
    const { amm, router, clmm } = connector;
    const aliases: [string, Spender][] = [];
    if (amm) aliases.push([`${name}/amm`, (network) => amm.networks[network.name]?.router]);
    if (clmm) {
      aliases.push([`${name}/clmm`, (network) => clmm.networks[network.name]?.positionManager], [`${name}/clmm/swap`, (network) => clmm.networks[network.name]?.swapRouter]);
    }
    if (router) {
      const swapRouter: Spender = (network) => router.networks[network.name]?.swapRouter02;
      aliases.push([`${name}/router`, swapRouter], [name, swapRouter]);
    }
    return aliases;
  }),
);

/** A spender given as a 0x address or as a connector alias; a 400 when it is neither. */
export function resolveSpender(network: EvmNetwork, spender: string): Address {
  if (spender.startsWith('0x')) return parseEvmAddress(spender, 'spender');
  const address = SPENDER_ALIASES[spender]?.(network);
  if (!address) {
    const known = Object.keys(SPENDER_ALIASES);
    throw new BadRequestError(`Invalid spender: ${spender}${known.length ? ` (known: ${known.join(', ')})` : ''} on ethereum-${network.name}`, 'INVALID_SPENDER');
  }
  return address;
}

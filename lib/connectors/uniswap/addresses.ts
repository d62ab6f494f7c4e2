import { getAddress } from 'viem';
import { localnetContracts } from '../../chains/ethereum/localnet';
import type { AmmContracts } from '../types';

/**
 * Uniswap V2 Factory and Router02 by Gateway network name, as `@uniswap/sdk-core` publishes them
 * (`V2_FACTORY_ADDRESSES` / `V2_ROUTER_ADDRESSES`, Uniswap/sdks sdks/sdk-core/src/addresses.ts; the
 * same as Gateway's uniswap.contracts.ts). Networks where the SDK lists no Router02 (celo, sepolia)
 * have no AMM. `localnet` is the dev deployment.
 */
export const UNISWAP_V2: Record<string, AmmContracts> = {
  mainnet: v2('0x5C69bEe701ef814a2B6a3EDD4B1652CB9cc5aA6f', '0x7a250d5630B4cF539739dF2C5dAcb4c659F2488D'),
  arbitrum: v2('0xf1D7CC64Fb4452F05c498126312eBE29f30Fbcf9', '0x4752ba5dbc23f44d87826276bf6fd6b1c372ad24'),
  optimism: v2('0x0c3c1c532F1e39EdF36BE9Fe0bE1410313E074Bf', '0x4a7b5da61326a6379179b40d00f57e5bbdc962c2'),
  base: v2('0x8909dc15e40173ff4699343b6eb8132c65e18ec6', '0x4752ba5dbc23f44d87826276bf6fd6b1c372ad24'),
  bsc: v2('0x8909Dc15e40173Ff4699343b6eB8132c65e18eC6', '0x4752ba5dbc23f44d87826276bf6fd6b1c372ad24'),
  avalanche: v2('0x9e5A52f57b3038F1B8EeE45F28b3C1967e22799C', '0x4752ba5dbc23f44d87826276bf6fd6b1c372ad24'),
  polygon: v2('0x9e5A52f57b3038F1B8EeE45F28b3C1967e22799C', '0xedf6066a2b290c185783862c7f4776a2c8077ad1'),
  localnet: { factory: localnetContracts.uniswapV2.factory, router: localnetContracts.uniswapV2.router02 },
};

/** The SDK spells some addresses in lower case; Colibri answers EIP-55. */
function v2(factory: string, router: string): AmmContracts {
  return { factory: getAddress(factory), router: getAddress(router) };
}

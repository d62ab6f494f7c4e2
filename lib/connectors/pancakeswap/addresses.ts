import type { AmmContracts } from '../types';

/**
 * PancakeSwap V2 Factory and Router by Gateway network name: `FACTORY_ADDRESS_MAP` of
 * `@pancakeswap/v2-sdk` and `V2_ROUTER_ADDRESS` of `@pancakeswap/smart-router` (pancake-frontend
 * packages/v2-sdk/src/constants.ts, packages/smart-router/evm/constants/exchange.ts; the same as
 * Gateway's pancakeswap.contracts.ts). No dev deployment: PancakeSwap is not served on localnet.
 */
export const PANCAKESWAP_V2: Record<string, AmmContracts> = {
  mainnet: { factory: '0x1097053Fd2ea711dad45caCcc45EfF7548fCB362', router: '0xEfF92A263d31888d860bD50809A8D171709b7b1c' },
  bsc: { factory: '0xcA143Ce32Fe78f1f7019d7d551a6402fC5350c73', router: '0x10ED43C718714eb63d5aA57B78B54704E256024E' },
  arbitrum: { factory: '0x02a84c1b3BBD7401a5f7fa98a384EBC70bB5749E', router: '0x8cFe327CEc66d1C090Dd72bd0FF11d690C33a2Eb' },
  base: { factory: '0x02a84c1b3BBD7401a5f7fa98a384EBC70bB5749E', router: '0x8cFe327CEc66d1C090Dd72bd0FF11d690C33a2Eb' },
};

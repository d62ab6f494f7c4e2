import type { AmmContracts, ClmmContracts, RouterContracts } from '../spec';

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

const QUOTER_V2 = '0xB048Bbc1Ee6b733FFfCFb9e9CeF7375518e25997';

/**
 * PancakeSwap's Smart Router (a SwapRouter02 fork: the same swap and multicall signatures) and its
 * QuoterV2 by Gateway network name (PancakeSwap developer docs, V3 addresses; Gateway's
 * pancakeswap.contracts.ts lists the routers as `universalRouterV2Address`). Routes use its V3 pools
 * only: that the routers' V2 factory is the one above is not verified here.
 */
export const PANCAKESWAP_ROUTER: Record<string, RouterContracts> = {
  mainnet: { swapRouter02: '0x13f4EA83D0bd40E75C8222255bc855a974568Dd4', quoterV2: QUOTER_V2, v2Pairs: false },
  bsc: { swapRouter02: '0x13f4EA83D0bd40E75C8222255bc855a974568Dd4', quoterV2: QUOTER_V2, v2Pairs: false },
  arbitrum: { swapRouter02: '0x32226588378236Fd0c7c4053999F88aC0e5cAc77', quoterV2: QUOTER_V2, v2Pairs: false },
  base: { swapRouter02: '0x678Aa4bF4E210cf2166753e054d5b7c31cc7fa86', quoterV2: QUOTER_V2, v2Pairs: false },
};

/**
 * PancakeSwap V3, the same addresses on each of its Gateway networks: PoolDeployer (`DEPLOYER_ADDRESSES`)
 * and NonfungiblePositionManager (`NFT_POSITION_MANAGER_ADDRESSES`) of `@pancakeswap/v3-sdk`, QuoterV2
 * (`V3_QUOTER_ADDRESSES` of `@pancakeswap/smart-router`) and its v3-periphery SwapRouter (pancake-frontend
 * packages/v3-sdk/src/constants.ts, packages/smart-router/evm/constants; Gateway's pancakeswap.contracts.ts
 * lists the same). Its factory (0x0BFbCF9fa4f9C56B0F40a671Ad40E0805A091865) is not needed: pools are
 * deployed by the PoolDeployer. No dev deployment: PancakeSwap is not served on localnet.
 */
const PANCAKESWAP_V3_CONTRACTS: ClmmContracts = {
  poolDeployer: '0x41ff9AA7e16B8B1a8a8dc4f0eFacd93D02d071c9',
  positionManager: '0x46A15B0b27311cedF172AB29E4f4766fbE7F4364',
  quoterV2: QUOTER_V2,
  swapRouter: '0x1b81D678ffb9C0263b24A97847620C99d213eB14',
};

export const PANCAKESWAP_V3: Record<string, ClmmContracts> = { mainnet: PANCAKESWAP_V3_CONTRACTS, bsc: PANCAKESWAP_V3_CONTRACTS, arbitrum: PANCAKESWAP_V3_CONTRACTS, base: PANCAKESWAP_V3_CONTRACTS };

/** `POOL_INIT_CODE_HASH` of `@pancakeswap/v3-sdk`: keccak256 of PancakeV3Pool's creation code. */
export const PANCAKESWAP_V3_POOL_INIT_CODE_HASH = '0x6ce8eb472fa82df5469c6ab6d485f17c3ad13c8cd7af59b3d4a8026c5ce0f7e2';

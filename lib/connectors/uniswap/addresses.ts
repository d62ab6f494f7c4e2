import { getAddress } from 'viem';
import { localnetContracts } from '../../chains/ethereum/localnet';
import type { AmmContracts, ClmmContracts, RouterContracts } from '../types';

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

/**
 * SwapRouter02 and QuoterV2 by Gateway network name: `SWAP_ROUTER_02_ADDRESSES` of `@uniswap/sdk-core`
 * (Uniswap/sdks sdks/sdk-core/src/addresses.ts; celo from Uniswap's deployment docs, as in Gateway's
 * uniswap.contracts.ts) and QuoterV2 from Uniswap's deployment docs (the SDK's `QUOTER_ADDRESSES` is
 * QuoterV1 on mainnet). V2 pairs are routed only where SwapRouter02's `factoryV2` is the V2 factory
 * above: mainnet and localnet (elsewhere it is another factory, e.g. 0x5C69... on arbitrum).
 */
export const UNISWAP_ROUTER: Record<string, RouterContracts> = {
  mainnet: router('0x68b3465833fb72A70ecDF485E0e4C7bD8665Fc45', '0x61fFE014bA17989E743c5F6cB21bF9697530B21e', true),
  arbitrum: router('0x68b3465833fb72A70ecDF485E0e4C7bD8665Fc45', '0x61fFE014bA17989E743c5F6cB21bF9697530B21e'),
  optimism: router('0x68b3465833fb72A70ecDF485E0e4C7bD8665Fc45', '0x61fFE014bA17989E743c5F6cB21bF9697530B21e'),
  polygon: router('0x68b3465833fb72A70ecDF485E0e4C7bD8665Fc45', '0x61fFE014bA17989E743c5F6cB21bF9697530B21e'),
  base: router('0x2626664c2603336E57B271c5C0b26F421741e481', '0x3d4e44Eb1374240CE5F1B871ab261CD16335B76a'),
  bsc: router('0xB971eF87ede563556b2ED4b1C0b0019111Dd85d2', '0x78D78E420Da98ad378D7799bE8f4AF69033EB077'),
  avalanche: router('0xbb00FF08d01D300023C629E8fFfFcb65A5a578cE', '0xbe0F5544EC67e9B3b2D979aaA43f18Fd87E6257F'),
  celo: router('0x5615CDAb10dc425a742d643d949a7F474C01abc4', '0x82825d0554fA07f7FC52Ab63c961F330fdEFa8E8'),
  sepolia: router('0x3bFA4769FB09eefC5a80d6E87c3B9C650f7Ae48E', '0xEd1f6473345F45b75F8179591dd5bA1888cf2FB3'),
  localnet: { ...localnetContracts.uniswapRouter, v2Pairs: true },
};

function router(swapRouter02: string, quoterV2: string, v2Pairs = false): RouterContracts {
  return { swapRouter02: getAddress(swapRouter02), quoterV2: getAddress(quoterV2), v2Pairs };
}

/** The v3-periphery SwapRouter, at one address where Uniswap deployed it. */
const V3_SWAP_ROUTER = '0xE592427A0AEce92De3Edee1F18E0157C05861564';

/**
 * Uniswap V3 by Gateway network name: factory and NonfungiblePositionManager from `CHAIN_TO_ADDRESSES_MAP`
 * of `@uniswap/sdk-core` (sdks/sdk-core/src/addresses.ts), QuoterV2 and the v3-periphery SwapRouter from
 * Uniswap's deployment docs (as in Gateway's uniswap.contracts.ts). Uniswap deployed that SwapRouter on
 * mainnet, arbitrum, optimism and polygon only: elsewhere clmm quotes and manages positions, and swaps go
 * through the router schema. Pools are deployed by the factory, with the init code hash below.
 */
export const UNISWAP_V3: Record<string, ClmmContracts> = {
  mainnet: v3('0x1F98431c8aD98523631AE4a59f267346ea31F984', '0xC36442b4a4522E871399CD717aBDD847Ab11FE88', '0x61fFE014bA17989E743c5F6cB21bF9697530B21e', V3_SWAP_ROUTER),
  arbitrum: v3('0x1F98431c8aD98523631AE4a59f267346ea31F984', '0xC36442b4a4522E871399CD717aBDD847Ab11FE88', '0x61fFE014bA17989E743c5F6cB21bF9697530B21e', V3_SWAP_ROUTER),
  optimism: v3('0x1F98431c8aD98523631AE4a59f267346ea31F984', '0xC36442b4a4522E871399CD717aBDD847Ab11FE88', '0x61fFE014bA17989E743c5F6cB21bF9697530B21e', V3_SWAP_ROUTER),
  polygon: v3('0x1F98431c8aD98523631AE4a59f267346ea31F984', '0xC36442b4a4522E871399CD717aBDD847Ab11FE88', '0x61fFE014bA17989E743c5F6cB21bF9697530B21e', V3_SWAP_ROUTER),
  base: v3('0x33128a8fC17869897dcE68Ed026d694621f6FDfD', '0x03a520b32C04BF3bEEf7BEb72E919cf822Ed34f1', '0x3d4e44Eb1374240CE5F1B871ab261CD16335B76a'),
  bsc: v3('0xdB1d10011AD0Ff90774D0C6Bb92e5C5c8b4461F7', '0x7b8A01B39D58278b5DE7e48c8449c9f4F5170613', '0x78D78E420Da98ad378D7799bE8f4AF69033EB077'),
  avalanche: v3('0x740b1c1de25031C31FF4fC9A62f554A55cdC1baD', '0x655C406EBFa14EE2006250925e54ec43AD184f8B', '0xbe0F5544EC67e9B3b2D979aaA43f18Fd87E6257F'),
  celo: v3('0xAfE208a311B21f13EF87E33A90049fC17A7acDEc', '0x3d79EdAaBC0EaB6F08ED885C05Fc0B014290D95A', '0x82825d0554fA07f7FC52Ab63c961F330fdEFa8E8'),
  localnet: {
    poolDeployer: localnetContracts.uniswapV3.factory,
    positionManager: localnetContracts.uniswapV3.nonfungiblePositionManager,
    quoterV2: localnetContracts.uniswapV3.quoterV2,
    swapRouter: localnetContracts.uniswapV3.swapRouter,
  },
};

/** `POOL_INIT_CODE_HASH` of `@uniswap/v3-sdk`: keccak256 of UniswapV3Pool's creation code, the same on these networks. */
export const UNISWAP_V3_POOL_INIT_CODE_HASH = '0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54';

function v3(factory: string, positionManager: string, quoterV2: string, swapRouter?: string): ClmmContracts {
  return { poolDeployer: getAddress(factory), positionManager: getAddress(positionManager), quoterV2: getAddress(quoterV2), ...(swapRouter ? { swapRouter: getAddress(swapRouter) } : {}) };
}

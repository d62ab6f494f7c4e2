import { isAddressEqual, type Address } from 'viem';
import { localnetContracts } from '../../chains/ethereum/localnet';
import type { AmmContracts, ClmmContracts, RouterContracts } from '../spec';
import sdkAddresses from './addresses.json';

/**
 * A network's Uniswap contracts as the address maps of `@uniswap/sdk-core` list them (Uniswap/sdks
 * sdks/sdk-core/src/addresses.ts): `V2_FACTORY_ADDRESSES`, `V2_ROUTER_ADDRESSES`, and from
 * `CHAIN_TO_ADDRESSES_MAP` the V3 factory, NonfungiblePositionManager, `quoterAddress` and
 * `SWAP_ROUTER_02_ADDRESSES`. Written to addresses.json by `npm run connectors:generate`.
 */
export interface SdkAddresses {
  v2Factory?: Address;
  v2Router?: Address;
  v3Factory?: Address;
  positionManager?: Address;
  quoter?: Address;
  swapRouter02?: Address;
}

const SDK = sdkAddresses.networks as Record<string, SdkAddresses>;

/** The networks for which `contracts` finds what it needs in the SDK's entry, by Gateway network name. */
function fromSdk<T>(contracts: (listed: SdkAddresses, network: string) => T | undefined): Record<string, T> {
  return Object.fromEntries(
    Object.entries(SDK).flatMap(([network, listed]) => {
      const found = contracts(listed, network);
      return found ? [[network, found]] : [];
    }),
  );
}

/**
 * Uniswap V2 Factory and Router02 by Gateway network name, from the SDK (the same as Gateway's
 * uniswap.contracts.ts). Networks where the SDK lists no Router02 (celo) have no AMM. `localnet` is the
 * dev deployment.
 */
export const UNISWAP_V2: Record<string, AmmContracts> = {
  ...fromSdk(({ v2Factory, v2Router }) => (v2Factory && v2Router ? { factory: v2Factory, router: v2Router } : undefined)),
  localnet: { factory: localnetContracts.uniswapV2.factory, router: localnetContracts.uniswapV2.router02 },
};

/** The SDK's `quoterAddress` is QuoterV1 on the networks sharing its DEFAULT_ADDRESSES (mainnet, arbitrum, optimism, polygon)... */
const QUOTER_V1 = '0xb27308f9F90D607463bb33eA1BeBb41C27CE5AB6';
/** ...where QuoterV2 is at this address (Uniswap's deployment docs, as in Gateway's uniswap.contracts.ts). */
const QUOTER_V2 = '0x61fFE014bA17989E743c5F6cB21bF9697530B21e';

const quoterV2 = (quoter: Address): Address => (isAddressEqual(quoter, QUOTER_V1) ? QUOTER_V2 : quoter);

/**
 * SwapRouter02 where the SDK has none for the network and falls back to the mainnet address: celo's,
 * from Uniswap's deployment docs (as in Gateway's uniswap.contracts.ts).
 */
const SWAP_ROUTER_02_FROM_DOCS: Record<string, Address> = { celo: '0x5615CDAb10dc425a742d643d949a7F474C01abc4' };

/**
 * V2 pairs are routed only where SwapRouter02's `factoryV2` is the V2 factory above: mainnet and
 * localnet (elsewhere it is another factory, e.g. 0x5C69... on arbitrum).
 */
const ROUTES_V2_PAIRS = new Set(['mainnet']);

/** SwapRouter02 and QuoterV2 by Gateway network name: the SDK's, with the two corrections above. */
export const UNISWAP_ROUTER: Record<string, RouterContracts> = {
  ...fromSdk(({ swapRouter02, quoter }, network) =>
    swapRouter02 && quoter ? { swapRouter02: SWAP_ROUTER_02_FROM_DOCS[network] ?? swapRouter02, quoterV2: quoterV2(quoter), v2Pairs: ROUTES_V2_PAIRS.has(network) } : undefined,
  ),
  localnet: { ...localnetContracts.uniswapRouter, v2Pairs: true },
};

/**
 * The v3-periphery SwapRouter (not in the SDK), at one address where Uniswap deployed it: mainnet,
 * arbitrum, optimism and polygon only (Uniswap's deployment docs, as in Gateway's uniswap.contracts.ts).
 * Elsewhere clmm quotes and manages positions, and swaps go through the router schema.
 */
const V3_SWAP_ROUTER = '0xE592427A0AEce92De3Edee1F18E0157C05861564';
const HAS_V3_SWAP_ROUTER = new Set(['mainnet', 'arbitrum', 'optimism', 'polygon']);

/**
 * Uniswap V3 by Gateway network name: factory, NonfungiblePositionManager and QuoterV2 from the SDK
 * (QuoterV2 corrected as above), and the SwapRouter above. Pools are deployed by the factory, with the
 * init code hash below.
 */
export const UNISWAP_V3: Record<string, ClmmContracts> = {
  ...fromSdk(({ v3Factory, positionManager, quoter }, network) =>
    v3Factory && positionManager && quoter
      ? { poolDeployer: v3Factory, positionManager, quoterV2: quoterV2(quoter), ...(HAS_V3_SWAP_ROUTER.has(network) ? { swapRouter: V3_SWAP_ROUTER } : {}) }
      : undefined,
  ),
  localnet: {
    poolDeployer: localnetContracts.uniswapV3.factory,
    positionManager: localnetContracts.uniswapV3.nonfungiblePositionManager,
    quoterV2: localnetContracts.uniswapV3.quoterV2,
    swapRouter: localnetContracts.uniswapV3.swapRouter,
  },
};

/** `POOL_INIT_CODE_HASH` of `@uniswap/v3-sdk`: keccak256 of UniswapV3Pool's creation code, the same on these networks. */
export const UNISWAP_V3_POOL_INIT_CODE_HASH = '0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54';

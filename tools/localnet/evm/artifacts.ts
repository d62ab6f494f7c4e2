// Compiled contracts deployed on the EVM localnet, read from the npm packages that ship them
// (plus our TestERC20 artifact and the vendored ones in ./artifacts). Nothing is compiled at runtime.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { keccak256, type Abi, type Address, type Hex } from 'viem';

type LinkReferences = Record<string, Record<string, { start: number; length: number }[]>>;

export interface Artifact {
  abi: Abi;
  /** Creation code; contains placeholders where `linkReferences` lists library slots. */
  bytecode: Hex;
  linkReferences?: LinkReferences;
}

const require = createRequire(import.meta.url);

function load(path: string): Artifact {
  const json = require(path) as { abi: Abi; bytecode: string; linkReferences?: LinkReferences };
  // Uniswap V2's waffle builds omit the 0x prefix; the hardhat ones (V3) include it.
  const bytecode = json.bytecode.startsWith('0x') ? json.bytecode : `0x${json.bytecode}`;
  return { abi: json.abi, bytecode: bytecode as Hex, linkReferences: json.linkReferences };
}

const v3Core = '@uniswap/v3-core/artifacts/contracts';
const v3Periphery = '@uniswap/v3-periphery/artifacts/contracts';

export const artifacts = {
  testErc20: load('./contracts/TestERC20.json'),
  weth9: load('@uniswap/v2-periphery/build/WETH9.json'),
  uniswapV2Factory: load('@uniswap/v2-core/build/UniswapV2Factory.json'),
  uniswapV2Pair: load('@uniswap/v2-core/build/UniswapV2Pair.json'),
  uniswapV2Router02: load('@uniswap/v2-periphery/build/UniswapV2Router02.json'),
  uniswapV3Factory: load(`${v3Core}/UniswapV3Factory.sol/UniswapV3Factory.json`),
  uniswapV3Pool: load(`${v3Core}/UniswapV3Pool.sol/UniswapV3Pool.json`),
  nftDescriptor: load(`${v3Periphery}/libraries/NFTDescriptor.sol/NFTDescriptor.json`),
  nonfungibleTokenPositionDescriptor: load(
    `${v3Periphery}/NonfungibleTokenPositionDescriptor.sol/NonfungibleTokenPositionDescriptor.json`,
  ),
  nonfungiblePositionManager: load(`${v3Periphery}/NonfungiblePositionManager.sol/NonfungiblePositionManager.json`),
  swapRouter: load(`${v3Periphery}/SwapRouter.sol/SwapRouter.json`),
  quoterV2: load(`${v3Periphery}/lens/QuoterV2.sol/QuoterV2.json`),
  tickLens: load(`${v3Periphery}/lens/TickLens.sol/TickLens.json`),
  // @uniswap/swap-router-contracts, vendored (see artifacts/README.md).
  swapRouter02: load('./artifacts/SwapRouter02.json'),
  routerQuoterV2: load('./artifacts/QuoterV2.json'),
} as const;

/**
 * Multicall3 creation code. viem ships it (for its "deployless" multicall) but does not export it
 * from the package root, so we read its constants module by file path.
 */
export const multicall3Bytecode: Hex = (
  require(join(dirname(require.resolve('viem')), 'constants', 'contracts.js')) as { multicall3Bytecode: Hex }
).multicall3Bytecode;

/** The artifact's creation code with `address` written into every slot of the named library. */
export function linkLibrary(artifact: Artifact, library: string, address: Address): Hex {
  const slots = Object.values(artifact.linkReferences ?? {}).flatMap((byName) => byName[library] ?? []);
  if (slots.length === 0) throw new Error(`no link slots for library ${library}`);
  let code = artifact.bytecode.slice(2);
  for (const { start, length } of slots) {
    code = code.slice(0, start * 2) + address.slice(2).toLowerCase() + code.slice((start + length) * 2);
  }
  return `0x${code}`;
}

/**
 * Routers compute pair/pool addresses from a hard-coded hash of the pair/pool creation code; if the
 * packages ever disagree, every swap would target an empty address. Fail early instead.
 */
export function assertInitCodeHashes(): void {
  const checks = [
    { name: 'Uniswap V2 pair', pool: artifacts.uniswapV2Pair, user: artifacts.uniswapV2Router02 },
    { name: 'Uniswap V3 pool', pool: artifacts.uniswapV3Pool, user: artifacts.nonfungiblePositionManager },
    { name: 'Uniswap V3 pool', pool: artifacts.uniswapV3Pool, user: artifacts.swapRouter },
    { name: 'Uniswap V3 pool', pool: artifacts.uniswapV3Pool, user: artifacts.quoterV2 },
    { name: 'Uniswap V2 pair', pool: artifacts.uniswapV2Pair, user: artifacts.swapRouter02 },
    { name: 'Uniswap V3 pool', pool: artifacts.uniswapV3Pool, user: artifacts.swapRouter02 },
    { name: 'Uniswap V3 pool', pool: artifacts.uniswapV3Pool, user: artifacts.routerQuoterV2 },
  ];
  for (const { name, pool, user } of checks) {
    const hash = keccak256(pool.bytecode).slice(2);
    if (!user.bytecode.toLowerCase().includes(hash)) {
      throw new Error(`${name} init-code hash 0x${hash} is not the one compiled into its periphery contract`);
    }
  }
}

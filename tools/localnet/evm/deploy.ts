// Deploys the EVM localnet (tokens, Multicall3, Uniswap V2, V3 and SwapRouter02) onto a fresh anvil,
// seeds it, and checks the result against the committed constants in lib/chains/ethereum/localnet.ts.
import { getAddress, stringToHex, type Address } from 'viem';
import {
  localnetContracts,
  localnetDevWallet,
  localnetTokens,
  localnetUniswapV2Pairs,
  localnetUniswapV3Pools,
} from '../../../lib/chains/ethereum/localnet';
import { uniswapV3FactoryAbi } from './abis';
import { artifacts, assertInitCodeHashes, linkLibrary, multicall3Bytecode, type Artifact } from './artifacts';
import { createLocalnetClients, GAS_LIMIT, type LocalnetClients, type LocalnetWallet } from './clients';
import { seedEvmLocalnet } from './seed';

export type LocalnetTokenSymbol = (typeof localnetTokens)[number]['symbol'];

export interface EvmLocalnetContracts {
  multicall3: Address;
  uniswapV2: { factory: Address; router02: Address };
  uniswapV3: {
    factory: Address;
    nftDescriptorLibrary: Address;
    tokenPositionDescriptor: Address;
    nonfungiblePositionManager: Address;
    swapRouter: Address;
    quoterV2: Address;
    tickLens: Address;
  };
  /** SwapRouter02 (V2 and V3 behind one router) and its QuoterV2, from @uniswap/swap-router-contracts. */
  uniswapRouter: { swapRouter02: Address; quoterV2: Address };
}

export interface EvmLocalnetPool {
  address: Address;
  token0: Address;
  token1: Address;
  /** Hundredths of a basis point (3000 = 0.3%). */
  fee: number;
}

export interface EvmLocalnetDeployment {
  tokens: Record<LocalnetTokenSymbol, Address>;
  contracts: EvmLocalnetContracts;
  uniswapV2Pairs: Record<keyof typeof localnetUniswapV2Pairs, EvmLocalnetPool>;
  uniswapV3Pools: Record<keyof typeof localnetUniswapV3Pools, EvmLocalnetPool>;
}

/**
 * Deploys and seeds everything from the dev wallet (anvil account #0) on a chain where it has not
 * sent a transaction yet, so every contract lands at the same address on every machine.
 */
export async function deployEvmLocalnet(rpcUrl: string): Promise<EvmLocalnetDeployment> {
  assertInitCodeHashes();
  const clients = createLocalnetClients(rpcUrl);
  const deployer = clients.wallet(localnetDevWallet.address);
  const sent = await clients.publicClient.getTransactionCount({ address: deployer.account.address });
  if (sent !== 0) {
    throw new Error(
      `deployEvmLocalnet needs a fresh anvil: the dev wallet has already sent ${sent} transaction(s), ` +
        'so the contract addresses would differ',
    );
  }

  const { tokens, contracts } = await deployContracts(clients, deployer);
  const pools = await seedEvmLocalnet(clients, tokens, contracts);
  // Deployed after seeding, so every address that existed before them stays where it was.
  const uniswapRouter = await deployRouter(clients, deployer, tokens.WETH, contracts);
  const deployment = { tokens, contracts: { ...contracts, uniswapRouter }, ...pools };
  assertMatchesCommitted(deployment);
  return deployment;
}

function deployArtifact(clients: LocalnetClients, deployer: LocalnetWallet, artifact: Artifact, args: readonly unknown[]) {
  return clients.deploy(deployer, artifact.abi, artifact.bytecode, args);
}

/** The fixed deployment order: changing it changes every address after the change. */
async function deployContracts(
  clients: LocalnetClients,
  deployer: LocalnetWallet,
): Promise<{ tokens: EvmLocalnetDeployment['tokens']; contracts: Omit<EvmLocalnetContracts, 'uniswapRouter'> }> {
  const deploy = (artifact: Artifact, args: readonly unknown[] = []) => deployArtifact(clients, deployer, artifact, args);

  const WETH = await deploy(artifacts.weth9);
  const USDC = await deploy(artifacts.testErc20, ['USD Coin', 'USDC', 6]);
  const DAI = await deploy(artifacts.testErc20, ['Dai Stablecoin', 'DAI', 18]);

  // Deployed normally first so it is built from viem's own creation code, then copied to the
  // canonical address that viem's `multicall` uses by default.
  const multicall3Deployed = await clients.deploy(deployer, [], multicall3Bytecode);
  const multicall3Code = await clients.publicClient.getCode({ address: multicall3Deployed });
  if (!multicall3Code) throw new Error('Multicall3 deployment left no code');
  await clients.testClient.setCode({ address: localnetContracts.multicall3, bytecode: multicall3Code });

  const v2Factory = await deploy(artifacts.uniswapV2Factory, [deployer.account.address]);
  const router02 = await deploy(artifacts.uniswapV2Router02, [v2Factory, WETH]);

  const v3Factory = await deploy(artifacts.uniswapV3Factory);
  // v3-core 1.0.1 enables fees 500/3000/10000 only; governance added the 0.01% tier later.
  await clients.confirm(
    deployer.writeContract({
      address: v3Factory,
      abi: uniswapV3FactoryAbi,
      functionName: 'enableFeeAmount',
      args: [100, 1],
      gas: GAS_LIMIT,
    }),
  );
  const nftDescriptorLibrary = await deploy(artifacts.nftDescriptor);
  const tokenPositionDescriptor = await clients.deploy(
    deployer,
    artifacts.nonfungibleTokenPositionDescriptor.abi,
    linkLibrary(artifacts.nonfungibleTokenPositionDescriptor, 'NFTDescriptor', nftDescriptorLibrary),
    [WETH, stringToHex('ETH', { size: 32 })],
  );
  const nonfungiblePositionManager = await deploy(artifacts.nonfungiblePositionManager, [
    v3Factory,
    WETH,
    tokenPositionDescriptor,
  ]);
  const swapRouter = await deploy(artifacts.swapRouter, [v3Factory, WETH]);
  const quoterV2 = await deploy(artifacts.quoterV2, [v3Factory, WETH]);
  const tickLens = await deploy(artifacts.tickLens);

  return {
    tokens: { WETH, USDC, DAI },
    contracts: {
      multicall3: localnetContracts.multicall3,
      uniswapV2: { factory: v2Factory, router02 },
      uniswapV3: {
        factory: v3Factory,
        nftDescriptorLibrary,
        tokenPositionDescriptor,
        nonfungiblePositionManager,
        swapRouter,
        quoterV2,
        tickLens,
      },
    },
  };
}

/** SwapRouter02 over the V2 and V3 factories (the NFPM for its liquidity helpers), and its QuoterV2. */
async function deployRouter(
  clients: LocalnetClients,
  deployer: LocalnetWallet,
  weth: Address,
  contracts: Omit<EvmLocalnetContracts, 'uniswapRouter'>,
): Promise<EvmLocalnetContracts['uniswapRouter']> {
  const { uniswapV2, uniswapV3 } = contracts;
  const deploy = (artifact: Artifact, args: readonly unknown[]) => deployArtifact(clients, deployer, artifact, args);
  return {
    swapRouter02: await deploy(artifacts.swapRouter02, [
      uniswapV2.factory,
      uniswapV3.factory,
      uniswapV3.nonfungiblePositionManager,
      weth,
    ]),
    quoterV2: await deploy(artifacts.routerQuoterV2, [uniswapV3.factory, weth]),
  };
}

/** Throws, listing every difference, if the deployment is not what the committed constants say. */
function assertMatchesCommitted(deployment: EvmLocalnetDeployment): void {
  const committed = {
    tokens: Object.fromEntries(localnetTokens.map((token) => [token.symbol, token.address])),
    contracts: localnetContracts,
    uniswapV2Pairs: localnetUniswapV2Pairs,
    uniswapV3Pools: localnetUniswapV3Pools,
  };
  const expected = flatten(committed);
  const actual = flatten(deployment);
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
  const differences = keys
    .filter((key) => expected[key] !== actual[key])
    .map((key) => `  ${key}: deployed ${actual[key] ?? '(nothing)'}, committed ${expected[key] ?? '(nothing)'}`);
  if (differences.length > 0) {
    throw new Error(
      `EVM localnet deployment differs from lib/chains/ethereum/localnet.ts:\n${differences.join('\n')}\n` +
        'If the change is intended (new contract, new deploy order), update the constants.',
    );
  }
}

/** `{a: {b: '0xAb'}}` -> `{'a.b': '0xAb'}`, with addresses checksummed so case never differs. */
function flatten(value: object, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (item !== null && typeof item === 'object') Object.assign(out, flatten(item, path));
    else out[path] = typeof item === 'string' && /^0x[0-9a-fA-F]{40}$/.test(item) ? getAddress(item) : String(item);
  }
  return out;
}

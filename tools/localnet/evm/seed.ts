// Seeds the freshly deployed localnet: token balances for the dev and second wallets, and
// Uniswap V2 pairs / V3 pools with liquidity at realistic prices (1 ETH = 3000 USD).
import { erc20Abi, maxUint256, parseEther, parseUnits, type Address } from 'viem';
import {
  localnetDevWallet,
  localnetSecondWallet,
  localnetTokens,
  localnetWalletSeed,
} from '../../../lib/chains/ethereum/localnet';
import {
  nonfungiblePositionManagerAbi,
  poolTokensAbi,
  testErc20Abi,
  uniswapV2FactoryAbi,
  uniswapV2RouterAbi,
  uniswapV3FactoryAbi,
  uniswapV3PoolAbi,
  weth9Abi,
} from './abis';
import { GAS_LIMIT, type LocalnetClients, type LocalnetWallet } from './clients';
import type { EvmLocalnetContracts, EvmLocalnetDeployment, EvmLocalnetPool, LocalnetTokenSymbol } from './deploy';
import { integerSqrt } from '../../../lib/connectors/uniswap/clmm/tickMath';

/**
 * anvil account #9 provides all pool liquidity, so the dev and second wallets hold exactly
 * `localnetWalletSeed` and tests can assert round balances.
 */
const LIQUIDITY_PROVIDER: Address = '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720';

/** Pool reserves; their ratio sets the initial price. */
interface PoolSeed {
  tokenA: LocalnetTokenSymbol;
  tokenB: LocalnetTokenSymbol;
  amountA: string;
  amountB: string;
}

const V2_PAIRS: Record<keyof EvmLocalnetDeployment['uniswapV2Pairs'], PoolSeed> = {
  'WETH-USDC': { tokenA: 'WETH', tokenB: 'USDC', amountA: '1000', amountB: '3000000' },
  'WETH-DAI': { tokenA: 'WETH', tokenB: 'DAI', amountA: '1000', amountB: '3000000' },
  'USDC-DAI': { tokenA: 'USDC', tokenB: 'DAI', amountA: '1000000', amountB: '1000000' },
};

const V3_POOLS: Record<keyof EvmLocalnetDeployment['uniswapV3Pools'], PoolSeed & { fee: number }> = {
  'WETH-USDC-3000': { tokenA: 'WETH', tokenB: 'USDC', amountA: '1000', amountB: '3000000', fee: 3000 },
  'WETH-USDC-500': { tokenA: 'WETH', tokenB: 'USDC', amountA: '1000', amountB: '3000000', fee: 500 },
  'USDC-DAI-100': { tokenA: 'USDC', tokenB: 'DAI', amountA: '1000000', amountB: '1000000', fee: 100 },
};

const TICK_SPACING: Record<number, number> = { 100: 1, 500: 10, 3000: 60 };
const MAX_TICK = 887272;

/** Everything the pools need, with room to spare; minted/wrapped to the liquidity provider. */
const PROVIDER_FUNDS = { WETH: parseEther('4000'), USDC: parseUnits('100000000', 6), DAI: parseEther('100000000') };

type Tokens = Record<LocalnetTokenSymbol, Address>;

export async function seedEvmLocalnet(
  clients: LocalnetClients,
  tokens: Tokens,
  contracts: Pick<EvmLocalnetContracts, 'uniswapV2' | 'uniswapV3'>,
): Promise<Pick<EvmLocalnetDeployment, 'uniswapV2Pairs' | 'uniswapV3Pools'>> {
  for (const address of [localnetDevWallet.address, localnetSecondWallet.address]) {
    await fund(clients, clients.wallet(address), tokens, localnetWalletSeed);
  }

  const provider = clients.wallet(LIQUIDITY_PROVIDER);
  await fund(clients, provider, tokens, PROVIDER_FUNDS);
  for (const token of Object.values(tokens)) {
    for (const spender of [contracts.uniswapV2.router02, contracts.uniswapV3.nonfungiblePositionManager]) {
      await clients.confirm(
        provider.writeContract({
          address: token,
          abi: erc20Abi,
          functionName: 'approve',
          args: [spender, maxUint256],
          gas: GAS_LIMIT,
        }),
      );
    }
  }

  // Deadlines come from chain time: tests move it with evm_increaseTime, so wall-clock can lag.
  const deadline = (await clients.publicClient.getBlock()).timestamp + 3600n;

  const uniswapV2Pairs = {} as EvmLocalnetDeployment['uniswapV2Pairs'];
  for (const [name, seed] of entries(V2_PAIRS)) {
    const [tokenA, tokenB] = [tokens[seed.tokenA], tokens[seed.tokenB]];
    const [amountA, amountB] = [amount(seed.tokenA, seed.amountA), amount(seed.tokenB, seed.amountB)];
    await clients.confirm(
      provider.writeContract({
        address: contracts.uniswapV2.router02,
        abi: uniswapV2RouterAbi,
        functionName: 'addLiquidity',
        args: [tokenA, tokenB, amountA, amountB, amountA, amountB, LIQUIDITY_PROVIDER, deadline],
        gas: GAS_LIMIT,
      }),
    );
    const address = await clients.publicClient.readContract({
      address: contracts.uniswapV2.factory,
      abi: uniswapV2FactoryAbi,
      functionName: 'getPair',
      args: [tokenA, tokenB],
    });
    uniswapV2Pairs[name] = { address, ...(await readPoolTokens(clients, address)), fee: 3000 };
  }

  const uniswapV3Pools = {} as EvmLocalnetDeployment['uniswapV3Pools'];
  for (const [name, seed] of entries(V3_POOLS)) {
    uniswapV3Pools[name] = await seedV3Pool(clients, provider, tokens, contracts, seed, deadline);
  }
  return { uniswapV2Pairs, uniswapV3Pools };
}

/** Creates a V3 pool at the seed's price and mints a full-range position through the NFPM. */
async function seedV3Pool(
  clients: LocalnetClients,
  provider: LocalnetWallet,
  tokens: Tokens,
  contracts: Pick<EvmLocalnetContracts, 'uniswapV2' | 'uniswapV3'>,
  seed: PoolSeed & { fee: number },
  deadline: bigint,
): Promise<EvmLocalnetPool> {
  const [tokenA, tokenB] = [tokens[seed.tokenA], tokens[seed.tokenB]];
  const [amountA, amountB] = [amount(seed.tokenA, seed.amountA), amount(seed.tokenB, seed.amountB)];
  // Uniswap orders a pool's tokens by address.
  const aFirst = tokenA.toLowerCase() < tokenB.toLowerCase();
  const [token0, token1] = aFirst ? [tokenA, tokenB] : [tokenB, tokenA];
  const [amount0, amount1] = aFirst ? [amountA, amountB] : [amountB, amountA];
  const maxTick = Math.floor(MAX_TICK / TICK_SPACING[seed.fee]) * TICK_SPACING[seed.fee];
  const nfpm = contracts.uniswapV3.nonfungiblePositionManager;

  await clients.confirm(
    provider.writeContract({
      address: nfpm,
      abi: nonfungiblePositionManagerAbi,
      functionName: 'createAndInitializePoolIfNecessary',
      // price = amount1 / amount0 in base units, as a Q64.96 square root
      args: [token0, token1, seed.fee, integerSqrt((amount1 << 192n) / amount0)],
      gas: GAS_LIMIT,
    }),
  );
  await clients.confirm(
    provider.writeContract({
      address: nfpm,
      abi: nonfungiblePositionManagerAbi,
      functionName: 'mint',
      args: [
        {
          token0,
          token1,
          fee: seed.fee,
          tickLower: -maxTick,
          tickUpper: maxTick,
          amount0Desired: amount0,
          amount1Desired: amount1,
          amount0Min: 0n,
          amount1Min: 0n,
          recipient: LIQUIDITY_PROVIDER,
          deadline,
        },
      ],
      gas: GAS_LIMIT,
    }),
  );
  const address = await clients.publicClient.readContract({
    address: contracts.uniswapV3.factory,
    abi: uniswapV3FactoryAbi,
    functionName: 'getPool',
    args: [token0, token1, seed.fee],
  });
  const fee = await clients.publicClient.readContract({ address, abi: uniswapV3PoolAbi, functionName: 'fee' });
  return { address, ...(await readPoolTokens(clients, address)), fee };
}

/** A pair's or pool's tokens as the contract itself reports them. */
async function readPoolTokens(
  clients: LocalnetClients,
  address: Address,
): Promise<{ token0: Address; token1: Address }> {
  const read = (functionName: 'token0' | 'token1') =>
    clients.publicClient.readContract({ address, abi: poolTokensAbi, functionName });
  return { token0: await read('token0'), token1: await read('token1') };
}

/** Mints the test tokens to `wallet` and wraps its ETH into WETH. */
async function fund(
  clients: LocalnetClients,
  wallet: LocalnetWallet,
  tokens: Tokens,
  amounts: Record<LocalnetTokenSymbol, bigint>,
): Promise<void> {
  const to = wallet.account.address;
  await clients.confirm(
    wallet.writeContract({
      address: tokens.WETH,
      abi: weth9Abi,
      functionName: 'deposit',
      value: amounts.WETH,
      gas: GAS_LIMIT,
    }),
  );
  for (const symbol of ['USDC', 'DAI'] as const) {
    await clients.confirm(
      wallet.writeContract({
        address: tokens[symbol],
        abi: testErc20Abi,
        functionName: 'mint',
        args: [to, amounts[symbol]],
        gas: GAS_LIMIT,
      }),
    );
  }
}

function amount(symbol: LocalnetTokenSymbol, value: string): bigint {
  return parseUnits(value, localnetTokens.find((token) => token.symbol === symbol)!.decimals);
}


function entries<K extends string, V>(record: Record<K, V>): [K, V][] {
  return Object.entries(record) as [K, V][];
}

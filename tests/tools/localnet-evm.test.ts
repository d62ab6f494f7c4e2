import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  erc20Abi,
  http,
  parseEther,
  parseUnits,
  type Address,
  type Chain,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { anvil } from 'viem/chains';
import {
  localnet,
  localnetContracts,
  localnetDevWallet,
  localnetSecondWallet,
  localnetTokens,
  localnetUniswapV2Pairs,
  localnetUniswapV3Pools,
  localnetWalletSeed,
} from '../../lib/chains/ethereum/localnet';
import {
  nonfungiblePositionManagerAbi,
  quoterV2Abi,
  swapRouter02Abi,
  uniswapV2PairAbi,
  uniswapV2RouterAbi,
  uniswapV3PoolAbi,
} from '../../tools/localnet/evm/abis';
import { startEvmLocalnet, type EvmLocalnet } from '../../tools/localnet/evm/setup';

const token = (symbol: (typeof localnetTokens)[number]['symbol']) => localnetTokens.find((t) => t.symbol === symbol)!;
const WETH = token('WETH').address;
const USDC = token('USDC').address;
const { router02 } = localnetContracts.uniswapV2;

let net: EvmLocalnet;
let chain: Chain;

const publicClient = () => createPublicClient({ chain, transport: http(net.rpcUrl) });
const balanceOf = (tokenAddress: Address, owner: Address) =>
  publicClient().readContract({ address: tokenAddress, abi: erc20Abi, functionName: 'balanceOf', args: [owner] });

beforeAll(async () => {
  net = await startEvmLocalnet();
  // Only the canonical Multicall3 address is added: viem's multicall then needs nothing else.
  chain = { ...anvil, id: localnet.chainId, contracts: { multicall3: { address: localnetContracts.multicall3 } } };
});

afterAll(async () => {
  await net?.stop();
  // Signal 0 only probes: it throws ESRCH once the process is gone.
  expect(() => process.kill(net.pid, 0)).toThrow();
});

describe('EVM localnet', () => {
  it('has code at every committed address', async () => {
    const addresses = [
      ...localnetTokens.map((t) => t.address),
      localnetContracts.multicall3,
      ...Object.values(localnetContracts.uniswapV2),
      ...Object.values(localnetContracts.uniswapV3),
      ...Object.values(localnetContracts.uniswapRouter),
      ...Object.values(localnetUniswapV2Pairs).map((pair) => pair.address),
      ...Object.values(localnetUniswapV3Pools).map((pool) => pool.address),
    ];
    for (const address of addresses) {
      const code = await publicClient().getCode({ address });
      expect(code?.length, address).toBeGreaterThan(2);
    }
  });

  it('renders position NFTs through the linked NFTDescriptor library', async () => {
    const uri = await publicClient().readContract({
      address: localnetContracts.uniswapV3.nonfungiblePositionManager,
      abi: nonfungiblePositionManagerAbi,
      functionName: 'tokenURI',
      args: [1n], // the seeded WETH/USDC 0.3% position
    });
    const metadata = JSON.parse(Buffer.from(uri.replace('data:application/json;base64,', ''), 'base64').toString());
    // WETH is shown under the native label the descriptor was deployed with; MIN<>MAX = full range.
    expect(metadata.name).toBe('Uniswap - 0.3% - USDC/ETH - MIN<>MAX');
  });

  it('seeds the dev and second wallets with round token balances', async () => {
    for (const owner of [localnetDevWallet.address, localnetSecondWallet.address]) {
      for (const { symbol, address } of localnetTokens) {
        expect(await balanceOf(address, owner), `${symbol} of ${owner}`).toBe(localnetWalletSeed[symbol]);
      }
    }
  });

  it('answers viem multicall through the canonical Multicall3', async () => {
    const results = await publicClient().multicall({
      allowFailure: false,
      contracts: localnetTokens.flatMap(({ address }) => [
        { address, abi: erc20Abi, functionName: 'decimals' } as const,
        { address, abi: erc20Abi, functionName: 'symbol' } as const,
      ]),
    });
    expect(results).toEqual(localnetTokens.flatMap(({ decimals, symbol }) => [decimals, symbol]));
  });

  it('prices WETH at about 3000 USDC on Uniswap V2, minus the 0.3% fee', async () => {
    const amountIn = parseEther('1');
    const [, out] = await publicClient().readContract({
      address: router02,
      abi: uniswapV2RouterAbi,
      functionName: 'getAmountsOut',
      args: [amountIn, [WETH, USDC]],
    });
    // Constant product with fee, from the pair's own reserves (WETH is token0).
    const [reserveWeth, reserveUsdc] = await publicClient().readContract({
      address: localnetUniswapV2Pairs['WETH-USDC'].address,
      abi: uniswapV2PairAbi,
      functionName: 'getReserves',
    });
    expect(out).toBe((amountIn * 997n * reserveUsdc) / (reserveWeth * 1000n + amountIn * 997n));
    expect(out).toBeGreaterThan(parseUnits('2985', 6)); // 1 ETH moves the 1000 ETH pool by 0.1%
    expect(out).toBeLessThan(parseUnits('2991', 6)); // 3000 * 0.997
  });

  it('quotes WETH -> USDC on the V3 0.3% pool with QuoterV2', async () => {
    const pool = localnetUniswapV3Pools['WETH-USDC-3000'];
    const [sqrtPriceX96] = await publicClient().readContract({
      address: pool.address,
      abi: uniswapV3PoolAbi,
      functionName: 'slot0',
    });
    // USDC per WETH = (sqrtPriceX96 / 2^96)^2 in base units, times 10^(18 - 6); kept in micro-units
    // because the integer square root rounds down.
    const microUsdcPerWeth = (sqrtPriceX96 * sqrtPriceX96 * 10n ** 12n * 10n ** 6n) >> 192n;
    expect(Number(microUsdcPerWeth) / 1e6).toBeCloseTo(3000, 4);

    const { result } = await publicClient().simulateContract({
      address: localnetContracts.uniswapV3.quoterV2,
      abi: quoterV2Abi,
      functionName: 'quoteExactInputSingle',
      args: [{ tokenIn: WETH, tokenOut: USDC, amountIn: parseEther('1'), fee: pool.fee, sqrtPriceLimitX96: 0n }],
    });
    const [amountOut] = result;
    expect(amountOut).toBeGreaterThan(parseUnits('2985', 6));
    expect(amountOut).toBeLessThan(parseUnits('2991', 6));
  });

  it('wires SwapRouter02 to the V2 and V3 factories and WETH; its QuoterV2 quotes as the periphery one does', async () => {
    const { swapRouter02, quoterV2 } = localnetContracts.uniswapRouter;
    const read = (functionName: 'factoryV2' | 'factory' | 'WETH9') => publicClient().readContract({ address: swapRouter02, abi: swapRouter02Abi, functionName });
    expect([await read('factoryV2'), await read('factory'), await read('WETH9')]).toEqual([
      localnetContracts.uniswapV2.factory,
      localnetContracts.uniswapV3.factory,
      WETH,
    ]);
    const quote = async (address: Address) => {
      const { result } = await publicClient().simulateContract({
        address,
        abi: quoterV2Abi,
        functionName: 'quoteExactInputSingle',
        args: [{ tokenIn: USDC, tokenOut: WETH, amountIn: parseUnits('3000', 6), fee: 500, sqrtPriceLimitX96: 0n }],
      });
      return result[0];
    };
    expect(await quote(quoterV2)).toBe(await quote(localnetContracts.uniswapV3.quoterV2));
  });

  it('swaps on Uniswap V2 for exactly the quoted amount, signed with the committed dev key', async () => {
    const account = privateKeyToAccount(localnetDevWallet.privateKey);
    expect(account.address).toBe(localnetDevWallet.address);
    const wallet = createWalletClient({ account, chain, transport: http(net.rpcUrl) });
    const client = publicClient();
    const amountIn = parseEther('2');
    const path = [WETH, USDC] as const;

    await client.waitForTransactionReceipt({
      hash: await wallet.writeContract({
        address: WETH,
        abi: erc20Abi,
        functionName: 'approve',
        args: [router02, amountIn],
      }),
    });
    const [, quoted] = await client.readContract({
      address: router02,
      abi: uniswapV2RouterAbi,
      functionName: 'getAmountsOut',
      args: [amountIn, path],
    });
    const wethBefore = await balanceOf(WETH, account.address);
    const usdcBefore = await balanceOf(USDC, account.address);
    const deadline = (await client.getBlock()).timestamp + 600n;
    const receipt = await client.waitForTransactionReceipt({
      hash: await wallet.writeContract({
        address: router02,
        abi: uniswapV2RouterAbi,
        functionName: 'swapExactTokensForTokens',
        args: [amountIn, quoted, path, account.address, deadline],
        // The pair writes its price accumulators only when the block timestamp moved; an estimate
        // made in the second before the block is mined would fall short, so do not estimate.
        gas: 300_000n,
      }),
    });
    expect(receipt.status).toBe('success');
    expect(await balanceOf(WETH, account.address)).toBe(wethBefore - amountIn);
    expect(await balanceOf(USDC, account.address)).toBe(usdcBefore + quoted);
  });

  it('restores state with evm_snapshot / evm_revert', async () => {
    const testClient = createTestClient({ mode: 'anvil', chain, transport: http(net.rpcUrl) });
    const account = privateKeyToAccount(localnetDevWallet.privateKey);
    const wallet = createWalletClient({ account, chain, transport: http(net.rpcUrl) });
    const before = await balanceOf(USDC, localnetSecondWallet.address);
    const blockBefore = await publicClient().getBlockNumber();

    const snapshot = await testClient.snapshot();
    await publicClient().waitForTransactionReceipt({
      hash: await wallet.writeContract({
        address: USDC,
        abi: erc20Abi,
        functionName: 'transfer',
        args: [localnetSecondWallet.address, parseUnits('5', 6)],
      }),
    });
    expect(await balanceOf(USDC, localnetSecondWallet.address)).toBe(before + parseUnits('5', 6));

    await testClient.revert({ id: snapshot });
    expect(await balanceOf(USDC, localnetSecondWallet.address)).toBe(before);
    expect(await publicClient().getBlockNumber()).toBe(blockBefore);
  });
});

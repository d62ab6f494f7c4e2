import { decodeFunctionResult, encodeFunctionData, erc20Abi, formatUnits, parseAbi, parseUnits, type Address } from 'viem';
import { localnetContracts, localnetDevWallet, localnetTokens, localnetUniswapV2Pairs } from '../../lib/chains/ethereum/localnet';
import { anvil } from '../support/chain';
import { api } from '../support/http';

// What the chain itself says, read straight from anvil (uncounted), to check Colibri's answers against.

export const ROUTER = localnetContracts.uniswapV2.router02;
export const PAIRS = localnetUniswapV2Pairs;
export const token = (symbol: 'WETH' | 'USDC' | 'DAI') => localnetTokens.find((entry) => entry.symbol === symbol)!;

const routerAbi = parseAbi([
  'function getAmountsOut(uint256 amountIn, address[] path) view returns (uint256[] amounts)',
  'function getAmountsIn(uint256 amountOut, address[] path) view returns (uint256[] amounts)',
  'function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline) returns (uint256[] amounts)',
]);

/** A contract call (`eth_call`) straight to anvil, decoded. */
export async function call<const abi extends readonly unknown[]>(to: Address, abi: abi, functionName: string, args: unknown[] = []) {
  const data = encodeFunctionData({ abi, functionName, args } as never);
  const result = await anvil<`0x${string}`>('eth_call', [{ to, data }, 'latest']);
  return decodeFunctionResult({ abi, functionName, data: result } as never) as unknown;
}

/** Router02 `getAmountsOut(amountIn, [tokenIn, tokenOut])[1]`, in base units. */
export async function routerAmountOut(amountIn: bigint, tokenIn: Address, tokenOut: Address): Promise<bigint> {
  return ((await call(ROUTER, routerAbi, 'getAmountsOut', [amountIn, [tokenIn, tokenOut]])) as bigint[])[1];
}

/** Router02 `getAmountsIn(amountOut, [tokenIn, tokenOut])[0]`, in base units. */
export async function routerAmountIn(amountOut: bigint, tokenIn: Address, tokenOut: Address): Promise<bigint> {
  return ((await call(ROUTER, routerAbi, 'getAmountsIn', [amountOut, [tokenIn, tokenOut]])) as bigint[])[0];
}

export async function balanceOf(tokenAddress: Address, owner: Address): Promise<bigint> {
  return (await call(tokenAddress, erc20Abi, 'balanceOf', [owner])) as bigint;
}

export async function nonceOf(address: Address): Promise<number> {
  return Number(await anvil<string>('eth_getTransactionCount', [address, 'latest']));
}

/** A human amount as the API answers it (a JSON number) from base units. */
export const human = (amount: bigint, decimals: number) => Number(formatUnits(amount, decimals));
export const units = (amount: string, decimals: number) => parseUnits(amount, decimals);

/** Approves the V2 router for a token through Colibri, by the connector's spender alias. */
export async function approveRouter(symbol: string, amount?: string): Promise<void> {
  const response = await api('/chains/ethereum/approve', { body: { network: 'localnet', spender: 'uniswap/amm', token: symbol, ...(amount ? { amount } : {}) } });
  if (response.status !== 200) throw new Error(`approve ${symbol}: ${await response.text()}`);
}

/**
 * Someone else's swap, straight to anvil from anvil's account #2 (impersonated, funded with WETH by
 * wrapping): moves the WETH-USDC price. With automine off it waits in the mempool.
 */
export async function moveWethUsdcPrice(wethIn: bigint): Promise<void> {
  const whale = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
  await anvil('anvil_impersonateAccount', [whale]);
  const send = (to: Address, data: `0x${string}`, value = 0n) => anvil('eth_sendTransaction', [{ from: whale, to, data, value: `0x${value.toString(16)}`, gas: '0x100000' }]);
  await send(token('WETH').address, '0xd0e30db0', wethIn);
  await send(token('WETH').address, encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [ROUTER, wethIn] }));
  await send(ROUTER, encodeFunctionData({ abi: routerAbi, functionName: 'swapExactTokensForTokens', args: [wethIn, 0n, [token('WETH').address, token('USDC').address], whale, 2n ** 40n] }));
}

export const dev = localnetDevWallet.address;

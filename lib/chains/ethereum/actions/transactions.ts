import { encodeFunctionData, erc20Abi, parseAbi, type Address, type Hex } from 'viem';

/** What the signer sends: a call, with `value` in wei as a decimal string (it crosses an RPC boundary). */
export type EvmTransactionRequest = { to: Address; data?: Hex; value?: string };

const weth9Abi = parseAbi(['function deposit() payable', 'function withdraw(uint256 wad)']);

/** ERC-20 `approve(spender, amount)`. */
export function approveRequest(token: Address, spender: Address, amount: bigint): EvmTransactionRequest {
  return { to: token, data: encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [spender, amount] }) };
}

/** WETH9-style `deposit()` carrying the native amount. */
export function wrapRequest(wrappedToken: Address, amount: bigint): EvmTransactionRequest {
  return { to: wrappedToken, data: encodeFunctionData({ abi: weth9Abi, functionName: 'deposit' }), value: amount.toString() };
}

/** WETH9-style `withdraw(amount)`. */
export function unwrapRequest(wrappedToken: Address, amount: bigint): EvmTransactionRequest {
  return { to: wrappedToken, data: encodeFunctionData({ abi: weth9Abi, functionName: 'withdraw', args: [amount] }) };
}

/** A native transfer, or ERC-20 `transfer(to, amount)` when `token` is given. */
export function transferRequest(to: Address, amount: bigint, token?: Address): EvmTransactionRequest {
  if (!token) return { to, value: amount.toString() };
  return { to: token, data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] }) };
}

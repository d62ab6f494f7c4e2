import { erc20Abi, formatUnits, multicall3Abi, type Address, type ContractFunctionParameters, type PublicClient } from 'viem';
import { NotFoundError } from '../../../errors';
import type { EvmToken } from '../../types';
import { MULTICALL3_ADDRESS, throwTransportFailure } from '../client';

export type GetBalancesParameters = {
  /** Whose balances. */
  owner: Address;
  /** Native currency symbol, reported first. */
  nativeSymbol: string;
  /** Tokens from the network's list. */
  tokens: EvmToken[];
  /** Token addresses outside the list: their symbol and decimals are read in the same batch. */
  unlisted?: Address[];
};

/** Balances in human units by symbol (unlisted tokens by the address given). */
export type GetBalancesReturnType = Record<string, number>;

/**
 * The native balance and every token balance in ONE `eth_call` (Multicall3 aggregate3: `getEthBalance`
 * plus `balanceOf` per token), whatever the number of tokens.
 */
export async function getBalances(client: PublicClient, { owner, nativeSymbol, tokens, unlisted = [] }: GetBalancesParameters): Promise<GetBalancesReturnType> {
  const contracts: ContractFunctionParameters[] = [
    { address: MULTICALL3_ADDRESS, abi: multicall3Abi, functionName: 'getEthBalance', args: [owner] },
    ...tokens.map((token) => ({ address: token.address, abi: erc20Abi, functionName: 'balanceOf', args: [owner] })),
    ...unlisted.flatMap((address) => [
      { address, abi: erc20Abi, functionName: 'balanceOf', args: [owner] },
      { address, abi: erc20Abi, functionName: 'decimals' },
    ]),
  ];
  const results = await client.multicall({ batchSize: 0, allowFailure: true, contracts });
  throwTransportFailure(results);
  const [native, ...rest] = results;
  if (native.status !== 'success') throw new Error(`Multicall3 getEthBalance failed: ${native.error}`);
  const balances: GetBalancesReturnType = { [nativeSymbol]: Number(formatUnits(native.result as bigint, 18)) };
  tokens.forEach((token, index) => {
    const result = rest[index];
    balances[token.symbol] = result.status === 'success' ? Number(formatUnits(result.result as bigint, token.decimals)) : 0;
  });
  unlisted.forEach((address, index) => {
    const [balance, decimals] = [rest[tokens.length + 2 * index], rest[tokens.length + 2 * index + 1]];
    if (balance.status !== 'success' || decimals.status !== 'success') throw new NotFoundError(`Token ${address} not found: no ERC-20 contract at that address`, 'TOKEN_NOT_FOUND');
    balances[address] = Number(formatUnits(balance.result as bigint, Number(decimals.result)));
  });
  return balances;
}

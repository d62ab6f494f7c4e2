import { erc20Abi, formatUnits, type Address, type PublicClient } from 'viem';
import type { EvmToken } from '../../types';
import { throwTransportFailure } from '../client';

export type GetAllowancesParameters = {
  owner: Address;
  spender: Address;
  tokens: EvmToken[];
};

/** Allowances in human units, by symbol, as strings (Gateway's shape). */
export type GetAllowancesReturnType = Record<string, string>;

/** Every token's allowance for `spender` in ONE `eth_call` (Multicall3). */
export async function getAllowances(client: PublicClient, { owner, spender, tokens }: GetAllowancesParameters): Promise<GetAllowancesReturnType> {
  const results = await client.multicall({
    batchSize: 0,
    allowFailure: true,
    contracts: tokens.map((token) => ({ address: token.address, abi: erc20Abi, functionName: 'allowance', args: [owner, spender] }) as const),
  });
  throwTransportFailure(results);
  return Object.fromEntries(
    tokens.map((token, index) => {
      const result = results[index];
      return [token.symbol, result.status === 'success' ? formatUnits(result.result as bigint, token.decimals) : '0'];
    }),
  );
}

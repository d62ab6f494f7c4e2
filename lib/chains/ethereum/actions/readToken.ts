import { erc20Abi, type Address, type PublicClient } from 'viem';
import { NotFoundError } from '../../../errors';
import { throwTransportFailure } from '../client';

export type ReadTokenParameters = {
  /** The ERC-20 contract. */
  address: Address;
};

export type ReadTokenReturnType = { name: string; symbol: string; decimals: number };

/** An ERC-20's name, symbol and decimals in ONE `eth_call` (Multicall3); a 404 when the address is not an ERC-20 contract. */
export async function readToken(client: PublicClient, { address }: ReadTokenParameters): Promise<ReadTokenReturnType> {
  const results = await client.multicall({
    batchSize: 0,
    allowFailure: true,
    contracts: [
      { address, abi: erc20Abi, functionName: 'name' },
      { address, abi: erc20Abi, functionName: 'symbol' },
      { address, abi: erc20Abi, functionName: 'decimals' },
    ],
  });
  throwTransportFailure(results);
  const [name, symbol, decimals] = results;
  if (name.status !== 'success' || symbol.status !== 'success' || decimals.status !== 'success') {
    throw new NotFoundError(`Token ${address} not found: no ERC-20 contract with a name, symbol and decimals at that address`, 'TOKEN_NOT_FOUND');
  }
  return { name: name.result, symbol: symbol.result, decimals: decimals.result };
}

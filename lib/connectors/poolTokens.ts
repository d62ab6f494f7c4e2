import { parseAbi, type Address, type PublicClient } from 'viem';
import { throwTransportFailure } from '../chains/ethereum/client';
import { NotFoundError } from '../errors';

/** The token getters of Uniswap-style pools: V2 pairs, V3 pools and their forks. */
export const poolTokensAbi = parseAbi(['function token0() view returns (address)', 'function token1() view returns (address)']);

/** A pool's two tokens in one `eth_call`; a 404 when the address is not such a pool. */
export async function readPoolTokens(client: PublicClient, pool: Address, where: string): Promise<[Address, Address]> {
  const results = await client.multicall({
    batchSize: 0,
    allowFailure: true,
    contracts: [
      { address: pool, abi: poolTokensAbi, functionName: 'token0' },
      { address: pool, abi: poolTokensAbi, functionName: 'token1' },
    ],
  });
  throwTransportFailure(results);
  const [token0, token1] = results;
  if (token0.status !== 'success' || token1.status !== 'success') throw new NotFoundError(`Pool ${pool} not found on ${where}`, 'POOL_NOT_FOUND');
  return [token0.result, token1.result];
}

import { erc20Abi, multicall3Abi, type Address, type ContractFunctionParameters, type PublicClient } from 'viem';
import { MULTICALL3_ADDRESS, throwTransportFailure } from '../chains/ethereum/client';

/** A contract read that returns one uint256, to batch beside a pool's reads in one multicall. */
export type UintRead = ContractFunctionParameters;

export const read = {
  /** The latest block's timestamp: deadlines come from chain time, not the machine's clock. */
  blockTimestamp: (): UintRead => ({ address: MULTICALL3_ADDRESS, abi: multicall3Abi, functionName: 'getCurrentBlockTimestamp' }),
  allowance: (token: Address, owner: Address, spender: Address): UintRead => ({ address: token, abi: erc20Abi, functionName: 'allowance', args: [owner, spender] }),
  balance: (token: Address, owner: Address): UintRead => ({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [owner] }),
  totalSupply: (token: Address): UintRead => ({ address: token, abi: erc20Abi, functionName: 'totalSupply' }),
};

/** How long a sent transaction stays valid. */
const DEADLINE_SECONDS = 600n;

/**
 * A transaction's deadline from the latest block's timestamp. A quiet chain (a local node with no
 * traffic) keeps an old latest block while its next block takes the clock's time, so the later of the
 * two counts; chain time ahead of the clock (a node's time travel) counts too.
 */
export function deadlineFrom(latestBlockTimestamp: bigint): bigint {
  const clock = BigInt(Math.floor(Date.now() / 1000));
  return (latestBlockTimestamp > clock ? latestBlockTimestamp : clock) + DEADLINE_SECONDS;
}

/** The values of `UintRead`s from a multicall with `allowFailure`: a failed read throws its error. */
export function uintValues(results: readonly { status: string; result?: unknown; error?: Error }[]): bigint[] {
  return results.map((result) => {
    if (result.status !== 'success') throw result.error;
    return result.result as bigint;
  });
}

/** `reads` in ONE `eth_call`, in order; a transport failure is rethrown as itself, for `mapRpcError`. */
export async function readUints(client: PublicClient, reads: UintRead[]): Promise<bigint[]> {
  const results = await client.multicall({ batchSize: 0, allowFailure: true, contracts: reads });
  throwTransportFailure(results);
  return uintValues(results);
}

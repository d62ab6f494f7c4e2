import { parseGwei, type PublicClient } from 'viem';
import type { EvmNetwork } from '../client';

export type GetFeeDataReturnType =
  | { type: 'eip1559'; maxFeePerGas: bigint; maxPriorityFeePerGas: bigint }
  | { type: 'legacy'; gasPrice: bigint };

/**
 * The fees a transaction offers now, in wei, in ONE batched request (latest block, the node's
 * priority fee and gas price together; viem's `estimateFeesPerGas` asks them one after another).
 * Configured values win, as in Gateway: `gasPrice` (legacy), else `baseFee`/`priorityFee` in gwei,
 * with maxFeePerGas = baseFee × baseFeeMultiplier + priorityFee.
 */
export async function getFeeData(client: PublicClient, network: EvmNetwork): Promise<GetFeeDataReturnType> {
  if (network.gasPrice !== null) return { type: 'legacy', gasPrice: parseGwei(String(network.gasPrice)) };
  const [block, nodePriority, gasPrice] = await Promise.all([
    client.getBlock({ blockTag: 'latest' }),
    // Not every node implements it; the configured priority fee covers that case.
    client.request({ method: 'eth_maxPriorityFeePerGas' }).then(BigInt, () => undefined),
    client.getGasPrice(),
  ]);
  if (block.baseFeePerGas === null) return { type: 'legacy', gasPrice };
  const priority = network.priorityFee !== null ? parseGwei(String(network.priorityFee)) : (nodePriority ?? 0n);
  const baseFee = network.baseFee !== null ? parseGwei(String(network.baseFee)) : block.baseFeePerGas;
  const multiplierPercent = BigInt(Math.round(network.baseFeeMultiplier * 100));
  return { type: 'eip1559', maxFeePerGas: (baseFee * multiplierPercent) / 100n + priority, maxPriorityFeePerGas: priority };
}

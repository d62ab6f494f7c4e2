import { describeError, log } from '../../../log';
import type { SolanaClient } from '../client';

/** What the network charges per signature, in lamports. */
export const LAMPORTS_PER_SIGNATURE = 5000;

/** Percentile of recent per-slot fees each Gateway (Helius) priority level stands for. */
const LEVEL_PERCENTILE = { Min: 0, Low: 25, Medium: 50, High: 75, VeryHigh: 95, UnsafeMax: 100 } as const;

export type EstimateGasReturnType = {
  /** Priority fee in lamports per compute unit, within the network's min/max. */
  feePerComputeUnit: number;
  denomination: 'lamports';
  computeUnits: number;
  feeAsset: string;
  /** Fee of a one-signature transaction using `computeUnits`, in SOL. */
  fee: number;
  timestamp: number;
  priorityFeeLevel: keyof typeof LEVEL_PERCENTILE;
  /** The unclamped estimate (lamports/CU); absent when the node could not give one. */
  priorityFeePerCUEstimate?: number;
};

/** Nearest-rank percentile of a non-empty list. */
function percentile(values: number[], pct: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((pct / 100) * sorted.length) - 1)];
}

/**
 * The priority fee to pay, from `getRecentPrioritizationFees` (per recent slot, the lowest price that
 * landed), at the percentile of the network's `priorityFeeLevel`, clamped to its min/max. Like Gateway,
 * a failed estimate falls back to `minPriorityFeePerCU` rather than failing (one RPC request).
 */
export async function estimateGas({ connection, network }: SolanaClient): Promise<EstimateGasReturnType> {
  let estimate: number | undefined;
  try {
    const fees = (await connection.getRecentPrioritizationFees()).map((slot) => slot.prioritizationFee);
    // The node reports micro-lamports per compute unit.
    if (fees.length) estimate = percentile(fees, LEVEL_PERCENTILE[network.priorityFeeLevel]) / 1e6;
  } catch (error) {
    log('warn', 'priority fee estimate failed; using minPriorityFeePerCU', { network: network.name, ...describeError(error) });
  }
  const feePerComputeUnit = Math.min(network.maxPriorityFeePerCU, Math.max(network.minPriorityFeePerCU, estimate ?? network.minPriorityFeePerCU));
  return {
    feePerComputeUnit,
    denomination: 'lamports',
    computeUnits: network.defaultComputeUnits,
    feeAsset: network.nativeCurrencySymbol,
    fee: (feePerComputeUnit * network.defaultComputeUnits + LAMPORTS_PER_SIGNATURE) / 1e9,
    timestamp: Date.now(),
    priorityFeeLevel: network.priorityFeeLevel,
    ...(estimate === undefined ? {} : { priorityFeePerCUEstimate: estimate }),
  };
}

import { formatGwei, type PublicClient } from 'viem';
import type { EvmNetwork } from '../client';

/** Gateway reports the fee of a 300k-gas transaction, its reference size for a swap. */
export const REFERENCE_GAS = 300_000;

export type EstimateGasReturnType = {
  feePerComputeUnit: number;
  denomination: 'gwei';
  computeUnits: number;
  feeAsset: string;
  fee: number;
  timestamp: number;
  gasType: 'eip1559' | 'legacy';
  maxFeePerGas?: number;
  maxPriorityFeePerGas?: number;
};

/**
 * Current gas price in gwei and the fee of a reference transaction in the native asset. Configured
 * `gasPrice` (legacy) or `baseFee`/`priorityFee` (EIP-1559) values win over the node's.
 */
export async function estimateGas(client: PublicClient, network: EvmNetwork): Promise<EstimateGasReturnType> {
  const base = { denomination: 'gwei' as const, computeUnits: REFERENCE_GAS, feeAsset: network.nativeCurrencySymbol, timestamp: Date.now() };
  if (network.gasPrice !== null) {
    return { ...base, feePerComputeUnit: network.gasPrice, fee: (network.gasPrice * REFERENCE_GAS) / 1e9, gasType: 'legacy' };
  }
  const fees = await client.estimateFeesPerGas();
  if (fees.maxFeePerGas === undefined) {
    const gasPrice = Number(formatGwei(fees.gasPrice!));
    return { ...base, feePerComputeUnit: gasPrice, fee: (gasPrice * REFERENCE_GAS) / 1e9, gasType: 'legacy' };
  }
  const priority = network.priorityFee ?? Number(formatGwei(fees.maxPriorityFeePerGas));
  const maxFee = network.baseFee !== null ? network.baseFee * network.baseFeeMultiplier + priority : Number(formatGwei(fees.maxFeePerGas));
  return { ...base, feePerComputeUnit: maxFee, fee: (maxFee * REFERENCE_GAS) / 1e9, gasType: 'eip1559', maxFeePerGas: maxFee, maxPriorityFeePerGas: priority };
}

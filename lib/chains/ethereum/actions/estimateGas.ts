import { formatGwei, type PublicClient } from 'viem';
import type { EvmNetwork } from '../client';
import { getFeeData } from './getFeeData';

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

/** Current gas price in gwei and the fee of a reference transaction in the native asset (one RPC request). */
export async function estimateGas(client: PublicClient, network: EvmNetwork): Promise<EstimateGasReturnType> {
  const base = { denomination: 'gwei' as const, computeUnits: REFERENCE_GAS, feeAsset: network.nativeCurrencySymbol, timestamp: Date.now() };
  const fees = await getFeeData(client, network);
  if (fees.type === 'legacy') {
    const gasPrice = Number(formatGwei(fees.gasPrice));
    return { ...base, feePerComputeUnit: gasPrice, fee: (gasPrice * REFERENCE_GAS) / 1e9, gasType: 'legacy' };
  }
  const maxFee = Number(formatGwei(fees.maxFeePerGas));
  const priority = Number(formatGwei(fees.maxPriorityFeePerGas));
  return { ...base, feePerComputeUnit: maxFee, fee: (maxFee * REFERENCE_GAS) / 1e9, gasType: 'eip1559', maxFeePerGas: maxFee, maxPriorityFeePerGas: priority };
}

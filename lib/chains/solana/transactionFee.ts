import { ComputeBudgetProgram, type VersionedTransaction } from '@solana/web3.js';
import { LAMPORTS_PER_SIGNATURE } from './actions/estimateGas';

const COMPUTE_BUDGET_PROGRAM = ComputeBudgetProgram.programId;

/**
 * What the transaction pays: the signatures' base fee plus its compute budget's priority fee (unit
 * limit × micro-lamports per unit, rounded up), read from its own ComputeBudget instructions.
 */
export function transactionFee(transaction: VersionedTransaction): bigint {
  const { message } = transaction;
  let units = 0n;
  let microLamports = 0n;
  for (const instruction of message.compiledInstructions) {
    if (!message.staticAccountKeys[instruction.programIdIndex]?.equals(COMPUTE_BUDGET_PROGRAM)) continue;
    const data = Buffer.from(instruction.data);
    // ComputeBudgetInstruction: 2 SetComputeUnitLimit(u32), 3 SetComputeUnitPrice(u64), little-endian after the tag.
    if (data[0] === 2 && data.length >= 5) units = BigInt(data.readUInt32LE(1));
    if (data[0] === 3 && data.length >= 9) microLamports = data.readBigUInt64LE(1);
  }
  return BigInt(LAMPORTS_PER_SIGNATURE * message.header.numRequiredSignatures) + (microLamports * units + 999_999n) / 1_000_000n;
}

import type { Connection } from '@solana/web3.js';
import { formatUnits } from 'viem';
import type { PollResponse } from '../../../../schemas/chains';

/** `txStatus`: 1 confirmed, -1 failed (landed with an error), 0 not found (yet); `fee` in SOL. */
export type PollTransactionReturnType = PollResponse & { txStatus: 1 | 0 | -1 };

/**
 * A transaction's state at `confirmed`: the current slot and the transaction, two requests in
 * parallel. A signature the node does not know is pending (0), as in Gateway: on Solana "not found"
 * cannot be told apart from "not landed yet".
 */
export async function pollTransaction(connection: Connection, signature: string): Promise<PollTransactionReturnType> {
  const [currentBlock, tx] = await Promise.all([connection.getSlot(), connection.getTransaction(signature, { maxSupportedTransactionVersion: 0 })]);
  if (!tx) return { currentBlock, signature, txBlock: null, txStatus: 0, fee: null, txData: null };
  const err = tx.meta?.err ?? null;
  return {
    currentBlock,
    signature,
    txBlock: tx.slot,
    txStatus: err === null ? 1 : -1,
    fee: tx.meta ? Number(formatUnits(BigInt(tx.meta.fee), 9)) : null,
    txData: {
      slot: tx.slot,
      blockTime: tx.blockTime ?? null,
      err,
      computeUnitsConsumed: tx.meta?.computeUnitsConsumed ?? null,
      logMessages: tx.meta?.logMessages ?? [],
    },
    ...(err === null ? {} : { error: `Transaction failed: ${JSON.stringify(err)}` }),
  };
}

import { formatEther, TransactionNotFoundError, TransactionReceiptNotFoundError, type Hash, type PublicClient } from 'viem';
import type { PollResponse } from '../../../../schemas/chains';

/** `txStatus`: 1 confirmed, 0 pending, -1 failed (reverted) or unknown to the node. */
export type PollTransactionReturnType = PollResponse & { txStatus: 1 | 0 | -1 };

const notFound = (error: unknown) => error instanceof TransactionNotFoundError || error instanceof TransactionReceiptNotFoundError;

/**
 * A transaction's state from the node: block number, receipt and transaction in ONE batched request.
 * A reverted transaction is failed (Gateway 2.13 reports it as confirmed); an unknown hash is failed
 * with `error`, never an HTTP error.
 */
export async function pollTransaction(client: PublicClient, hash: Hash): Promise<PollTransactionReturnType> {
  const [block, receipt, transaction] = await Promise.allSettled([
    client.getBlockNumber({ cacheTime: 0 }),
    client.getTransactionReceipt({ hash }),
    client.getTransaction({ hash }),
  ]);
  if (block.status === 'rejected') throw block.reason;
  for (const settled of [receipt, transaction]) if (settled.status === 'rejected' && !notFound(settled.reason)) throw settled.reason;
  const currentBlock = Number(block.value);
  const tx = transaction.status === 'fulfilled' ? transaction.value : undefined;
  const txData = tx
    ? {
        hash: tx.hash,
        from: tx.from,
        to: tx.to,
        nonce: tx.nonce,
        value: tx.value.toString(),
        gasLimit: tx.gas.toString(),
        gasPrice: (tx.gasPrice ?? tx.maxFeePerGas)?.toString() ?? null,
        blockNumber: tx.blockNumber === null ? null : Number(tx.blockNumber),
        data: tx.input,
      }
    : null;
  if (receipt.status === 'fulfilled') {
    const mined = receipt.value;
    return {
      currentBlock,
      signature: hash,
      txBlock: Number(mined.blockNumber),
      txStatus: mined.status === 'success' ? 1 : -1,
      fee: Number(formatEther(mined.gasUsed * mined.effectiveGasPrice)),
      txData,
      ...(mined.status === 'reverted' ? { error: 'Transaction reverted' } : {}),
    };
  }
  if (tx) return { currentBlock, signature: hash, txBlock: null, txStatus: 0, fee: null, txData };
  return { currentBlock, signature: hash, txBlock: -1, txStatus: -1, fee: null, txData: null, error: 'Transaction not found' };
}

import { and, eq } from 'drizzle-orm';
import { getAddress, type Address } from 'viem';
import { tokenDeltas } from '../../lib/connectors/transfers';
import { Decimal } from '../../lib/decimal';
import { getDb, type Db } from '../../lib/db/client';
import { gatewaySwaps } from '../../lib/db/schema';
import { log } from '../../lib/log';
import { settleClmmEvents } from './clmm.follower';
import { gasFee, MAX_PENDING_MS, networkReaders, type NetworkReader, type ReaderEnv } from './network-readers';
import type { SwapRecord } from './swaps.store';

const BATCH = 200;

/** A swap's outcome from its receipt: amounts in and out and price from the wallet's transfers, exactly. */
async function settleSwap(reader: NetworkReader, swap: SwapRecord): Promise<Partial<SwapRecord> | undefined> {
  const receipt = await reader.receipt(swap.transactionHash!);
  if (!receipt) {
    const stale = Date.now() - swap.timestamp.getTime() > MAX_PENDING_MS;
    return stale ? { status: 'FAILED', errorMessage: 'not found on chain: dropped' } : undefined;
  }
  const paid = { gasFee: gasFee(receipt), gasToken: reader.gasToken, walletAddress: swap.walletAddress ?? getAddress(receipt.from) };
  if (receipt.status !== 'success') return { ...paid, status: 'FAILED', errorMessage: 'reverted' };
  const [base, quote] = [reader.tokens.find(swap.baseToken), reader.tokens.find(swap.quoteToken)];
  if (!base || !quote) return { ...paid, status: 'CONFIRMED', errorMessage: `${swap.tradingPair} is no longer in the token list: amounts not read` };
  const [baseDelta, quoteDelta] = await tokenDeltas(reader.client, { hash: receipt.transactionHash, logs: receipt.logs }, paid.walletAddress as Address, [base, quote]);
  const baseAmount = Decimal.fromUnits(swap.side === 'SELL' ? -baseDelta : baseDelta, base.decimals);
  const quoteAmount = Decimal.fromUnits(swap.side === 'SELL' ? quoteDelta : -quoteDelta, quote.decimals);
  const [input, output] = swap.side === 'SELL' ? [baseAmount, quoteAmount] : [quoteAmount, baseAmount];
  return {
    ...paid,
    status: 'CONFIRMED',
    inputAmount: input.toString(),
    outputAmount: output.toString(),
    price: baseAmount.isZero() ? null : quoteAmount.dividedBy(baseAmount).toString(),
  };
}

/** Confirms or fails every submitted swap (or the one with `hash`) whose receipt the chain has (or that was dropped). */
export async function settleSwaps(db: Db, reader: ReturnType<typeof networkReaders>, hash?: string): Promise<{ settled: number; pending: number }> {
  const submitted = eq(gatewaySwaps.status, 'SUBMITTED');
  const pending = await db
    .select()
    .from(gatewaySwaps)
    .where(hash === undefined ? submitted : and(submitted, eq(gatewaySwaps.transactionHash, hash)))
    .limit(BATCH);
  const outcomes = await Promise.allSettled(
    pending.map(async (swap) => {
      const network = await reader(swap.network);
      const changes = network && (await settleSwap(network, swap));
      if (changes) await db.update(gatewaySwaps).set(changes).where(eq(gatewaySwaps.id, swap.id));
      return changes ? 1 : 0;
    }),
  );
  for (const outcome of outcomes) if (outcome.status === 'rejected') log('warn', 'gateway follower: a swap stays pending', { error: String(outcome.reason) });
  const settled = outcomes.reduce((sum, outcome) => sum + (outcome.status === 'fulfilled' ? outcome.value : 0), 0);
  return { settled, pending: pending.length - settled };
}

/**
 * The follower's safety net (a Cron Trigger; each new transaction is followed at once by its
 * TransactionFollower): settles pending swaps and CLMM events from their receipts, so nothing
 * depends on a client polling. Each row is settled on its own; one failure is logged and
 * retried on the next run.
 */
export async function follow(env: ReaderEnv): Promise<{ swaps: number; clmmEvents: number }> {
  const db = getDb(env);
  const reader = networkReaders(env, db);
  const [{ settled: swaps }, { settled: clmmEvents }] = await Promise.all([settleSwaps(db, reader), settleClmmEvents(db, reader)]);
  if (swaps || clmmEvents) log('info', 'gateway follower settled transactions', { swaps, clmmEvents });
  return { swaps, clmmEvents };
}

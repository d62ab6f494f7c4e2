import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { getDb } from '../../lib/db/client';
import { gatewayClmmPositions, gatewaySwaps } from '../../lib/db/schema';
import gateway from '../../workers/gateway';
import { anvil } from '../support/chain';
import { api } from '../support/http';

/** Runs the follower's Cron Trigger once, as Cloudflare would, and waits for it to finish. */
export async function runFollower(): Promise<void> {
  const ctx = createExecutionContext();
  await gateway.scheduled({ cron: '* * * * *', scheduledTime: Date.now(), noRetry() {} } as ScheduledController, env as never, ctx);
  await waitOnExecutionContext(ctx);
}

/** Forgets the recorded history: anvil snapshots make transaction hashes and token ids repeat between tests. */
export async function clearHistory(): Promise<void> {
  const db = getDb(env);
  await db.delete(gatewaySwaps);
  await db.delete(gatewayClmmPositions);
}

/** What the chain says a mined transaction paid in gas, in wei. */
export async function gasPaid(hash: string): Promise<bigint> {
  const receipt = await anvil<{ gasUsed: string; effectiveGasPrice: string }>('eth_getTransactionReceipt', [hash]);
  return BigInt(receipt.gasUsed) * BigInt(receipt.effectiveGasPrice);
}

/**
 * The swap's status once it is no longer SUBMITTED, read as Hummingbot's poller reads it (every 50 ms
 * here); its last answer after `timeoutMs` (a test asserts the state, never the time it took).
 */
export async function settledSwap<Row extends { status: string }>(hash: string, timeoutMs = 10_000): Promise<Row> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await (await api(`/gateway/swaps/${hash}/status`)).json<Row>();
    if (row.status !== 'SUBMITTED' || Date.now() > deadline) return row;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The position's events once none is SUBMITTED (or their last state after `timeoutMs`), newest first. */
export async function settledEvents<Event extends { status: string }>(positionAddress: string, timeoutMs = 10_000): Promise<Event[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { data } = await (await api(`/gateway/clmm/positions/${positionAddress}/events`)).json<{ data: Event[] }>();
    if (data.every((event) => event.status !== 'SUBMITTED') || Date.now() > deadline) return data;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

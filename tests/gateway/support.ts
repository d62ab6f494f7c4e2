import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { getDb } from '../../lib/db/client';
import { gatewayClmmPositions, gatewaySwaps } from '../../lib/db/schema';
import gateway from '../../workers/gateway';
import { anvil } from '../support/chain';

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

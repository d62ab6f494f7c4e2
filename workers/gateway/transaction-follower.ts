import { DurableObject } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { getDb } from '../../lib/db/client';
import { gatewayClmmEvents } from '../../lib/db/schema';
import { log } from '../../lib/log';
import { settleClmmEvents } from './clmm.follower';
import { settleSwaps } from './follower';
import { networkReaders, type ReaderEnv } from './network-readers';

/** A transaction `/gateway` recorded as SUBMITTED: a swap, or a CLMM position's event. */
export interface FollowedTransaction {
  kind: 'swap' | 'clmm';
  hash: string;
}

interface Following extends FollowedTransaction {
  since: number;
  looks: number;
}

/** How long after each look the next one comes while the transaction is unmined: soon at first, then less often. */
const NEXT_LOOK_MS = [250, 500, 1000, 2000, 5000, 10_000];
/** After this the minute Cron (follower.ts) alone keeps following it, up to MAX_PENDING_MS. */
const FOLLOW_FOR_MS = 15 * 60 * 1000;

/**
 * Follows one transaction from the moment it is sent: an alarm settles its row from the receipt as soon
 * as the chain has it (the receipt is read off the request path, and a restart keeps the alarm). The
 * Cron Trigger stays the safety net for anything this misses (a failed call, a follow given up).
 */
export class TransactionFollower extends DurableObject<ReaderEnv> {
  async follow(transaction: FollowedTransaction): Promise<void> {
    await this.ctx.storage.put<Following>('following', { ...transaction, since: Date.now(), looks: 0 });
    await this.ctx.storage.setAlarm(Date.now());
  }

  override async alarm(): Promise<void> {
    const following = await this.ctx.storage.get<Following>('following');
    if (!following) return;
    const settled = await settle(this.env, following).catch((error: unknown) => {
      log('warn', 'gateway follower: a transaction stays pending', { transactionHash: following.hash, error: String(error) });
      return false;
    });
    if (settled || Date.now() - following.since > FOLLOW_FOR_MS) return this.ctx.storage.deleteAll();
    await this.ctx.storage.put<Following>('following', { ...following, looks: following.looks + 1 });
    await this.ctx.storage.setAlarm(Date.now() + NEXT_LOOK_MS[Math.min(following.looks, NEXT_LOOK_MS.length - 1)]);
  }
}

/** Settles the transaction's row (a CLMM event with its position's earlier events, in order); whether nothing is left pending. */
async function settle(env: ReaderEnv, { kind, hash }: FollowedTransaction): Promise<boolean> {
  const db = getDb(env);
  const readers = networkReaders(env, db);
  if (kind === 'swap') return (await settleSwaps(db, readers, hash)).pending === 0;
  const [event] = await db.select({ positionId: gatewayClmmEvents.positionId }).from(gatewayClmmEvents).where(eq(gatewayClmmEvents.transactionHash, hash)).limit(1);
  return !event || (await settleClmmEvents(db, readers, event.positionId)).pending === 0;
}

export interface FollowerEnv {
  FOLLOWER: DurableObjectNamespace<TransactionFollower>;
}

/** Starts following a just-recorded transaction. A failure here only delays it to the next Cron run. */
export async function followTransaction(env: FollowerEnv, transaction: FollowedTransaction): Promise<void> {
  try {
    await env.FOLLOWER.get(env.FOLLOWER.idFromName(`${transaction.kind}:${transaction.hash}`)).follow(transaction);
  } catch (error) {
    log('warn', 'gateway follower: not followed at once; the Cron settles it', { transactionHash: transaction.hash, error: String(error) });
  }
}

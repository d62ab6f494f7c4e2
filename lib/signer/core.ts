import type { HttpError } from '../errors';
import { log } from '../log';
import { SerialLock } from './lock';
import type { TransactionLog, TransactionRow } from './transaction-log';

/** What every chain's intent carries besides its transaction. */
export interface TransactionIntent {
  /** What the transaction is for (`approve`, `wrap`, `swap`...), kept in the log. */
  kind: string;
  /** A retried request with the same key gets the first one's transaction, never a second one. */
  idempotencyKey?: string;
}

/**
 * What became of a transaction signed before a crash and never recorded as sent, as the node answered
 * definitely: on its way (`sent`: the node has it, or took it again), or never to land (`failed`).
 */
export type Recovered = { status: 'sent' } | { status: 'failed'; error: string };

/**
 * One rule for every chain's broadcast: a node that did not answer (429, 5xx, a lost connection) may
 * have taken the transaction, so it is recorded `sent` (never `failed`) and the node's error thrown.
 * It is then followed as any sent transaction: a retry under its key waits for it, and it is marked
 * failed only once the node definitely says it is gone (EVM: unknown at its nonce; Solana: unknown with
 * its blockhash expired), so a send whose outcome is unknown is never replaced by a new transaction.
 * A definite refusal is handed back to the chain's part to decide.
 */
export async function broadcastSigned(
  txLog: TransactionLog,
  row: TransactionRow,
  send: () => Promise<unknown>,
  unreachable: (error: unknown) => HttpError | undefined,
): Promise<{ sent: TransactionRow } | { refused: unknown }> {
  try {
    await send();
  } catch (error) {
    const unanswered = unreachable(error);
    if (!unanswered) return { refused: error };
    await txLog.update(row.id, { status: 'sent' });
    log('warn', 'a broadcast got no answer: the transaction counts as sent and is followed', { ...txLog.where, hash: row.hash, reason: unanswered.message });
    throw unanswered;
  }
  return { sent: await txLog.update(row.id, { status: 'sent' }) };
}

/** What one chain adds to the signer: its client, and how it signs, sends, recovers and waits. */
export interface ChainSigner<Intent extends TransactionIntent, Outcome, Client> {
  /** A client for one send (a socket must not outlive the request that opened it). */
  client(intent: Intent): Client;
  /** Signs the intent, records it in the log as `signed` before it leaves, sends it; the row as sent. */
  signAndSend(client: Client, intent: Intent, txLog: TransactionLog): Promise<TransactionRow>;
  /** Broadcasts a recovered transaction again; throws (429/503) when the node cannot say what became of it. */
  recover(client: Client, row: TransactionRow): Promise<Recovered>;
  /** Waits for the sent transaction to land, within the network's limits, and records the outcome. */
  awaitOutcome(client: Client, row: TransactionRow, txLog: TransactionLog): Promise<Outcome>;
  /** The outcome as the log has it (a retry of a finished transaction). */
  outcomeOf(row: TransactionRow): Outcome;
}

/**
 * One wallet's signer on one network, for any chain: one transaction at a time under a lock (so a nonce
 * or an idempotency key is never taken twice), recovery of what a crash left signed but unsent before
 * anything new is signed, and every step in the transaction log. The chain's part does the rest.
 */
export class WalletSigner<Intent extends TransactionIntent, Outcome, Client> {
  private recovered = false;
  private readonly lock = new SerialLock();

  constructor(
    private readonly chain: ChainSigner<Intent, Outcome, Client>,
    private readonly txLog: TransactionLog,
  ) {}

  async send(intent: Intent): Promise<Outcome> {
    const client = this.chain.client(intent);
    const sent = await this.lock.run(() => this.signAndSend(client, intent));
    return 'outcome' in sent ? sent.outcome : this.chain.awaitOutcome(client, sent.row, this.txLog);
  }

  private async signAndSend(client: Client, intent: Intent): Promise<{ row: TransactionRow } | { outcome: Outcome }> {
    // Recovery first, so a retried request whose transaction was signed but not sent finds it sent.
    if (!this.recovered) await this.recover(client);
    if (intent.idempotencyKey !== undefined) {
      const previous = await this.txLog.byIdempotencyKey(intent.idempotencyKey);
      if (previous) return previous.status === 'confirmed' || previous.status === 'failed' ? { outcome: this.chain.outcomeOf(previous) } : { row: previous };
    }
    return { row: await this.chain.signAndSend(client, intent, this.txLog) };
  }

  /**
   * Each transaction signed but never recorded as sent gets its fate decided once: broadcast again, or
   * failed when the node definitely refuses it. A node that cannot answer leaves it for the next send.
   */
  private async recover(client: Client): Promise<void> {
    for (const row of await this.txLog.withStatus('signed')) {
      const recovered = await this.chain.recover(client, row);
      await this.txLog.update(row.id, recovered.status === 'failed' ? { status: 'failed', fee: null, error: recovered.error.slice(0, 500) } : { status: 'sent' });
      log(recovered.status === 'sent' ? 'info' : 'warn', `recovered a signed transaction: ${recovered.status}`, { ...this.txLog.where, hash: row.hash });
    }
    this.recovered = true;
  }
}

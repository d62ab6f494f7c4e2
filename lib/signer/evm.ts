import { and, eq } from 'drizzle-orm';
import {
  BaseError,
  formatEther,
  keccak256,
  WaitForTransactionReceiptTimeoutError,
  type Address,
  type PrivateKeyAccount,
  type PublicClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { createEvmClient, mapRpcError, type EvmNetwork } from '../chains/ethereum/client';
import { getDb, type Db } from '../db/client';
import { transactions } from '../db/schema';
import type { RouterEnv } from '../env';
import { BadRequestError } from '../errors';
import { log } from '../log';
import { loadPrivateKey } from '../wallets/store';
import type { EvmTransactionIntent, EvmTransactionOutcome } from './types';

type Row = typeof transactions.$inferSelect;
type Sent = { row: Row } | { outcome: EvmTransactionOutcome };

const GAS_BUFFER_PERCENT = 120n;

function outcomeOf(row: Row): EvmTransactionOutcome {
  const status = row.status === 'confirmed' ? 1 : row.status === 'failed' ? -1 : 0;
  return { hash: row.hash as `0x${string}`, nonce: row.nonce ?? -1, status, fee: row.fee, blockNumber: row.blockNumber };
}

function matches(error: unknown, pattern: RegExp): boolean {
  const text = error instanceof BaseError ? `${error.shortMessage} ${error.details ?? ''}` : String(error);
  return pattern.test(text);
}

/** A node's "this would fail" during simulation: refused with the reason, no gas spent. */
function simulationFailure(error: unknown): BadRequestError | undefined {
  if (!(error instanceof BaseError)) return undefined;
  if (!matches(error, /revert|insufficient funds|exceeds balance|gas required exceeds/i)) return undefined;
  const reason = (error.details || error.shortMessage).replace(/\s+/g, ' ').trim();
  return new BadRequestError(`Transaction would fail and was not sent: ${reason}`, 'SIMULATION_FAILED');
}

/**
 * One wallet's EVM signing on one network. Everything that picks a nonce runs under one lock, so
 * concurrent requests never share or skip a nonce; the key is decrypted once and kept in memory.
 */
export class EvmWalletSigner {
  private account?: PrivateKeyAccount;
  private nextNonce?: number;
  private recovered = false;
  private lock: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly env: RouterEnv,
    private readonly network: string,
    private readonly address: Address,
  ) {}

  async send(intent: EvmTransactionIntent): Promise<EvmTransactionOutcome> {
    const client = createEvmClient(intent.network);
    const sent = await this.serialized(() => this.signAndSend(client, intent));
    return 'outcome' in sent ? sent.outcome : this.awaitOutcome(client, intent.network, sent.row);
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lock.then(work, work);
    this.lock = run.catch(() => undefined);
    return run;
  }

  private scope() {
    return and(eq(transactions.chain, 'ethereum'), eq(transactions.network, this.network), eq(transactions.address, this.address));
  }

  private async signAndSend(client: PublicClient, intent: EvmTransactionIntent, attempt = 1): Promise<Sent> {
    const db = getDb(this.env);
    if (intent.idempotencyKey) {
      const [previous] = await db.select().from(transactions).where(and(this.scope(), eq(transactions.idempotencyKey, intent.idempotencyKey)));
      if (previous) return previous.status === 'confirmed' || previous.status === 'failed' ? { outcome: outcomeOf(previous) } : { row: previous };
    }
    this.account ??= privateKeyToAccount((await loadPrivateKey(this.env, 'ethereum', this.address)) as `0x${string}`);
    if (!this.recovered) await this.rebroadcastSigned(db, client, intent.network);

    const { to, data } = intent.request;
    const value = BigInt(intent.request.value ?? '0');
    // Simulation, fees and the pending nonce travel in one batched RPC request.
    const [gas, fees, pending] = await Promise.all([
      client.estimateGas({ account: this.address, to, data, value }),
      client.estimateFeesPerGas(),
      client.getTransactionCount({ address: this.address, blockTag: 'pending' }),
    ]).catch((error) => {
      throw simulationFailure(error) ?? mapRpcError(error, intent.network);
    });
    const nonce = await this.chooseNonce(db, client, pending);
    const common = { chainId: intent.network.chainID, nonce, to, data, value, gas: (gas * GAS_BUFFER_PERCENT) / 100n };
    const serialized = await this.account.signTransaction(
      fees.maxFeePerGas !== undefined
        ? { ...common, type: 'eip1559', maxFeePerGas: fees.maxFeePerGas, maxPriorityFeePerGas: fees.maxPriorityFeePerGas }
        : { ...common, type: 'legacy', gasPrice: fees.gasPrice },
    );
    const [row] = await db
      .insert(transactions)
      .values({
        id: crypto.randomUUID(),
        chain: 'ethereum',
        network: this.network,
        address: this.address,
        kind: intent.kind,
        idempotencyKey: intent.idempotencyKey,
        nonce,
        hash: keccak256(serialized),
        raw: serialized,
        status: 'signed',
      })
      .returning();
    try {
      await client.sendRawTransaction({ serializedTransaction: serialized });
    } catch (error) {
      if (!matches(error, /already known/i)) {
        await db.update(transactions).set({ status: 'failed', error: String(error).slice(0, 500), updatedAt: new Date() }).where(eq(transactions.id, row.id));
        if (attempt === 1 && matches(error, /nonce too low|nonce too high|replacement transaction underpriced/i)) {
          log('warn', 'nonce conflict; resyncing from the chain', { network: this.network, address: this.address, nonce });
          this.nextNonce = undefined;
          return this.signAndSend(client, intent, attempt + 1);
        }
        throw simulationFailure(error) ?? mapRpcError(error, intent.network);
      }
    }
    this.nextNonce = nonce + 1;
    const [sent] = await db.update(transactions).set({ status: 'sent', updatedAt: new Date() }).where(eq(transactions.id, row.id)).returning();
    return { row: sent };
  }

  /**
   * The local counter, unless the chain knows better: more pending transactions than ours means some
   * were sent elsewhere; fewer means ours at that nonce was dropped, so its nonce is used again to
   * close the gap.
   */
  private async chooseNonce(db: Db, client: PublicClient, pending: number): Promise<number> {
    const local = this.nextNonce ?? pending;
    if (pending >= local) return pending;
    const [inFlight] = await db.select().from(transactions).where(and(this.scope(), eq(transactions.nonce, pending), eq(transactions.status, 'sent')));
    const known = inFlight ? await client.getTransaction({ hash: inFlight.hash as `0x${string}` }).then(() => true, () => false) : false;
    if (known) return local;
    log('warn', 'transaction dropped by the node; reusing its nonce', { network: this.network, address: this.address, nonce: pending });
    if (inFlight) await db.update(transactions).set({ status: 'failed', error: 'dropped by the node', updatedAt: new Date() }).where(eq(transactions.id, inFlight.id));
    return pending;
  }

  /** Transactions signed but never confirmed as sent (a crash in between) are broadcast again. */
  private async rebroadcastSigned(db: Db, client: PublicClient, network: EvmNetwork): Promise<void> {
    const signed = await db.select().from(transactions).where(and(this.scope(), eq(transactions.status, 'signed')));
    for (const row of signed) {
      try {
        await client.sendRawTransaction({ serializedTransaction: row.raw as `0x${string}` });
      } catch (error) {
        if (!matches(error, /already known|nonce too low/i)) mapRpcError(error, network);
      }
      await db.update(transactions).set({ status: 'sent', updatedAt: new Date() }).where(eq(transactions.id, row.id));
      log('info', 'recovered a signed transaction', { network: this.network, address: this.address, hash: row.hash });
    }
    this.recovered = true;
  }

  private async awaitOutcome(client: PublicClient, network: EvmNetwork, row: Row): Promise<EvmTransactionOutcome> {
    try {
      const receipt = await client.waitForTransactionReceipt({
        hash: row.hash as `0x${string}`,
        timeout: network.transactionExecutionTimeoutMs,
        pollingInterval: 250,
      });
      const status = receipt.status === 'success' ? 'confirmed' : 'failed';
      const fee = formatEther(receipt.gasUsed * receipt.effectiveGasPrice);
      await getDb(this.env)
        .update(transactions)
        .set({ status, fee, blockNumber: Number(receipt.blockNumber), error: status === 'failed' ? 'reverted' : null, updatedAt: new Date() })
        .where(eq(transactions.id, row.id));
      return { hash: row.hash as `0x${string}`, nonce: row.nonce ?? -1, status: status === 'confirmed' ? 1 : -1, fee, blockNumber: Number(receipt.blockNumber) };
    } catch (error) {
      if (error instanceof WaitForTransactionReceiptTimeoutError) return outcomeOf(row);
      return mapRpcError(error, network);
    }
  }
}

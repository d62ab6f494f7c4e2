import { ComputeBudgetProgram, Keypair, PublicKey, SendTransactionError, TransactionMessage, VersionedTransaction, type TransactionInstruction } from '@solana/web3.js';
import bs58 from 'bs58';
import { formatUnits } from 'viem';
import { estimateGas, LAMPORTS_PER_SIGNATURE } from '../chains/solana/actions/estimateGas';
import { createSolanaClient, mapRpcError, type SolanaClient } from '../chains/solana/client';
import { fromPlainInstruction } from '../chains/solana/instructions';
import type { RouterEnv } from '../env';
import { BadRequestError } from '../errors';
import { log } from '../log';
import { loadPrivateKey } from '../wallets/store';
import { SerialLock } from './lock';
import { TransactionLog, type TransactionRow as Row } from './transaction-log';
import type { SolanaTransactionIntent, SolanaTransactionOutcome } from './types';

type Sent = { row: Row } | { outcome: SolanaTransactionOutcome };

/** Simulation may use the most a transaction can; the real one asks for what it used plus a margin. */
const MAX_COMPUTE_UNITS = 1_400_000;
const COMPUTE_UNIT_MARGIN = 1.2;
/** `replaceRecentBlockhash` swaps it for the latest one: simulation needs no blockhash request first. */
const PLACEHOLDER_BLOCKHASH = PublicKey.default.toBase58();

function outcomeOf(row: Row): SolanaTransactionOutcome {
  const status = row.status === 'confirmed' ? 1 : row.status === 'failed' ? -1 : 0;
  return { signature: row.hash, status, fee: row.blockNumber === null ? null : row.fee, slot: row.blockNumber };
}

function wouldFail(reason: string, logs: readonly string[] = []): BadRequestError {
  // The failing program's last lines carry its reason ("Transfer: insufficient lamports 5, need 9").
  const tail = logs.slice(-3).join(' | ');
  return new BadRequestError(`Transaction would fail and was not sent: ${reason}${tail ? `; ${tail}` : ''}`, 'SIMULATION_FAILED');
}

/** Compute budget first (limit, then price in micro-lamports per unit), then the intent's instructions. */
function transactionOf(payer: PublicKey, instructions: TransactionInstruction[], blockhash: string, units: number, microLamports: number): VersionedTransaction {
  const message = new TransactionMessage({
    payerKey: payer,
    recentBlockhash: blockhash,
    instructions: [ComputeBudgetProgram.setComputeUnitLimit({ units }), ComputeBudgetProgram.setComputeUnitPrice({ microLamports }), ...instructions],
  });
  return new VersionedTransaction(message.compileToV0Message());
}

/**
 * One wallet's Solana signing on one network, one transaction at a time (so an idempotency key is
 * checked and claimed atomically); the keypair is decrypted once and kept in memory.
 */
export class SolanaWalletSigner {
  private keypair?: Keypair;
  private recovered = false;
  private readonly lock = new SerialLock();
  private readonly txLog: TransactionLog;

  constructor(
    private readonly env: RouterEnv,
    private readonly network: string,
    private readonly address: string,
  ) {
    this.txLog = new TransactionLog(env, 'solana', network, address);
  }

  async send(intent: SolanaTransactionIntent): Promise<SolanaTransactionOutcome> {
    const client = createSolanaClient(intent.network);
    const sent = await this.lock.run(() => this.signAndSend(client, intent));
    return 'outcome' in sent ? sent.outcome : this.awaitOutcome(client, sent.row);
  }

  private async signAndSend(client: SolanaClient, intent: SolanaTransactionIntent): Promise<Sent> {
    // Recovery first, so a retried request whose transaction was signed but not sent finds it sent.
    if (!this.recovered) await this.rebroadcastSigned(client);
    if (intent.idempotencyKey) {
      const previous = await this.txLog.byIdempotencyKey(intent.idempotencyKey);
      if (previous) return previous.status === 'confirmed' || previous.status === 'failed' ? { outcome: outcomeOf(previous) } : { row: previous };
    }
    this.keypair ??= Keypair.fromSecretKey(bs58.decode(await loadPrivateKey(this.env, 'solana', this.address)));
    const payer = this.keypair.publicKey;

    const instructions = intent.instructions.map(fromPlainInstruction);
    const { connection } = client;
    // Simulation, the latest blockhash and the priority fee: three requests in parallel.
    const [simulation, latest, gas] = await Promise.all([
      connection.simulateTransaction(transactionOf(payer, instructions, PLACEHOLDER_BLOCKHASH, MAX_COMPUTE_UNITS, 0), { sigVerify: false, replaceRecentBlockhash: true }),
      connection.getLatestBlockhash(),
      estimateGas(client),
    ]).catch((error) => mapRpcError(error, client));
    if (simulation.value.err) throw wouldFail(JSON.stringify(simulation.value.err), simulation.value.logs ?? []);

    const units = Math.ceil((simulation.value.unitsConsumed || intent.network.defaultComputeUnits) * COMPUTE_UNIT_MARGIN);
    const microLamports = Math.round(gas.feePerComputeUnit * 1e6);
    const transaction = transactionOf(payer, instructions, latest.blockhash, units, microLamports);
    transaction.sign([this.keypair]);
    const feeLamports = BigInt(LAMPORTS_PER_SIGNATURE * transaction.signatures.length) + (BigInt(microLamports) * BigInt(units) + 999_999n) / 1_000_000n;
    const raw = transaction.serialize();
    const row = await this.txLog.recordSigned({
      kind: intent.kind,
      idempotencyKey: intent.idempotencyKey,
      nonce: null,
      hash: bs58.encode(transaction.signatures[0]),
      raw: Buffer.from(raw).toString('base64'),
      fee: formatUnits(feeLamports, 9),
    });
    try {
      // Preflight stays on: state may have moved since the simulation, and a refusal still costs nothing.
      await connection.sendRawTransaction(raw);
    } catch (error) {
      await this.txLog.update(row.id, { status: 'failed', fee: null, error: String(error).slice(0, 500) });
      if (error instanceof SendTransactionError && !client.transportFailure()) throw wouldFail(error.transactionError.message, error.transactionError.logs);
      return mapRpcError(error, client);
    }
    return { row: await this.txLog.update(row.id, { status: 'sent' }) };
  }

  /** Transactions signed but never recorded as sent (a crash in between) are broadcast again. */
  private async rebroadcastSigned(client: SolanaClient): Promise<void> {
    for (const row of await this.txLog.withStatus('signed')) {
      try {
        await client.connection.sendRawTransaction(Buffer.from(row.raw, 'base64'), { skipPreflight: true });
        await this.txLog.update(row.id, { status: 'sent' });
        log('info', 'recovered a signed transaction', { network: this.network, address: this.address, signature: row.hash });
      } catch (error) {
        // An unreachable node is tried again with the next transaction; any other refusal (an expired
        // blockhash) means it can never land.
        if (client.transportFailure()) return mapRpcError(error, client);
        await this.txLog.update(row.id, { status: 'failed', fee: null, error: String(error).slice(0, 500) });
      }
    }
    this.recovered = true;
  }

  /**
   * Polls `getSignatureStatuses` every `confirmRetryInterval` seconds, `confirmRetryCount` times, until
   * the transaction is confirmed. No WebSocket subscription: they hang in workerd (see client.ts).
   * Still unconfirmed at the end: status 0, for the client to poll later.
   */
  private async awaitOutcome(client: SolanaClient, row: Row): Promise<SolanaTransactionOutcome> {
    const { confirmRetryCount, confirmRetryInterval } = client.network;
    for (let attempt = 1; ; attempt++) {
      const {
        value: [status],
      } = await client.connection.getSignatureStatuses([row.hash]).catch((error) => mapRpcError(error, client));
      if (status && (status.confirmationStatus === 'confirmed' || status.confirmationStatus === 'finalized')) {
        const landed = await this.txLog.update(row.id, {
          status: status.err ? 'failed' : 'confirmed',
          blockNumber: status.slot,
          error: status.err ? JSON.stringify(status.err) : null,
        });
        return outcomeOf(landed);
      }
      if (attempt >= confirmRetryCount) return outcomeOf(row);
      await new Promise((resolve) => setTimeout(resolve, confirmRetryInterval * 1000));
    }
  }
}

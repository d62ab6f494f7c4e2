import { ComputeBudgetProgram, Keypair, PublicKey, SendTransactionError, TransactionMessage, VersionedTransaction, type TransactionInstruction } from '@solana/web3.js';
import bs58 from 'bs58';
import { formatUnits } from 'viem';
import { estimateGas } from '../chains/solana/actions/estimateGas';
import { transactionFee } from '../chains/solana/transactionFee';
import { createSolanaClient, mapRpcError, type SolanaClient } from '../chains/solana/client';
import { fromPlainInstruction } from '../chains/solana/instructions';
import type { RouterEnv } from '../env';
import { BadRequestError, ServiceUnavailableError } from '../errors';
import { loadPrivateKey } from '../wallets/store';
import type { ChainSigner, Recovered } from './core';
import type { TransactionLog, TransactionRow as Row } from './transaction-log';
import type { SolanaTransactionIntent, SolanaTransactionOutcome } from './types';

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
 * The Solana part of one wallet's signer on one network: its keypair (decrypted once, kept in memory),
 * simulation for the compute budget, and confirmation by polling. The core (core.ts) holds the lock.
 */
export class SolanaSigner implements ChainSigner<SolanaTransactionIntent, SolanaTransactionOutcome, SolanaClient> {
  private keypair?: Keypair;

  constructor(
    private readonly env: RouterEnv,
    private readonly address: string,
  ) {}

  client(intent: SolanaTransactionIntent): SolanaClient {
    return createSolanaClient(intent.network);
  }

  outcomeOf = outcomeOf;

  async signAndSend(client: SolanaClient, intent: SolanaTransactionIntent, txLog: TransactionLog): Promise<Row> {
    this.keypair ??= Keypair.fromSecretKey(bs58.decode(await loadPrivateKey(this.env, 'solana', this.address)));
    const { transaction, feeLamports } = 'transaction' in intent ? this.signPrebuilt(intent.transaction) : await this.build(client, intent.instructions.map(fromPlainInstruction));
    const raw = transaction.serialize();
    const row = await txLog.recordSigned({
      kind: intent.kind,
      idempotencyKey: intent.idempotencyKey,
      nonce: null,
      hash: bs58.encode(transaction.signatures[0]),
      raw: Buffer.from(raw).toString('base64'),
      fee: formatUnits(feeLamports, 9),
    });
    try {
      // Preflight stays on: state may have moved since the simulation, and a refusal still costs nothing.
      await client.connection.sendRawTransaction(raw);
    } catch (error) {
      await txLog.update(row.id, { status: 'failed', fee: null, error: String(error).slice(0, 500) });
      if (error instanceof SendTransactionError && !client.transportFailure()) throw wouldFail(error.transactionError.message, error.transactionError.logs);
      return mapRpcError(error, client);
    }
    return txLog.update(row.id, { status: 'sent' });
  }

  /** The signer's own transaction: compute budget from a simulation, priority fee from recent fees. */
  private async build(client: SolanaClient, instructions: TransactionInstruction[]): Promise<{ transaction: VersionedTransaction; feeLamports: bigint }> {
    const payer = this.keypair!.publicKey;
    const { connection } = client;
    // Simulation, the latest blockhash and the priority fee: three requests in parallel.
    const [simulation, latest, gas] = await Promise.all([
      connection.simulateTransaction(transactionOf(payer, instructions, PLACEHOLDER_BLOCKHASH, MAX_COMPUTE_UNITS, 0), { sigVerify: false, replaceRecentBlockhash: true }),
      connection.getLatestBlockhash(),
      estimateGas(client),
    ]).catch((error) => mapRpcError(error, client));
    if (simulation.value.err) throw wouldFail(JSON.stringify(simulation.value.err), simulation.value.logs ?? []);

    const units = Math.ceil((simulation.value.unitsConsumed || client.network.defaultComputeUnits) * COMPUTE_UNIT_MARGIN);
    const microLamports = Math.round(gas.feePerComputeUnit * 1e6);
    const transaction = transactionOf(payer, instructions, latest.blockhash, units, microLamports);
    transaction.sign([this.keypair!]);
    return { transaction, feeLamports: transactionFee(transaction) };
  }

  /** A transaction built elsewhere, signed as it is: only a fee payer other than this wallet is refused. */
  private signPrebuilt(serialized: string): { transaction: VersionedTransaction; feeLamports: bigint } {
    let transaction: VersionedTransaction;
    try {
      transaction = VersionedTransaction.deserialize(Buffer.from(serialized, 'base64'));
    } catch (error) {
      throw new BadRequestError(`transaction: not a serialized Solana transaction (${String(error).slice(0, 200)})`, 'INVALID_TRANSACTION');
    }
    const payer = transaction.message.staticAccountKeys[0];
    if (!payer.equals(this.keypair!.publicKey)) {
      throw new BadRequestError(`transaction: its fee payer is ${payer.toBase58()}, not the wallet ${this.address}`, 'INVALID_TRANSACTION');
    }
    // Only the wallet's signature is added: the other parties' stay as they signed.
    transaction.sign([this.keypair!]);
    return { transaction, feeLamports: transactionFee(transaction) };
  }

  /**
   * Broadcast again, without preflight. A refusal other than the network's is decided by what the node
   * knows of the signature: seen is `sent`; unseen can never land (its blockhash expired), so `failed`.
   */
  async recover(client: SolanaClient, row: Row): Promise<Recovered> {
    try {
      await client.connection.sendRawTransaction(Buffer.from(row.raw, 'base64'), { skipPreflight: true });
      return { status: 'sent' };
    } catch (error) {
      if (client.transportFailure()) return mapRpcError(error, client);
      const {
        value: [status],
      } = await client.connection.getSignatureStatuses([row.hash], { searchTransactionHistory: true }).catch((failure) => mapRpcError(failure, client));
      return status ? { status: 'sent' } : { status: 'failed', error: `refused by the node on recovery: ${String(error)}` };
    }
  }

  /**
   * Whether an unseen transaction can never land: its blockhash is past its last valid block height and
   * the node, searching its history, still does not know the signature (it may have landed meanwhile).
   */
  private async expired(client: SolanaClient, row: Row): Promise<boolean> {
    const { connection } = client;
    const blockhash = VersionedTransaction.deserialize(Buffer.from(row.raw, 'base64')).message.recentBlockhash;
    const valid = await connection.isBlockhashValid(blockhash).catch((error) => mapRpcError(error, client));
    if (valid.value) return false;
    const {
      value: [status],
    } = await connection.getSignatureStatuses([row.hash], { searchTransactionHistory: true }).catch((error) => mapRpcError(error, client));
    return status === null;
  }

  /**
   * Polls `getSignatureStatuses` every `confirmRetryInterval` seconds, `confirmRetryCount` times, until
   * the transaction is confirmed. No WebSocket subscription: they hang in workerd (see client.ts).
   * Still unconfirmed at the end: status 0, for the client to poll later; unseen with its blockhash
   * expired: failed, and a 503 (it can never land, and is never sent again).
   */
  async awaitOutcome(client: SolanaClient, row: Row, txLog: TransactionLog): Promise<SolanaTransactionOutcome> {
    const { confirmRetryCount, confirmRetryInterval } = client.network;
    for (let attempt = 1; ; attempt++) {
      const {
        value: [status],
      } = await client.connection.getSignatureStatuses([row.hash]).catch((error) => mapRpcError(error, client));
      if (status && (status.confirmationStatus === 'confirmed' || status.confirmationStatus === 'finalized')) {
        const landed = await txLog.update(row.id, {
          status: status.err ? 'failed' : 'confirmed',
          blockNumber: status.slot,
          error: status.err ? JSON.stringify(status.err) : null,
        });
        return outcomeOf(landed);
      }
      if (!status && (await this.expired(client, row))) {
        await txLog.update(row.id, { status: 'failed', fee: null, error: 'blockhash expired before confirmation' });
        throw new ServiceUnavailableError(
          `Transaction ${row.hash} expired before confirmation: its blockhash is no longer valid and the network never processed it, so it can no longer land. It was not resent (nothing moved); quote and send again.`,
          'TRANSACTION_EXPIRED',
        );
      }
      if (attempt >= confirmRetryCount) return outcomeOf(row);
      await new Promise((resolve) => setTimeout(resolve, confirmRetryInterval * 1000));
    }
  }
}

import { eq } from 'drizzle-orm';
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
import { getFeeData } from '../chains/ethereum/actions/getFeeData';
import { createEvmClient, mapRpcError, type EvmNetwork } from '../chains/ethereum/client';
import { transactions } from '../db/schema';
import type { RouterEnv } from '../env';
import { BadRequestError } from '../errors';
import { log } from '../log';
import { loadPrivateKey } from '../wallets/store';
import { SerialLock } from './lock';
import { TransactionLog, type TransactionRow as Row } from './transaction-log';
import type { EvmTransactionIntent, EvmTransactionOutcome } from './types';

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
  private readonly lock = new SerialLock();
  private readonly txLog: TransactionLog;

  constructor(
    private readonly env: RouterEnv,
    private readonly network: string,
    private readonly address: Address,
  ) {
    this.txLog = new TransactionLog(env, 'ethereum', network, address);
  }

  async send(intent: EvmTransactionIntent): Promise<EvmTransactionOutcome> {
    const client = createEvmClient(intent.network);
    const sent = await this.lock.run(() => this.signAndSend(client, intent));
    return 'outcome' in sent ? sent.outcome : this.awaitOutcome(client, intent.network, sent.row);
  }

  private async signAndSend(client: PublicClient, intent: EvmTransactionIntent, attempt = 1): Promise<Sent> {
    // Recovery first, so a retried request whose transaction was signed but not sent finds it sent.
    if (!this.recovered) await this.rebroadcastSigned(client, intent.network);
    if (intent.idempotencyKey) {
      const previous = await this.txLog.byIdempotencyKey(intent.idempotencyKey);
      if (previous) return previous.status === 'confirmed' || previous.status === 'failed' ? { outcome: outcomeOf(previous) } : { row: previous };
    }
    this.account ??= privateKeyToAccount((await loadPrivateKey(this.env, 'ethereum', this.address)) as `0x${string}`);

    const { to, data } = intent.request;
    const value = BigInt(intent.request.value ?? '0');
    // Simulation, fees and the pending nonce travel in one batched RPC request.
    const [gas, fees, pending] = await Promise.all([
      client.estimateGas({ account: this.address, to, data, value }),
      getFeeData(client, intent.network),
      client.getTransactionCount({ address: this.address, blockTag: 'pending' }),
    ]).catch((error) => {
      throw simulationFailure(error) ?? mapRpcError(error, intent.network);
    });
    const nonce = await this.chooseNonce(client, pending);
    const common = { chainId: intent.network.chainID, nonce, to, data, value, gas: (gas * GAS_BUFFER_PERCENT) / 100n };
    const serialized = await this.account.signTransaction(
      fees.type === 'eip1559'
        ? { ...common, type: 'eip1559', maxFeePerGas: fees.maxFeePerGas, maxPriorityFeePerGas: fees.maxPriorityFeePerGas }
        : { ...common, type: 'legacy', gasPrice: fees.gasPrice },
    );
    const row = await this.txLog.recordSigned({ kind: intent.kind, idempotencyKey: intent.idempotencyKey, nonce, hash: keccak256(serialized), raw: serialized });
    try {
      await client.sendRawTransaction({ serializedTransaction: serialized });
    } catch (error) {
      if (!matches(error, /already known/i)) {
        await this.txLog.update(row.id, { status: 'failed', error: String(error).slice(0, 500) });
        if (attempt === 1 && matches(error, /nonce too low|nonce too high|replacement transaction underpriced/i)) {
          log('warn', 'nonce conflict; resyncing from the chain', { network: this.network, address: this.address, nonce });
          this.nextNonce = undefined;
          return this.signAndSend(client, intent, attempt + 1);
        }
        throw simulationFailure(error) ?? mapRpcError(error, intent.network);
      }
    }
    this.nextNonce = nonce + 1;
    return { row: await this.txLog.update(row.id, { status: 'sent' }) };
  }

  /**
   * The local counter, unless the chain knows better: more pending transactions than ours means some
   * were sent elsewhere; fewer means ours at that nonce was dropped, so its nonce is used again to
   * close the gap.
   */
  private async chooseNonce(client: PublicClient, pending: number): Promise<number> {
    const local = this.nextNonce ?? pending;
    if (pending >= local) return pending;
    const [inFlight] = await this.txLog.withStatus('sent', eq(transactions.nonce, pending));
    const known = inFlight ? await client.getTransaction({ hash: inFlight.hash as `0x${string}` }).then(() => true, () => false) : false;
    if (known) return local;
    log('warn', 'transaction dropped by the node; reusing its nonce', { network: this.network, address: this.address, nonce: pending });
    if (inFlight) await this.txLog.update(inFlight.id, { status: 'failed', error: 'dropped by the node' });
    return pending;
  }

  /** Transactions signed but never confirmed as sent (a crash in between) are broadcast again. */
  private async rebroadcastSigned(client: PublicClient, network: EvmNetwork): Promise<void> {
    const signed = await this.txLog.withStatus('signed');
    for (const row of signed) {
      try {
        await client.sendRawTransaction({ serializedTransaction: row.raw as `0x${string}` });
      } catch (error) {
        if (!matches(error, /already known|nonce too low/i)) mapRpcError(error, network);
      }
      await this.txLog.update(row.id, { status: 'sent' });
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
      await this.txLog.update(row.id, { status, fee, blockNumber: Number(receipt.blockNumber), error: status === 'failed' ? 'reverted' : null });
      return {
        hash: row.hash as `0x${string}`,
        nonce: row.nonce ?? -1,
        status: status === 'confirmed' ? 1 : -1,
        fee,
        blockNumber: Number(receipt.blockNumber),
        logs: receipt.logs.map(({ address, topics, data }) => ({ address, topics, data })),
      };
    } catch (error) {
      if (error instanceof WaitForTransactionReceiptTimeoutError) return outcomeOf(row);
      return mapRpcError(error, network);
    }
  }
}

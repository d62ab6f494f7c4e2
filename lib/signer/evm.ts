import { eq } from 'drizzle-orm';
import {
  BaseError,
  formatEther,
  keccak256,
  TransactionNotFoundError,
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
import { BadRequestError, HttpError, ServiceUnavailableError } from '../errors';
import { log } from '../log';
import { loadPrivateKey } from '../wallets/store';
import { broadcastSigned, type ChainSigner, type Recovered } from './core';
import type { TransactionLog, TransactionRow as Row } from './transaction-log';
import type { EvmTransactionIntent, EvmTransactionOutcome } from './types';

const GAS_BUFFER_PERCENT = 120n;
/**
 * Gas no estimate can see: state written only when the block's timestamp differs from the last
 * write's, as Uniswap V2/V3 oracles do. An estimate runs in a block with the latest timestamp (anvil
 * and most nodes, even for 'pending' within the same second); the transaction lands in a later one
 * and may have to make those writes: two zero-to-nonzero slots, ~44k gas. Unused gas costs nothing.
 */
const TIMESTAMP_WRITES_HEADROOM = 50_000n;

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

/** The node's own failure (429, 503) as an HTTP error, or undefined when it answered. */
function transportFailure(error: unknown, network: EvmNetwork): HttpError | undefined {
  try {
    mapRpcError(error, network);
  } catch (mapped) {
    return mapped instanceof HttpError ? mapped : undefined;
  }
}

/**
 * Whether the node knows the transaction (pending or mined): a definite yes or no. A node that cannot
 * answer (timeout, 429, 5xx) is no answer: the transaction may still be mined, so it is a 503 and the
 * transaction stays as it is.
 */
async function isKnown(client: PublicClient, network: EvmNetwork, row: Row): Promise<boolean> {
  try {
    await client.getTransaction({ hash: row.hash as `0x${string}` });
    return true;
  } catch (error) {
    if (error instanceof TransactionNotFoundError) return false;
    const reason = transportFailure(error, network)?.message ?? String(error).slice(0, 200);
    throw new ServiceUnavailableError(
      `Cannot tell whether transaction ${row.hash} (nonce ${row.nonce}) is still pending: ${reason}. It stays pending; retry later`,
      'TRANSACTION_STATE_UNKNOWN',
    );
  }
}

/** The client of one send and the network it talks to. */
export interface EvmSignerClient {
  rpc: PublicClient;
  network: EvmNetwork;
}

function outcomeOf(row: Row): EvmTransactionOutcome {
  const status = row.status === 'confirmed' ? 1 : row.status === 'failed' ? -1 : 0;
  return { hash: row.hash as `0x${string}`, nonce: row.nonce ?? -1, status, fee: row.fee, blockNumber: row.blockNumber };
}

/**
 * The EVM part of one wallet's signer on one network: its nonce and its key (decrypted once, kept in
 * memory). The core (core.ts) holds the lock, so nonces are chosen one at a time.
 */
export class EvmSigner implements ChainSigner<EvmTransactionIntent, EvmTransactionOutcome, EvmSignerClient> {
  private account?: PrivateKeyAccount;
  private nextNonce?: number;

  constructor(
    private readonly env: RouterEnv,
    private readonly network: string,
    private readonly address: Address,
  ) {}

  client(intent: EvmTransactionIntent): EvmSignerClient {
    return { rpc: createEvmClient(intent.network), network: intent.network };
  }

  outcomeOf = outcomeOf;

  async signAndSend({ rpc: client, network }: EvmSignerClient, intent: EvmTransactionIntent, txLog: TransactionLog, attempt = 1): Promise<Row> {
    this.account ??= privateKeyToAccount((await loadPrivateKey(this.env, 'ethereum', this.address)) as `0x${string}`);
    const { to, data } = intent.request;
    const value = BigInt(intent.request.value ?? '0');
    // Simulation, fees and the pending nonce travel in one batched RPC request. Gas is estimated on
    // the pending block, the one the transaction joins (after the wallet's own unmined transactions).
    const [gas, fees, pending] = await Promise.all([
      client.estimateGas({ account: this.address, to, data, value, blockTag: 'pending' }),
      getFeeData(client, network),
      client.getTransactionCount({ address: this.address, blockTag: 'pending' }),
    ]).catch((error) => {
      throw simulationFailure(error) ?? mapRpcError(error, network);
    });
    const nonce = await this.chooseNonce(client, network, txLog, pending);
    const common = { chainId: network.chainID, nonce, to, data, value, gas: (gas * GAS_BUFFER_PERCENT) / 100n + TIMESTAMP_WRITES_HEADROOM };
    const serialized = await this.account.signTransaction(
      fees.type === 'eip1559'
        ? { ...common, type: 'eip1559', maxFeePerGas: fees.maxFeePerGas, maxPriorityFeePerGas: fees.maxPriorityFeePerGas }
        : { ...common, type: 'legacy', gasPrice: fees.gasPrice },
    );
    const row = await txLog.recordSigned({ kind: intent.kind, idempotencyKey: intent.idempotencyKey, nonce, hash: keccak256(serialized), raw: serialized });
    const broadcast = await broadcastSigned(txLog, row, () => client.sendRawTransaction({ serializedTransaction: serialized }), (error) => {
      const unreachable = transportFailure(error, network);
      // The next send asks the node whether it knows this one before reusing its nonce (see chooseNonce).
      if (unreachable) this.nextNonce = nonce + 1;
      return unreachable;
    });
    const known = 'refused' in broadcast && matches(broadcast.refused, /already known/i);
    if ('sent' in broadcast || known) {
      this.nextNonce = nonce + 1;
      return 'sent' in broadcast ? broadcast.sent : txLog.update(row.id, { status: 'sent' });
    }
    const error = broadcast.refused;
    await txLog.update(row.id, { status: 'failed', error: String(error).slice(0, 500) });
    if (attempt === 1 && matches(error, /nonce too low|nonce too high|replacement transaction underpriced/i)) {
      log('warn', 'nonce conflict; resyncing from the chain', { network: this.network, address: this.address, nonce });
      this.nextNonce = undefined;
      return this.signAndSend({ rpc: client, network }, intent, txLog, attempt + 1);
    }
    throw simulationFailure(error) ?? error;
  }

  /**
   * The local counter, unless the chain knows better: more pending transactions than ours means some
   * were sent elsewhere; fewer means ours at that nonce may have been dropped. Only the node's definite
   * "unknown" for our transaction at that nonce marks it dropped and reuses its nonce; a node that
   * cannot answer is a 503 and nothing is signed.
   */
  private async chooseNonce(client: PublicClient, network: EvmNetwork, txLog: TransactionLog, pending: number): Promise<number> {
    const local = this.nextNonce ?? pending;
    if (pending >= local) return pending;
    const [inFlight] = await txLog.withStatus('sent', eq(transactions.nonce, pending));
    if (inFlight && (await isKnown(client, network, inFlight))) return local;
    log('warn', 'transaction dropped by the node; reusing its nonce', { network: this.network, address: this.address, nonce: pending });
    if (inFlight) await txLog.update(inFlight.id, { status: 'failed', error: 'dropped by the node' });
    return pending;
  }

  /**
   * Broadcast again. A refusal other than the network's is decided by what the node knows of the
   * transaction: known (pending or mined) is `sent`; unknown can never land as signed (replaced at its
   * nonce, underpriced, unfunded...), so it is `failed` and its nonce is free again.
   */
  async recover({ rpc: client, network }: EvmSignerClient, row: Row): Promise<Recovered> {
    try {
      await client.sendRawTransaction({ serializedTransaction: row.raw as `0x${string}` });
      return { status: 'sent' };
    } catch (error) {
      const unreachable = transportFailure(error, network);
      if (unreachable) throw unreachable;
      if (await isKnown(client, network, row)) return { status: 'sent' };
      return { status: 'failed', error: `refused by the node on recovery: ${error instanceof BaseError ? error.shortMessage : String(error)}` };
    }
  }

  async awaitOutcome({ rpc: client, network }: EvmSignerClient, row: Row, txLog: TransactionLog): Promise<EvmTransactionOutcome> {
    try {
      const receipt = await client.waitForTransactionReceipt({
        hash: row.hash as `0x${string}`,
        timeout: network.transactionExecutionTimeoutMs,
        pollingInterval: 250,
      });
      const status = receipt.status === 'success' ? 'confirmed' : 'failed';
      const fee = formatEther(receipt.gasUsed * receipt.effectiveGasPrice);
      await txLog.update(row.id, { status, fee, blockNumber: Number(receipt.blockNumber), error: status === 'failed' ? 'reverted' : null });
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

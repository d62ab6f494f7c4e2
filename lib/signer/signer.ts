import { DurableObject } from 'cloudflare:workers';
import type { Address } from 'viem';
import type { RouterEnv } from '../env';
import { HttpError } from '../errors';
import { CHAIN_MODULES } from '../chains/modules';
import type { SolanaClient } from '../chains/solana/client';
import { WalletSigner } from './core';
import type { EvmSignerClient } from './evm';
import { TransactionLog } from './transaction-log';
import type { EvmTransactionIntent, EvmTransactionOutcome, SignerResult, SolanaTransactionIntent, SolanaTransactionOutcome } from './types';

/** HTTP errors lose their class across the Durable Object boundary, so they travel as values. */
async function asResult<T>(work: () => Promise<T>): Promise<SignerResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof HttpError) return { ok: false, error: { statusCode: error.statusCode, message: error.message, code: error.code } };
    throw error;
  }
}

/**
 * The signer: one Durable Object per (chain, network, address), so every transaction of a wallet
 * on a network goes through one place that holds its nonce and its decrypted key.
 */
export class Signer extends DurableObject<RouterEnv> {
  private evm?: WalletSigner<EvmTransactionIntent, EvmTransactionOutcome, EvmSignerClient>;
  private solana?: WalletSigner<SolanaTransactionIntent, SolanaTransactionOutcome, SolanaClient>;

  async sendEvmTransaction(address: Address, intent: EvmTransactionIntent): Promise<SignerResult<EvmTransactionOutcome>> {
    const network = intent.network.name;
    this.evm ??= new WalletSigner(CHAIN_MODULES.ethereum.signer(this.env, network, address), new TransactionLog(this.env, 'ethereum', network, address));
    return asResult(() => this.evm!.send(intent));
  }

  async sendSolanaTransaction(address: string, intent: SolanaTransactionIntent): Promise<SignerResult<SolanaTransactionOutcome>> {
    const network = intent.network.name;
    this.solana ??= new WalletSigner(CHAIN_MODULES.solana.signer(this.env, network, address), new TransactionLog(this.env, 'solana', network, address));
    return asResult(() => this.solana!.send(intent));
  }
}

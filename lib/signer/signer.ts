import { DurableObject } from 'cloudflare:workers';
import type { Address } from 'viem';
import type { RouterEnv } from '../env';
import type { SolanaClient } from '../chains/solana/client';
import { WalletSigner } from './core';
import { EvmSigner, type EvmSignerClient } from './evm';
import { SolanaSigner } from './solana';
import { TransactionLog } from './transaction-log';
import { toResult, type RpcResult } from '../rpc';
import type { EvmTransactionIntent, EvmTransactionOutcome, SolanaTransactionIntent, SolanaTransactionOutcome } from './types';

/**
 * The signer: one Durable Object per (chain, network, address), so every transaction of a wallet
 * on a network goes through one place that holds its nonce and its decrypted key.
 */
export class Signer extends DurableObject<RouterEnv> {
  private evm?: WalletSigner<EvmTransactionIntent, EvmTransactionOutcome, EvmSignerClient>;
  private solana?: WalletSigner<SolanaTransactionIntent, SolanaTransactionOutcome, SolanaClient>;

  async sendEvmTransaction(address: Address, intent: EvmTransactionIntent): Promise<RpcResult<EvmTransactionOutcome>> {
    const network = intent.network.name;
    this.evm ??= new WalletSigner(new EvmSigner(this.env, network, address), new TransactionLog(this.env, 'ethereum', network, address));
    return toResult(() => this.evm!.send(intent));
  }

  async sendSolanaTransaction(address: string, intent: SolanaTransactionIntent): Promise<RpcResult<SolanaTransactionOutcome>> {
    const network = intent.network.name;
    this.solana ??= new WalletSigner(new SolanaSigner(this.env, address), new TransactionLog(this.env, 'solana', network, address));
    return toResult(() => this.solana!.send(intent));
  }
}

import { DurableObject } from 'cloudflare:workers';
import type { Address } from 'viem';
import type { RouterEnv } from '../env';
import { HttpError } from '../errors';
import { EvmWalletSigner } from './evm';
import type { EvmTransactionIntent, EvmTransactionOutcome, SignerResult } from './types';

/**
 * The signer: one Durable Object per (chain, network, address), so every transaction of a wallet
 * on a network goes through one place that holds its nonce and its decrypted key.
 */
export class Signer extends DurableObject<RouterEnv> {
  private evm?: EvmWalletSigner;

  async sendEvmTransaction(address: Address, intent: EvmTransactionIntent): Promise<SignerResult<EvmTransactionOutcome>> {
    this.evm ??= new EvmWalletSigner(this.env, intent.network.name, address);
    try {
      return { ok: true, value: await this.evm.send(intent) };
    } catch (error) {
      if (error instanceof HttpError) return { ok: false, error: { statusCode: error.statusCode, message: error.message, code: error.code } };
      throw error;
    }
  }
}

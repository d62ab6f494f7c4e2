import type { Address } from 'viem';
import { unwrapResult } from '../rpc';
import type { Signer } from './signer';
import type { EvmTransactionIntent, EvmTransactionOutcome } from './types';

export interface SignerEnv {
  SIGNER: DurableObjectNamespace<Signer>;
}

/** Sends through the wallet's signer (one Durable Object per chain, network and address). */
export async function sendEvmTransaction(env: SignerEnv, address: Address, intent: EvmTransactionIntent): Promise<EvmTransactionOutcome> {
  const signer = env.SIGNER.get(env.SIGNER.idFromName(`ethereum:${intent.network.name}:${address}`));
  return unwrapResult(await signer.sendEvmTransaction(address, intent));
}

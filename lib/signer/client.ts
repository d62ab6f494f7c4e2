import type { Address } from 'viem';
import { HttpError } from '../errors';
import type { Signer } from './signer';
import type { EvmTransactionIntent, EvmTransactionOutcome, SignerResult } from './types';

export interface SignerEnv {
  SIGNER: DurableObjectNamespace<Signer>;
}

/** The signer's answer, or its HTTP error rethrown on this side of the Durable Object boundary. */
export function unwrap<T>(result: SignerResult<T>): T {
  if (result.ok) return result.value;
  throw new HttpError(result.error.statusCode as HttpError['statusCode'], result.error.message, result.error.code);
}

/** Sends through the wallet's signer (one Durable Object per chain, network and address). */
export async function sendEvmTransaction(env: SignerEnv, address: Address, intent: EvmTransactionIntent): Promise<EvmTransactionOutcome> {
  const signer = env.SIGNER.get(env.SIGNER.idFromName(`ethereum:${intent.network.name}:${address}`));
  return unwrap(await signer.sendEvmTransaction(address, intent));
}

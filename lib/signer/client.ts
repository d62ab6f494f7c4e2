import type { TransactionInstruction } from '@solana/web3.js';
import type { Address } from 'viem';
import { toPlainInstruction } from '../chains/solana/instructions';
import { HttpError } from '../errors';
import type { Signer } from './signer';
import type { EvmTransactionIntent, EvmTransactionOutcome, SignerResult, SolanaTransactionIntent, SolanaTransactionOutcome } from './types';

export interface SignerEnv {
  SIGNER: DurableObjectNamespace<Signer>;
}

function unwrap<T>(result: SignerResult<T>): T {
  if (result.ok) return result.value;
  throw new HttpError(result.error.statusCode as HttpError['statusCode'], result.error.message, result.error.code);
}

/** Sends through the wallet's signer (one Durable Object per chain, network and address). */
export async function sendEvmTransaction(env: SignerEnv, address: Address, intent: EvmTransactionIntent): Promise<EvmTransactionOutcome> {
  const signer = env.SIGNER.get(env.SIGNER.idFromName(`ethereum:${intent.network.name}:${address}`));
  return unwrap(await signer.sendEvmTransaction(address, intent));
}

/** Sends `instructions` as one transaction through the wallet's signer, which pays the fee. */
export async function sendSolanaTransaction(
  env: SignerEnv,
  address: string,
  intent: Omit<SolanaTransactionIntent, 'instructions'> & { instructions: TransactionInstruction[] },
): Promise<SolanaTransactionOutcome> {
  const signer = env.SIGNER.get(env.SIGNER.idFromName(`solana:${intent.network.name}:${address}`));
  return unwrap(await signer.sendSolanaTransaction(address, { ...intent, instructions: intent.instructions.map(toPlainInstruction) }));
}

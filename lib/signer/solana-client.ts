// Apart from client.ts so that workers sending only EVM transactions do not bundle @solana/web3.js.
import type { TransactionInstruction } from '@solana/web3.js';
import { toPlainInstruction } from '../chains/solana/instructions';
import { unwrapResult } from '../rpc';
import type { SignerEnv } from './client';
import type { SolanaTransactionIntent, SolanaTransactionOutcome } from './types';

/** Sends `instructions` as one transaction through the wallet's signer, which pays the fee. */
export async function sendSolanaTransaction(
  env: SignerEnv,
  address: string,
  intent: Omit<SolanaTransactionIntent, 'instructions'> & { instructions: TransactionInstruction[] },
): Promise<SolanaTransactionOutcome> {
  const signer = env.SIGNER.get(env.SIGNER.idFromName(`solana:${intent.network.name}:${address}`));
  return unwrapResult(await signer.sendSolanaTransaction(address, { ...intent, instructions: intent.instructions.map(toPlainInstruction) }));
}

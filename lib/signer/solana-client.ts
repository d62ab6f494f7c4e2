// Apart from client.ts so that workers sending only EVM transactions do not bundle @solana/web3.js.
import type { TransactionInstruction } from '@solana/web3.js';
import { toPlainInstruction } from '../chains/solana/instructions';
import { unwrapResult } from '../rpc';
import type { SignerEnv } from './client';
import type { SolanaInstructionsIntent, SolanaPrebuiltIntent, SolanaTransactionOutcome } from './types';

function signerOf(env: SignerEnv, network: string, address: string) {
  return env.SIGNER.get(env.SIGNER.idFromName(`solana:${network}:${address}`));
}

/** Sends `instructions` as one transaction through the wallet's signer, which pays the fee. */
export async function sendSolanaTransaction(
  env: SignerEnv,
  address: string,
  intent: Omit<SolanaInstructionsIntent, 'instructions'> & { instructions: TransactionInstruction[] },
): Promise<SolanaTransactionOutcome> {
  return unwrapResult(await signerOf(env, intent.network.name, address).sendSolanaTransaction(address, { ...intent, instructions: intent.instructions.map(toPlainInstruction) }));
}

/** Signs a transaction built elsewhere (fee payer: the wallet) through the wallet's signer, sends it and waits. */
export async function sendPrebuiltSolanaTransaction(env: SignerEnv, address: string, intent: SolanaPrebuiltIntent): Promise<SolanaTransactionOutcome> {
  return unwrapResult(await signerOf(env, intent.network.name, address).sendSolanaTransaction(address, intent));
}

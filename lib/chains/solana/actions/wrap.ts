import { createAssociatedTokenAccountIdempotentInstruction, createSyncNativeInstruction, getAssociatedTokenAddressSync, NATIVE_MINT } from '@solana/spl-token';
import { SystemProgram, type PublicKey, type TransactionInstruction } from '@solana/web3.js';

/** The wrapped SOL mint's symbol, as Gateway names it. */
export const WRAPPED_SOL_SYMBOL = 'WSOL';

/** The owner's wrapped SOL (WSOL) associated token account. */
export function wrappedSolAccount(owner: PublicKey): PublicKey {
  return getAssociatedTokenAddressSync(NATIVE_MINT, owner, true);
}

/** Wraps `lamports` of SOL: creates the WSOL account when missing, moves the SOL in, and syncs its token amount. */
export function wrapInstructions(owner: PublicKey, lamports: bigint): TransactionInstruction[] {
  const account = wrappedSolAccount(owner);
  return [
    createAssociatedTokenAccountIdempotentInstruction(owner, account, owner, NATIVE_MINT),
    SystemProgram.transfer({ fromPubkey: owner, toPubkey: account, lamports }),
    createSyncNativeInstruction(account),
  ];
}

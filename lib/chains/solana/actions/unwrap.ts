import { createCloseAccountInstruction, NATIVE_MINT, unpackAccount } from '@solana/spl-token';
import type { Connection, PublicKey, TransactionInstruction } from '@solana/web3.js';
import { wrappedSolAccount } from './wrap';

/** The owner's WSOL balance in lamports; null when it has no WSOL account (one RPC request). */
export async function getWrappedBalance(connection: Connection, owner: PublicKey): Promise<bigint | null> {
  const account = wrappedSolAccount(owner);
  const info = await connection.getAccountInfo(account);
  return info ? unpackAccount(account, info).amount : null;
}

/** Closes the WSOL account: its whole balance, and the rent it held, come back as SOL. */
export function unwrapInstructions(owner: PublicKey): TransactionInstruction[] {
  return [createCloseAccountInstruction(wrappedSolAccount(owner), owner, owner)];
}

/**
 * The WSOL an unwrap closed, from the landed transaction's token balances (one RPC request); null
 * until it has landed. Answers a retried unwrap, whose account is already gone.
 */
export async function getUnwrappedAmount(connection: Connection, signature: string, owner: PublicKey): Promise<bigint | null> {
  const tx = await connection.getTransaction(signature, { maxSupportedTransactionVersion: 0 });
  const before = tx?.meta?.preTokenBalances?.find((balance) => balance.mint === NATIVE_MINT.toBase58() && balance.owner === owner.toBase58());
  return before ? BigInt(before.uiTokenAmount.amount) : null;
}

// litesvm speaks @solana/kit types (branded address strings, kit transactions); the server speaks
// web3.js and plain values. These helpers are the only place the two meet.
import type { LiteSVM } from 'litesvm';
import type { PublicKey } from '@solana/web3.js';

type Address = Parameters<LiteSVM['getAccount']>[0];
type EncodedAccount = Parameters<LiteSVM['setAccount']>[0];
type KitTransaction = Parameters<LiteSVM['sendTransaction']>[0];
type KitAccount = ReturnType<LiteSVM['getProgramAccounts']>[number];

/** An account as the RPC layer sees it; `owner` is the base58 program id. */
export interface AccountState {
  lamports: bigint;
  data: Uint8Array;
  owner: string;
  executable: boolean;
}

const toAddress = (key: PublicKey | string) => (typeof key === 'string' ? key : key.toBase58()) as Address;

/** Null for a missing account, and for a zero-lamport one, as a validator reports it. */
export function readAccount(svm: LiteSVM, key: PublicKey | string): AccountState | null {
  const account = svm.getAccount(toAddress(key));
  return account.exists && account.lamports > 0n ? toAccountState(account) : null;
}

export function toAccountState(account: KitAccount): AccountState {
  // kit types the data read-only; litesvm hands over a fresh Uint8Array.
  return { lamports: account.lamports, data: account.data as Uint8Array, owner: account.programAddress, executable: account.executable };
}

export function writeAccount(svm: LiteSVM, key: PublicKey | string, state: AccountState): void {
  svm.setAccount({
    address: toAddress(key),
    lamports: state.lamports as EncodedAccount['lamports'],
    programAddress: toAddress(state.owner),
    executable: state.executable,
    data: state.data,
    space: BigInt(state.data.length),
  });
}

export function readProgramAccounts(svm: LiteSVM, programId: string): { pubkey: string; account: AccountState }[] {
  return svm.getProgramAccounts(toAddress(programId)).map((account) => ({ pubkey: account.address, account: toAccountState(account) }));
}

/** A kit transaction from wire parts: one signature per signer key, in message order. */
export function toKitTransaction(messageBytes: Uint8Array, signers: PublicKey[], signatures: Uint8Array[]): KitTransaction {
  const entries = signers.map((key, index) => [key.toBase58(), signatures[index]]);
  return { messageBytes, signatures: Object.fromEntries(entries) } as unknown as KitTransaction;
}

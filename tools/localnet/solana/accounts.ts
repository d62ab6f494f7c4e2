// Accounts in the RPC's encodings, with SPL Token (and Token-2022) accounts and mints parsed the
// way a validator's `jsonParsed` encoding parses them.
import type { LiteSVM } from 'litesvm';
import type { PublicKey } from '@solana/web3.js';
import {
  ACCOUNT_SIZE,
  AccountLayout,
  AccountState as TokenAccountState,
  AccountType,
  MINT_SIZE,
  MintLayout,
  TOKEN_2022_PROGRAM_ID,
  TOKEN_PROGRAM_ID,
  type RawAccount,
  type RawMint,
} from '@solana/spl-token';
import { encodeBase58 } from './base58.js';
import { readAccount, type AccountState } from './svm.js';

export type AccountEncoding = 'base58' | 'base64' | 'jsonParsed';

export interface DataSlice {
  offset: number;
  length: number;
}

export interface UiTokenAmount {
  amount: string;
  decimals: number;
  uiAmount: number;
  uiAmountString: string;
}

export interface TokenBalance {
  accountIndex: number;
  mint: string;
  owner: string;
  programId: string;
  uiTokenAmount: UiTokenAmount;
}

const TOKEN_PROGRAM_NAMES: Record<string, string> = {
  [TOKEN_PROGRAM_ID.toBase58()]: 'spl-token',
  [TOKEN_2022_PROGRAM_ID.toBase58()]: 'spl-token-2022',
};

export const isTokenProgram = (programId: string): boolean => programId in TOKEN_PROGRAM_NAMES;

/** The fields of an initialized token account, or null when `state` is not one. */
export function decodeTokenAccount(state: AccountState): RawAccount | null {
  if (!isTokenProgram(state.owner) || !hasAccountType(state.data, ACCOUNT_SIZE, AccountType.Account)) return null;
  const account = AccountLayout.decode(Buffer.from(state.data));
  return account.state === TokenAccountState.Uninitialized ? null : account;
}

export function decodeMint(state: AccountState): RawMint | null {
  if (!isTokenProgram(state.owner) || !hasAccountType(state.data, MINT_SIZE, AccountType.Mint)) return null;
  const mint = MintLayout.decode(Buffer.from(state.data));
  return mint.isInitialized ? mint : null;
}

// A Token-2022 account with extensions is its base layout, padding up to 165 bytes, then a type byte.
function hasAccountType(data: Uint8Array, baseSize: number, type: AccountType): boolean {
  return data.length === baseSize || (data.length > ACCOUNT_SIZE && data[ACCOUNT_SIZE] === type);
}

export function mintDecimals(svm: LiteSVM, mint: PublicKey): number | null {
  const state = readAccount(svm, mint);
  return state && (decodeMint(state)?.decimals ?? null);
}

export function uiTokenAmount(amount: bigint, decimals: number): UiTokenAmount {
  const digits = amount.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return {
    amount: amount.toString(),
    decimals,
    uiAmount: Number(amount) / 10 ** decimals,
    uiAmountString: fraction ? `${whole}.${fraction}` : whole,
  };
}

/** An account as `getAccountInfo` returns it; `jsonParsed` falls back to base64 for unparsed data. */
export function encodeAccount(svm: LiteSVM, state: AccountState, encoding: AccountEncoding, dataSlice?: DataSlice) {
  const bytes = dataSlice ? state.data.subarray(dataSlice.offset, dataSlice.offset + dataSlice.length) : state.data;
  const parsed = encoding === 'jsonParsed' ? parseAccountData(svm, state) : null;
  const data = parsed ?? (encoding === 'base58' ? [encodeBase58(bytes), 'base58'] : [Buffer.from(bytes).toString('base64'), 'base64']);
  return {
    data,
    executable: state.executable,
    lamports: Number(state.lamports),
    owner: state.owner,
    rentEpoch: 0,
    space: state.data.length,
  };
}

function parseAccountData(svm: LiteSVM, state: AccountState) {
  const program = TOKEN_PROGRAM_NAMES[state.owner];
  const account = decodeTokenAccount(state);
  const decimals = account && mintDecimals(svm, account.mint);
  if (account && decimals !== null) {
    return { program, parsed: { type: 'account', info: tokenAccountInfo(account, decimals) }, space: state.data.length };
  }
  const mint = decodeMint(state);
  if (!mint) return null;
  const info = {
    decimals: mint.decimals,
    freezeAuthority: mint.freezeAuthorityOption ? mint.freezeAuthority.toBase58() : null,
    isInitialized: true,
    mintAuthority: mint.mintAuthorityOption ? mint.mintAuthority.toBase58() : null,
    supply: mint.supply.toString(),
  };
  return { program, parsed: { type: 'mint', info }, space: state.data.length };
}

function tokenAccountInfo(account: RawAccount, decimals: number) {
  return {
    isNative: account.isNativeOption === 1,
    mint: account.mint.toBase58(),
    owner: account.owner.toBase58(),
    state: account.state === TokenAccountState.Frozen ? 'frozen' : 'initialized',
    tokenAmount: uiTokenAmount(account.amount, decimals),
    ...(account.delegateOption === 1
      ? { delegate: account.delegate.toBase58(), delegatedAmount: uiTokenAmount(account.delegatedAmount, decimals) }
      : {}),
    ...(account.isNativeOption === 1 ? { rentExemptReserve: uiTokenAmount(account.isNative, decimals) } : {}),
    ...(account.closeAuthorityOption === 1 ? { closeAuthority: account.closeAuthority.toBase58() } : {}),
  };
}

/** The token accounts among a transaction's keys, as `preTokenBalances`/`postTokenBalances` list them. */
export function tokenBalances(svm: LiteSVM, keys: PublicKey[]): TokenBalance[] {
  return keys.flatMap((key, accountIndex) => {
    const state = readAccount(svm, key);
    const account = state && decodeTokenAccount(state);
    const decimals = account && mintDecimals(svm, account.mint);
    if (!state || !account || decimals === null) return [];
    return [{
      accountIndex,
      mint: account.mint.toBase58(),
      owner: account.owner.toBase58(),
      programId: state.owner,
      uiTokenAmount: uiTokenAmount(account.amount, decimals),
    }];
  });
}

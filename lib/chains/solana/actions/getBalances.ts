import { getAssociatedTokenAddressSync, TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID, unpackAccount, unpackMint } from '@solana/spl-token';
import { PublicKey, type AccountInfo, type Connection } from '@solana/web3.js';
import { formatUnits } from 'viem';
import type { Token } from '../../../../schemas/tokens';
import { NotFoundError } from '../../../errors';

export type GetBalancesParameters = {
  /** Whose balances: any address, no stored wallet needed. */
  owner: PublicKey;
  /** Native currency symbol (SOL), reported first. */
  nativeSymbol: string;
  /** Tokens from the network's list. */
  tokens: Token[];
  /** Mints outside the list: their decimals are read in the same request. */
  unlisted?: PublicKey[];
};

/** Balances in human units by symbol (unlisted mints by the address given). */
export type GetBalancesReturnType = Record<string, number>;

const TOKEN_PROGRAMS = [TOKEN_PROGRAM_ID, TOKEN_2022_PROGRAM_ID];
/** The most addresses one `getMultipleAccounts` takes. */
const ACCOUNTS_PER_REQUEST = 100;

async function getAccounts(connection: Connection, keys: PublicKey[]): Promise<(AccountInfo<Buffer> | null)[]> {
  const chunks = Array.from({ length: Math.ceil(keys.length / ACCOUNTS_PER_REQUEST) }, (_, index) => keys.slice(index * ACCOUNTS_PER_REQUEST, (index + 1) * ACCOUNTS_PER_REQUEST));
  return (await Promise.all(chunks.map((chunk) => connection.getMultipleAccountsInfo(chunk)))).flat();
}

function mintDecimals(mint: PublicKey, info: AccountInfo<Buffer> | null): number {
  try {
    if (info && TOKEN_PROGRAMS.some((program) => program.equals(info.owner))) return unpackMint(mint, info, info.owner).decimals;
  } catch {
    // not a mint: answered below
  }
  throw new NotFoundError(`Token ${mint.toBase58()} not found: no SPL token mint at that address`, 'TOKEN_NOT_FOUND');
}

/** An associated token account's amount; 0 when it does not exist (or belongs to the other token program). */
function tokenAmount(address: PublicKey, info: AccountInfo<Buffer> | null, program: PublicKey): bigint {
  return info && info.owner.equals(program) ? unpackAccount(address, info, program).amount : 0n;
}

/**
 * SOL and token balances in ONE `getMultipleAccounts` request (up to 49 tokens; one more request per
 * further 50): the owner's account, each unlisted mint, and per token its associated token account
 * under both Token and Token-2022 (only the mint's own program can hold one). The addresses are
 * derived locally, so no lookup precedes the read. Tokens held outside associated accounts are not
 * counted.
 */
export async function getBalances(connection: Connection, { owner, nativeSymbol, tokens, unlisted = [] }: GetBalancesParameters): Promise<GetBalancesReturnType> {
  const mints = [...tokens.map((token) => new PublicKey(token.address)), ...unlisted];
  const associated = mints.flatMap((mint) => TOKEN_PROGRAMS.map((program) => getAssociatedTokenAddressSync(mint, owner, true, program)));
  const [ownerAccount, ...rest] = await getAccounts(connection, [owner, ...unlisted, ...associated]);
  const unlistedMints = rest.slice(0, unlisted.length);
  const associatedAccounts = rest.slice(unlisted.length);
  const decimals = [...tokens.map((token) => token.decimals), ...unlisted.map((mint, index) => mintDecimals(mint, unlistedMints[index]))];

  const balances: GetBalancesReturnType = { [nativeSymbol]: Number(formatUnits(BigInt(ownerAccount?.lamports ?? 0), 9)) };
  mints.forEach((mint, index) => {
    const amount = TOKEN_PROGRAMS.reduce((sum, program, slot) => {
      const at = 2 * index + slot;
      return sum + tokenAmount(associated[at], associatedAccounts[at], program);
    }, 0n);
    balances[index < tokens.length ? tokens[index].symbol : mint.toBase58()] = Number(formatUnits(amount, decimals[index]));
  });
  return balances;
}

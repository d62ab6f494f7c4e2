import { and, eq } from 'drizzle-orm';
import { localnetTokens as evmLocalnetTokens } from '../chains/ethereum/localnet';
import { SOLANA_LOCALNET_TOKENS } from '../chains/solana/localnet';
import { addressKey, parseAddress } from '../chains/address';
import type { Config } from '../config/store';
import type { Chain } from '../config/networks';
import { getDb, type Db } from '../db/client';
import { tokenOverrides } from '../db/schema';
import { ConflictError, NotFoundError } from '../errors';
import type { Token } from '../../schemas/tokens';
import evmLists from './lists/evm.json';
import { SOLANA_TOKENS } from './lists/solana';

function shippedTokens(chain: Chain, network: string, chainId: number): Token[] {
  if (network === 'localnet') return [...(chain === 'ethereum' ? evmLocalnetTokens : SOLANA_LOCALNET_TOKENS)].map((token) => ({ ...token }));
  const rows = chain === 'ethereum' ? ((evmLists.tokens as unknown as Record<string, [string, string, string, number][]>)[chainId] ?? []) : (SOLANA_TOKENS[network] ?? []);
  return rows.map(([address, symbol, name, decimals]) => ({ chainId, name, symbol, address, decimals }));
}

/** One network's token list: the shipped list with the Postgres overrides applied (one query). */
export class TokenList {
  private constructor(
    readonly chain: Chain,
    readonly network: string,
    private readonly tokens: Token[],
  ) {}

  static async load(db: Db, config: Config, chain: Chain, network: string): Promise<TokenList> {
    const { chainID } = config.network(chain as 'ethereum', network);
    const overrides = await db
      .select()
      .from(tokenOverrides)
      .where(and(eq(tokenOverrides.chain, chain), eq(tokenOverrides.network, network)));
    const byAddress = new Map(shippedTokens(chain, network, chainID).map((token) => [addressKey(chain, token.address), token]));
    for (const row of overrides) {
      if (row.removed) byAddress.delete(row.addressKey);
      else byAddress.set(row.addressKey, { chainId: row.chainId ?? undefined, name: row.name, symbol: row.symbol, address: row.address, decimals: row.decimals });
    }
    return new TokenList(chain, network, [...byAddress.values()]);
  }

  all(): Token[] {
    return this.tokens;
  }

  /** Case-insensitive substring of symbol, name or address. */
  search(query: string): Token[] {
    const needle = query.toLowerCase();
    return this.tokens.filter((token) => [token.symbol, token.name, token.address].some((field) => field.toLowerCase().includes(needle)));
  }

  /** Gateway's match order: exact symbol (case-insensitive), then address. */
  find(symbolOrAddress: string): Token | undefined {
    const needle = symbolOrAddress.toLowerCase();
    return (
      this.tokens.find((token) => token.symbol.toLowerCase() === needle) ??
      this.tokens.find((token) => addressKey(this.chain, token.address) === addressKey(this.chain, symbolOrAddress))
    );
  }

  /** Like `find`, but a 404 naming the token and network when it is missing. */
  require(symbolOrAddress: string): Token {
    const token = this.find(symbolOrAddress);
    if (!token) throw new NotFoundError(`Token ${symbolOrAddress} not found in ${this.chain}/${this.network}`, 'TOKEN_NOT_FOUND');
    return token;
  }
}

/** Adds or replaces a token (same symbol replaces; an address already listed under another symbol is a 409). */
export async function saveToken(env: Parameters<typeof getDb>[0], config: Config, chain: Chain, network: string, token: Token): Promise<Token> {
  const address = parseAddress(chain, token.address, 'token.address', { requireChecksum: true });
  const db = getDb(env);
  const list = await TokenList.load(db, config, chain, network);
  const key = addressKey(chain, address);
  const sameAddress = list.all().find((listed) => addressKey(chain, listed.address) === key);
  if (sameAddress && sameAddress.symbol.toLowerCase() !== token.symbol.toLowerCase()) {
    throw new ConflictError(`Token with address ${address} already exists in ${chain}/${network} as ${sameAddress.symbol}`, 'TOKEN_EXISTS');
  }
  const sameSymbol = list.all().find((listed) => listed.symbol.toLowerCase() === token.symbol.toLowerCase() && addressKey(chain, listed.address) !== key);
  const chainId = token.chainId ?? config.network(chain as 'ethereum', network).chainID;
  const saved = { chain, network, addressKey: key, address, symbol: token.symbol, name: token.name, decimals: token.decimals, chainId, removed: false };
  const rows = [saved, ...(sameSymbol ? [{ ...saved, addressKey: addressKey(chain, sameSymbol.address), address: sameSymbol.address, removed: true }] : [])];
  for (const row of rows) {
    await db
      .insert(tokenOverrides)
      .values(row)
      .onConflictDoUpdate({ target: [tokenOverrides.chain, tokenOverrides.network, tokenOverrides.addressKey], set: { ...row, updatedAt: new Date() } });
  }
  return { chainId, name: token.name, symbol: token.symbol, address, decimals: token.decimals };
}

/** Removes a token from the network's list; a 404 when it is not listed. */
export async function removeToken(env: Parameters<typeof getDb>[0], config: Config, chain: Chain, network: string, address: string): Promise<void> {
  const db = getDb(env);
  const list = await TokenList.load(db, config, chain, network);
  const key = addressKey(chain, address);
  const token = list.all().find((listed) => addressKey(chain, listed.address) === key);
  if (!token) throw new NotFoundError(`Token with address ${address} not found in ${chain}/${network}`, 'TOKEN_NOT_FOUND');
  const row = { chain, network, addressKey: key, address: token.address, symbol: token.symbol, name: token.name, decimals: token.decimals, chainId: token.chainId, removed: true };
  await db
    .insert(tokenOverrides)
    .values(row)
    .onConflictDoUpdate({ target: [tokenOverrides.chain, tokenOverrides.network, tokenOverrides.addressKey], set: { removed: true, updatedAt: new Date() } });
}

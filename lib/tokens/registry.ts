import { and, eq } from 'drizzle-orm';
import { chainModule } from '../chains/modules';
import type { AddressOf, ChainToken } from '../chains/types';
import type { Chain } from '../config/chains';
import { settingsChanged } from '../config/settings-version';
import type { Config, ConfigEnv } from '../config/store';
import { getDb, type Db } from '../db/client';
import { tokenOverrides } from '../db/schema';
import { ConflictError, NotFoundError } from '../errors';
import type { Token } from '../../schemas/tokens';
import { SHIPPED_TOKENS } from './shipped';

/** One network's token list: the shipped list with the Postgres overrides applied (one query). */
export class TokenList<C extends Chain = Chain> {
  private constructor(
    readonly chain: C,
    readonly network: string,
    private readonly tokens: ChainToken<C>[],
  ) {}

  /**
   * Addresses are typed here, once: the shipped lists are checked when generated, overrides when saved.
   * The overrides are read once per isolate and settings version (see Config.cached).
   */
  static async load<C extends Chain>(db: Db, config: Config, chain: C, network: string): Promise<TokenList<C>> {
    const { chainID } = config.network(chain, network);
    const overrides = await config.cached(`tokens:${chain}-${network}`, () =>
      db
        .select()
        .from(tokenOverrides)
        .where(and(eq(tokenOverrides.chain, chain), eq(tokenOverrides.network, network))),
    );
    const { addressKey } = chainModule(chain);
    const byAddress = new Map(SHIPPED_TOKENS[chain](network, chainID).map((token) => [addressKey(token.address), token as ChainToken<C>]));
    for (const row of overrides) {
      if (row.removed) byAddress.delete(row.addressKey);
      else byAddress.set(row.addressKey, { chainId: row.chainId ?? undefined, name: row.name, symbol: row.symbol, address: row.address as AddressOf<C>, decimals: row.decimals });
    }
    return new TokenList(chain, network, [...byAddress.values()]);
  }

  all(): ChainToken<C>[] {
    return this.tokens;
  }

  /** Case-insensitive substring of symbol, name or address. */
  search(query: string): ChainToken<C>[] {
    const needle = query.toLowerCase();
    return this.tokens.filter((token) => [token.symbol, token.name, token.address].some((field) => field.toLowerCase().includes(needle)));
  }

  /** Gateway's match order: exact symbol (case-insensitive), then address. */
  find(symbolOrAddress: string): ChainToken<C> | undefined {
    const needle = symbolOrAddress.toLowerCase();
    const { addressKey } = chainModule(this.chain);
    return (
      this.tokens.find((token) => token.symbol.toLowerCase() === needle) ??
      this.tokens.find((token) => addressKey(token.address) === addressKey(symbolOrAddress))
    );
  }

  /** Like `find`, but a 404 naming the token and network when it is missing. */
  require(symbolOrAddress: string): ChainToken<C> {
    const token = this.find(symbolOrAddress);
    if (!token) throw new NotFoundError(`Token ${symbolOrAddress} not found in ${this.chain}/${this.network}`, 'TOKEN_NOT_FOUND');
    return token;
  }
}

/** Adds or replaces a token (same symbol replaces; an address already listed under another symbol is a 409). */
export async function saveToken(env: ConfigEnv, config: Config, chain: Chain, network: string, token: Token): Promise<Token> {
  const { parseAddress, addressKey } = chainModule(chain);
  const address = parseAddress(token.address, 'token.address', { requireChecksum: true });
  const db = getDb(env);
  const list = await TokenList.load(db, config, chain, network);
  const key = addressKey(address);
  const sameAddress = list.all().find((listed) => addressKey(listed.address) === key);
  if (sameAddress && sameAddress.symbol.toLowerCase() !== token.symbol.toLowerCase()) {
    throw new ConflictError(`Token with address ${address} already exists in ${chain}/${network} as ${sameAddress.symbol}`, 'TOKEN_EXISTS');
  }
  const sameSymbol = list.all().find((listed) => listed.symbol.toLowerCase() === token.symbol.toLowerCase() && addressKey(listed.address) !== key);
  const chainId = token.chainId ?? config.network(chain, network).chainID;
  const saved = { chain, network, addressKey: key, address, symbol: token.symbol, name: token.name, decimals: token.decimals, chainId, removed: false };
  const rows = [saved, ...(sameSymbol ? [{ ...saved, addressKey: addressKey(sameSymbol.address), address: sameSymbol.address, removed: true }] : [])];
  for (const row of rows) {
    await db
      .insert(tokenOverrides)
      .values(row)
      .onConflictDoUpdate({ target: [tokenOverrides.chain, tokenOverrides.network, tokenOverrides.addressKey], set: { ...row, updatedAt: new Date() } });
  }
  await settingsChanged(env);
  return { chainId, name: token.name, symbol: token.symbol, address, decimals: token.decimals };
}

/** Removes a token from the network's list; a 404 when it is not listed. */
export async function removeToken(env: ConfigEnv, config: Config, chain: Chain, network: string, address: string): Promise<void> {
  const { addressKey } = chainModule(chain);
  const db = getDb(env);
  const list = await TokenList.load(db, config, chain, network);
  const key = addressKey(address);
  const token = list.all().find((listed) => addressKey(listed.address) === key);
  if (!token) throw new NotFoundError(`Token with address ${address} not found in ${chain}/${network}`, 'TOKEN_NOT_FOUND');
  const row = { chain, network, addressKey: key, address: token.address, symbol: token.symbol, name: token.name, decimals: token.decimals, chainId: token.chainId, removed: true };
  await db
    .insert(tokenOverrides)
    .values(row)
    .onConflictDoUpdate({ target: [tokenOverrides.chain, tokenOverrides.network, tokenOverrides.addressKey], set: { removed: true, updatedAt: new Date() } });
  await settingsChanged(env);
}

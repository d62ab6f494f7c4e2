import { and, eq } from 'drizzle-orm';
import { chainModule } from '../chains/modules';
import type { Chain } from '../config/networks';
import { CONNECTOR_REGISTRY } from '../connectors/registry';
import { settingsChanged } from '../config/settings-version';
import type { Config, ConfigEnv } from '../config/store';
import { getDb, type Db } from '../db/client';
import { poolOverrides } from '../db/schema';
import type { Pool, PoolType } from '../../schemas/pools';
import type { Token } from '../../schemas/tokens';

type Filter = { connector?: string; type?: PoolType };

const key = (chain: Chain, pool: { connector: string; type: string; address: string }) => `${pool.connector}|${pool.type}|${chainModule(chain).addressKey(pool.address)}`;

function shippedPools(chain: Chain, network: string): Pool[] {
  return Object.entries(CONNECTOR_REGISTRY)
    .filter(([, connector]) => connector.chain === chain)
    .flatMap(([name, connector]) => (connector.pools[network] ?? []).map((pool) => ({ ...pool, network, connector: name })));
}

/** One network's pools across its connectors: the shipped lists with the Postgres overrides applied (one query). */
export class PoolList {
  private constructor(
    readonly chain: Chain,
    readonly network: string,
    private readonly pools: Pool[],
  ) {}

  /** The overrides are read once per isolate and settings version (see Config.cached). */
  static async load(db: Db, config: Config, chain: Chain, network: string): Promise<PoolList> {
    const overrides = await config.cached(`pools:${chain}-${network}`, () =>
      db
        .select()
        .from(poolOverrides)
        .where(and(eq(poolOverrides.chain, chain), eq(poolOverrides.network, network))),
    );
    const byKey = new Map(shippedPools(chain, network).map((pool) => [key(chain, pool), pool]));
    for (const row of overrides) {
      const pool: Pool = {
        connector: row.connector,
        network,
        type: row.type,
        address: row.address,
        baseSymbol: row.baseSymbol,
        quoteSymbol: row.quoteSymbol,
        baseTokenAddress: row.baseTokenAddress,
        quoteTokenAddress: row.quoteTokenAddress,
        feePct: Number(row.feePct),
      };
      if (row.removed) byKey.delete(key(chain, pool));
      else byKey.set(key(chain, pool), pool);
    }
    return new PoolList(chain, network, [...byKey.values()]);
  }

  /** Pools of a connector and type (both optional), whose symbols or address contain `search` (case-insensitive). */
  find(filter: Filter & { search?: string } = {}): Pool[] {
    const needle = filter.search?.toLowerCase();
    return this.pools.filter(
      (pool) =>
        (!filter.connector || pool.connector === filter.connector) &&
        (!filter.type || pool.type === filter.type) &&
        (!needle || [pool.baseSymbol, pool.quoteSymbol, pool.address].some((field) => field.toLowerCase().includes(needle))),
    );
  }

  /** Gateway's lookup of `BASE-QUOTE`: exact (case-sensitive) symbols, in either order. */
  bySymbols(a: string, b: string, filter: Filter = {}): Pool | undefined {
    return this.find(filter).find((pool) => (pool.baseSymbol === a && pool.quoteSymbol === b) || (pool.baseSymbol === b && pool.quoteSymbol === a));
  }

  /** The pool trading two tokens, in either order, matched by address. */
  byTokens(a: Token, b: Token, filter: Filter = {}): Pool | undefined {
    const wanted = [a, b].map((token) => chainModule(this.chain).addressKey(token.address)).sort().join();
    return this.find(filter).find((pool) => [pool.baseTokenAddress, pool.quoteTokenAddress].map((address) => chainModule(this.chain).addressKey(address)).sort().join() === wanted);
  }

  /**
   * Pools holding the tokens named (symbols, case-insensitive, or addresses): with one, on either side;
   * with two, the pair in either order; with none, every pool.
   */
  holding(tokens: string[], filter: Filter = {}): Pool[] {
    const is = (token: string, symbol: string, address: string) => token.toLowerCase() === symbol.toLowerCase() || chainModule(this.chain).addressKey(token) === chainModule(this.chain).addressKey(address);
    const [a, b] = tokens;
    return this.find(filter).filter((pool) => {
      const base = (token: string) => is(token, pool.baseSymbol, pool.baseTokenAddress);
      const quote = (token: string) => is(token, pool.quoteSymbol, pool.quoteTokenAddress);
      if (a === undefined) return true;
      if (b === undefined) return base(a) || quote(a);
      return (base(a) && quote(b)) || (base(b) && quote(a));
    });
  }

  byAddress(address: string, filter: Filter = {}): Pool[] {
    return this.find(filter).filter((pool) => chainModule(this.chain).addressKey(pool.address) === chainModule(this.chain).addressKey(address));
  }
}

/** Stores a pool over the shipped list: `added`, or `updated` when the connector already listed that address. */
export async function savePool(env: ConfigEnv, config: Config, chain: Chain, pool: Pool): Promise<'added' | 'updated'> {
  const db = getDb(env);
  const listed = (await PoolList.load(db, config, chain, pool.network)).byAddress(pool.address, pool);
  const row = { ...pool, chain, addressKey: chainModule(chain).addressKey(pool.address), feePct: String(pool.feePct), removed: false };
  await db
    .insert(poolOverrides)
    .values(row)
    .onConflictDoUpdate({ target: [poolOverrides.connector, poolOverrides.network, poolOverrides.type, poolOverrides.addressKey], set: { ...row, updatedAt: new Date() } });
  await settingsChanged(env);
  return listed.length ? 'updated' : 'added';
}

/** Removes listed pools (shipped ones are hidden by a `removed` row). */
export async function removePools(env: ConfigEnv, chain: Chain, pools: Pool[]): Promise<void> {
  const db = getDb(env);
  for (const pool of pools) {
    const row = { ...pool, chain, addressKey: chainModule(chain).addressKey(pool.address), feePct: String(pool.feePct), removed: true };
    await db
      .insert(poolOverrides)
      .values(row)
      .onConflictDoUpdate({ target: [poolOverrides.connector, poolOverrides.network, poolOverrides.type, poolOverrides.addressKey], set: { removed: true, updatedAt: new Date() } });
  }
  await settingsChanged(env);
}

import { asc, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb } from '../db/client';
import { configOverrides } from '../db/schema';
import type { RouterEnv } from '../env';
import { BadRequestError, NotFoundError, quoteInput } from '../errors';
import { ChainConfigSchema, ConnectorConfigSchema, ServerConfigSchema, type ChainConfig, type ConnectorConfig } from '../../schemas/config';
import { CONNECTOR_CONFIG } from './connectors';
import { CHAIN_CONFIG, CHAINS, WALLET_PLACEHOLDER, type Chain, type NetworkOf } from './networks';
import { readSettings, settingsChanged, settingsVersion, type SettingsVersionEnv } from './settings-version';

export interface ConfigEnv extends Pick<RouterEnv, 'DATABASE_URL' | 'NEON_PROXY_URL' | 'ENVIRONMENT'>, SettingsVersionEnv {
  /** Where the local networks' nodes listen (dev and tests start them on their own ports). */
  EVM_LOCALNET_RPC_URL?: string;
  SOLANA_LOCALNET_RPC_URL?: string;
}

type Json = Record<string, unknown>;

interface Namespace {
  name: string;
  schema: z.ZodObject;
  defaults: Json;
  /** For `chain-network` namespaces: the chain namespace whose fields it inherits. */
  chain?: Chain;
}

function namespaceTable(env: ConfigEnv): Map<string, Namespace> {
  const development = env.ENVIRONMENT === 'development';
  const table = new Map<string, Namespace>();
  const add = (namespace: Namespace) => table.set(namespace.name, namespace);
  add({ name: 'server', schema: ServerConfigSchema, defaults: { port: 15888, docsPort: 0, logLevel: 'info' } });
  const localRpc = { ethereum: env.EVM_LOCALNET_RPC_URL, solana: env.SOLANA_LOCALNET_RPC_URL };
  for (const chain of CHAINS) {
    // Local networks are the default only in development, never in a deployed worker.
    const { mainnet, networks, networkSchema: schema } = CHAIN_CONFIG[chain];
    const defaultNetwork = development ? 'localnet' : mainnet;
    add({ name: chain, schema: ChainConfigSchema, defaults: { defaultNetwork, defaultWallet: WALLET_PLACEHOLDER[chain], rpcProvider: 'url' } });
    for (const [network, defaults] of Object.entries(networks as Record<string, { nodeURL: string; local?: boolean }>)) {
      const nodeURL = defaults.local && localRpc[chain] ? localRpc[chain] : defaults.nodeURL;
      add({ name: `${chain}-${network}`, schema, defaults: { ...defaults, nodeURL }, chain });
    }
  }
  for (const [name, defaults] of Object.entries(CONNECTOR_CONFIG)) add({ name, schema: ConnectorConfigSchema, defaults });
  return table;
}

function setPath(target: Json, path: string[], value: unknown): Json {
  const [head, ...rest] = path;
  const child = target[head];
  return {
    ...target,
    [head]: rest.length ? setPath(typeof child === 'object' && child !== null ? (child as Json) : {}, rest, value) : value,
  };
}

function getPath(target: Json, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Json)[key] : undefined), target);
}

/** Gateway coerces a string to the type of the value it replaces (`"16000"` for a port is 16000). */
function coerce(current: unknown, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (typeof current === 'number' || current === null) {
    const number = Number(value);
    return value.trim() !== '' && Number.isFinite(number) ? number : value;
  }
  if (typeof current === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/**
 * Defaults in code plus the overrides stored in Postgres, read once per isolate and settings version
 * (lib/config/settings-version.ts): a request pays one version check, no query.
 */
export class Config {
  private constructor(
    private readonly table: Map<string, Namespace>,
    private readonly values: Map<string, Json>,
    /** Reads of the settings (token and pool lists) as of the version this config was loaded at. */
    readonly cached: <T>(key: string, read: () => Promise<T>) => Promise<T>,
  ) {}

  static async load(env: ConfigEnv): Promise<Config> {
    const table = namespaceTable(env);
    const version = await settingsVersion(env);
    const rows = await readSettings(env, version, 'config', () => getDb(env).select().from(configOverrides).orderBy(asc(configOverrides.updatedAt)));
    const raw = new Map([...table.values()].map((namespace) => [namespace.name, namespace.defaults]));
    for (const row of rows) {
      const current = raw.get(row.namespace);
      if (current) raw.set(row.namespace, setPath(current, row.path.split('.'), row.value));
    }
    const values = new Map([...table.values()].map((namespace) => [namespace.name, namespace.schema.parse(raw.get(namespace.name)) as Json]));
    return new Config(table, values, (key, read) => readSettings(env, version, key, read));
  }

  namespaces(): string[] {
    return [...this.table.keys()].sort();
  }

  /** A namespace's values; a `chain-network` namespace also carries its chain's fields, as in Gateway. */
  get(namespace: string): Json {
    const values = this.values.get(namespace);
    const entry = this.table.get(namespace);
    if (!values || !entry) throw new NotFoundError(`Namespace ${quoteInput(namespace)} not found`);
    return entry.chain ? { ...this.values.get(entry.chain), ...values } : values;
  }

  all(): Record<string, Json> {
    return Object.fromEntries(this.namespaces().map((name) => [name, this.values.get(name)!]));
  }

  chain(chain: Chain): ChainConfig {
    return this.values.get(chain) as ChainConfig;
  }

  /** The address given, else the chain's default wallet; a 400 when neither is set. */
  wallet(chain: Chain, address?: string): string {
    const wallet = address ?? this.chain(chain).defaultWallet;
    if (wallet === WALLET_PLACEHOLDER[chain]) throw new BadRequestError(`address: required (no default ${chain} wallet is configured; add one with /wallet/add)`);
    return wallet;
  }

  networks(chain: Chain): string[] {
    return [...this.table.values()]
      .filter((namespace) => namespace.chain === chain)
      .map((namespace) => namespace.name.slice(chain.length + 1))
      .sort();
  }

  /** The network's config, or a 400 naming the known networks (Gateway validates `network` as an enum). */
  network<C extends Chain>(chain: C, network?: string): NetworkOf<C> {
    const name = network ?? this.chain(chain).defaultNetwork;
    const values = this.values.get(`${chain}-${name}`);
    if (!values) throw new BadRequestError(`Unknown network ${quoteInput(name)} for ${chain}; expected one of: ${this.networks(chain).join(', ')}`, 'UNKNOWN_NETWORK');
    return { ...values, name } as NetworkOf<C>;
  }

  /** A connector's config namespace, as its schema types it. */
  connector(name: string): ConnectorConfig {
    return this.get(name) as ConnectorConfig;
  }

  /** Validates `value` at `path` against the namespace's schema and stores it; answers what was written. */
  async update(env: ConfigEnv, namespace: string, path: string, value: unknown): Promise<{ namespace: string; path: string; value: unknown }> {
    const entry = this.table.get(namespace);
    if (!entry) throw new NotFoundError(`Namespace ${quoteInput(namespace)} not found`);
    const keys = path.split('.');
    // A chain-level field sent to a chain-network namespace belongs to the chain (Gateway does the same).
    const target = entry.chain && keys[0] in ChainConfigSchema.shape ? entry.chain : namespace;
    const schema = this.table.get(target)!.schema;
    const current = this.values.get(target)!;
    const coerced = coerce(getPath(current, keys), value);
    const parsed = schema.safeParse(setPath(current, keys, coerced));
    if (!parsed.success) {
      const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.') || path}: ${issue.message}`).join('; ');
      throw new BadRequestError(`Cannot set ${target}.${path} to ${JSON.stringify(value)}: JSON schema violation. ${reasons}`, 'INVALID_CONFIG');
    }
    await getDb(env)
      .insert(configOverrides)
      .values({ namespace: target, path, value: coerced })
      .onConflictDoUpdate({ target: [configOverrides.namespace, configOverrides.path], set: { value: coerced, updatedAt: sql`now()` } });
    await settingsChanged(env);
    this.values.set(target, parsed.data as Json);
    return { namespace: target, path, value: coerced };
  }
}

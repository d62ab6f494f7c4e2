// Reads of the settings (config overrides, token and pool lists) cost no database round trip: each
// isolate keeps what it read, tagged with the settings version, and every request asks one Durable
// Object for the current version. A write through any route, on any worker, bumps that version after
// it commits, so the next request anywhere reloads. One counter for all the settings keeps the check
// at one Durable Object call per request, however many lists the request reads.
import { DurableObject } from 'cloudflare:workers';
import type { RouterEnv } from '../env';

export interface SettingsVersionEnv extends Pick<RouterEnv, 'DATABASE_URL'> {
  /** Unset (a tool, a test worker without it): every read goes to Postgres, as before caching. */
  SETTINGS_VERSION?: DurableObjectNamespace<SettingsVersion>;
}

/**
 * What was read stays valid this long at most, whatever the version says: a bump lost to a crash
 * between the write and the bump, or an operator's edit straight in Postgres, is seen within it.
 */
export const SETTINGS_MAX_AGE_MS = 60_000;

/** The one counter: a number that only grows, kept in storage so a restarted object never reissues one. */
export class SettingsVersion extends DurableObject {
  private version?: number;

  async current(): Promise<number> {
    // Starting from the clock, a counter whose storage was wiped still never goes back to a version
    // an isolate may hold.
    this.version ??= (await this.ctx.storage.get<number>('version')) ?? Date.now();
    return this.version;
  }

  async bump(): Promise<number> {
    const next = (await this.current()) + 1;
    await this.ctx.storage.put('version', next);
    this.version = next;
    return next;
  }
}

const counter = (env: SettingsVersionEnv) => env.SETTINGS_VERSION?.get(env.SETTINGS_VERSION.idFromName('settings'));

/** The settings version now; undefined when there is no counter to ask (then nothing is cached). */
export async function settingsVersion(env: SettingsVersionEnv): Promise<number | undefined> {
  return counter(env)?.current();
}

interface Entry {
  version: number;
  readAt: number;
  value: unknown;
}

/** This isolate's reads, by database and what was read ('config', 'tokens:ethereum-mainnet', ...). */
const entries = new Map<string, Entry>();

/**
 * The settings read under `key` as of `version`: this isolate's copy when it was read at that version,
 * else `read()`, kept. Without a version, always `read()`. Only settled reads are shared: a request
 * must not wait on another one's I/O (workerd ties it to that request, which may be cancelled).
 */
export async function readSettings<T>(env: SettingsVersionEnv, version: number | undefined, key: string, read: () => Promise<T>): Promise<T> {
  if (version === undefined) return await read();
  const at = `${env.DATABASE_URL ?? ''}|${key}`;
  const entry = entries.get(at);
  if (entry && entry.version === version && Date.now() - entry.readAt < SETTINGS_MAX_AGE_MS) return entry.value as T;
  const value = await read();
  entries.set(at, { version, readAt: Date.now(), value });
  return value;
}

/**
 * Called after a write to the settings has committed: drops this isolate's copies (the same request
 * may read them again) and bumps the version every isolate checks.
 */
export async function settingsChanged(env: SettingsVersionEnv): Promise<void> {
  const prefix = `${env.DATABASE_URL ?? ''}|`;
  for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
  await counter(env)?.bump();
}

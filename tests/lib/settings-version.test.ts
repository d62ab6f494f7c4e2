import { env } from 'cloudflare:test';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { configOverrides, tokenOverrides } from '../../lib/db/schema';
import { api } from '../support/http';

const counter = () => env.SETTINGS_VERSION.get(env.SETTINGS_VERSION.idFromName('settings'));
/** What another isolate does after its write has committed. */
const bumpAsAnotherIsolateWould = () => counter().bump();

/** Not on any list the suite uses. */
const SHADOW = '0x5e77105E77105e77105E77105E77105E77105e77';

const logLevel = async () => (await (await api('/config?namespace=server')).json<{ logLevel: string }>()).logLevel;
const localSymbols = async () => (await (await api('/tokens?chainNetwork=ethereum-localnet')).json<{ tokens: { symbol: string }[] }>()).tokens.map((token) => token.symbol);

describe('settings read from the isolate, checked against one version', () => {
  const forgetRows = async () => {
    await getDb(env).delete(configOverrides).where(and(eq(configOverrides.namespace, 'server'), eq(configOverrides.path, 'logLevel')));
    await getDb(env).delete(tokenOverrides).where(and(eq(tokenOverrides.network, 'localnet'), eq(tokenOverrides.addressKey, SHADOW.toLowerCase())));
    await bumpAsAnotherIsolateWould();
  };
  beforeEach(forgetRows);
  afterEach(forgetRows);

  it('a config row the version does not announce is not read: the copy answers; after the bump, the row does', async () => {
    expect(await logLevel()).toBe('info');
    await getDb(env).insert(configOverrides).values({ namespace: 'server', path: 'logLevel', value: 'debug' });
    expect(await logLevel()).toBe('info');
    await bumpAsAnotherIsolateWould();
    expect(await logLevel()).toBe('debug');
  });

  it('the same holds for a token list', async () => {
    expect(await localSymbols()).not.toContain('SHADOW');
    await getDb(env).insert(tokenOverrides).values({ chain: 'ethereum', network: 'localnet', addressKey: SHADOW.toLowerCase(), address: SHADOW, symbol: 'SHADOW', name: 'Shadow', decimals: 18 });
    expect(await localSymbols()).not.toContain('SHADOW');
    await bumpAsAnotherIsolateWould();
    expect(await localSymbols()).toContain('SHADOW');
  });

  it('a write through a route bumps the version after it commits, so every isolate reloads', async () => {
    const before = await counter().current();
    expect((await api('/config/update', { body: { namespace: 'server', path: 'logLevel', value: 'warn' } })).status).toBe(200);
    const afterConfig = await counter().current();
    expect(afterConfig).toBeGreaterThan(before);
    expect(await logLevel()).toBe('warn');

    expect((await api('/tokens', { body: { chainNetwork: 'ethereum-localnet', token: { address: SHADOW, symbol: 'SHADOW', name: 'Shadow', decimals: 18 } } })).status).toBe(200);
    const afterToken = await counter().current();
    expect(afterToken).toBeGreaterThan(afterConfig);
    expect(await localSymbols()).toContain('SHADOW');
    expect((await api(`/tokens/${SHADOW}?chainNetwork=ethereum-localnet`, { method: 'DELETE' })).status).toBe(200);
    expect(await counter().current()).toBeGreaterThan(afterToken);
    expect(await localSymbols()).not.toContain('SHADOW');
  });
});

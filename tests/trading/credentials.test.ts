import { env } from 'cloudflare:test';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { exchangeCredentials } from '../../lib/db/schema';
import { DEV_ACCOUNTS } from '../../tools/exchange/dev-accounts';
import { api } from '../support/http';

const [devAccount] = DEV_ACCOUNTS;
const binanceKeys = { binance_api_key: devAccount.apiKey, binance_api_secret: devAccount.apiSecret };

async function newAccount(): Promise<string> {
  const name = `creds_${crypto.randomUUID().slice(0, 8)}`;
  expect((await api(`/accounts/add-account?account_name=${name}`, { method: 'POST' })).status).toBe(201);
  return name;
}

const storedRows = (account: string) => getDb(env).select().from(exchangeCredentials).where(eq(exchangeCredentials.accountName, account));

describe('/accounts credentials', () => {
  it('adds credentials the exchange accepts, stores them sealed, lists and deletes them', async () => {
    const account = await newAccount();
    const added = await api(`/accounts/add-credential/${account}/binance`, { body: binanceKeys });
    expect(added.status).toBe(201);
    expect(await added.json()).toEqual({ message: 'Connector credentials added successfully.' });
    const perpetual = await api(`/accounts/add-credential/${account}/binance_perpetual`, {
      body: { binance_perpetual_api_key: devAccount.apiKey, binance_perpetual_api_secret: devAccount.apiSecret },
    });
    expect(perpetual.status).toBe(201);
    expect(await (await api(`/accounts/${account}/credentials`)).json()).toEqual(['binance', 'binance_perpetual']);

    const [row] = await getDb(env)
      .select()
      .from(exchangeCredentials)
      .where(and(eq(exchangeCredentials.accountName, account), eq(exchangeCredentials.connector, 'binance')));
    expect(row.sealedFields).not.toContain(devAccount.apiKey.slice(0, 12));
    expect(row.sealedFields).not.toContain(devAccount.apiSecret.slice(0, 12));

    const deleted = await api(`/accounts/delete-credential/${account}/binance`, { method: 'POST' });
    expect(await deleted.json()).toEqual({ message: 'Credential deleted successfully.' });
    expect(await (await api(`/accounts/${account}/credentials`)).json()).toEqual(['binance_perpetual']);
    expect((await api(`/accounts/delete-credential/${account}/binance`, { method: 'POST' })).status).toBe(404);

    expect((await api(`/accounts/delete-account?account_name=${account}`, { method: 'POST' })).status).toBe(200);
    expect(await storedRows(account)).toHaveLength(0);
  });

  it("refuses a wrong secret with the exchange's reason and stores nothing", async () => {
    const account = await newAccount();
    const wrongSecret = await api(`/accounts/add-credential/${account}/binance`, { body: { ...binanceKeys, binance_api_secret: 'not-the-secret' } });
    expect(wrongSecret.status).toBe(400);
    const body = await wrongSecret.json<{ detail: string; code: string }>();
    expect(body.code).toBe('EXCHANGE_CREDENTIALS_REJECTED');
    expect(body.detail).toMatch(/^binance rejected the credentials: Signature for this request is not valid\. \(code -1022\)$/);
    expect(body.detail).not.toContain(devAccount.apiKey);

    const unknownKey = await api(`/accounts/add-credential/${account}/binance`, { body: { binance_api_key: 'no-such-key', binance_api_secret: 'x' } });
    expect(unknownKey.status).toBe(400);
    expect(await unknownKey.json()).toMatchObject({ code: 'EXCHANGE_CREDENTIALS_REJECTED' });
    expect(await storedRows(account)).toHaveLength(0);
  });

  it('names a missing required field, and any field the connector does not have', async () => {
    const account = await newAccount();
    const missing = await api(`/accounts/add-credential/${account}/binance`, { body: { binance_api_key: devAccount.apiKey } });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ validation: [{ field: 'binance_api_secret', reason: 'required' }] });
    const okxMissing = await api(`/accounts/add-credential/${account}/okx`, { body: { okx_api_key: 'k', okx_secret_key: 's' } });
    expect(await okxMissing.json()).toMatchObject({ validation: [{ field: 'okx_passphrase', reason: 'required' }] });
    const extra = await api(`/accounts/add-credential/${account}/binance`, { body: { ...binanceKeys, api_key: 'x' } });
    expect(extra.status).toBe(400);
    expect(await extra.json()).toMatchObject({ validation: [{ field: 'api_key' }] });
    const notText = await api(`/accounts/add-credential/${account}/binance`, { body: { ...binanceKeys, binance_api_secret: 42 } });
    expect(notText.status).toBe(400);
    expect(await storedRows(account)).toHaveLength(0);
  });

  it('answers 404 for an unknown connector, 503 when the exchange is unreachable, storing nothing', async () => {
    const account = await newAccount();
    const unknown = await api(`/accounts/add-credential/${account}/nasdaq`, { body: { nasdaq_api_key: 'k' } });
    expect(unknown.status).toBe(404);
    expect((await unknown.json<{ detail: string }>()).detail).toContain("Connector 'nasdaq' not found");
    const unreachable = await api(`/accounts/add-credential/${account}/kraken`, { body: { kraken_api_key: 'k', kraken_secret_key: 'c2VjcmV0' } });
    expect(unreachable.status).toBe(503);
    expect(await unreachable.json()).toMatchObject({ code: 'EXCHANGE_UNAVAILABLE' });
    expect(await storedRows(account)).toHaveLength(0);
  });

  it('gives master_account credentials too', async () => {
    expect((await api('/accounts/add-credential/master_account/binance', { body: binanceKeys })).status).toBe(201);
    expect(await (await api('/accounts/master_account/credentials')).json()).toContain('binance');
  });
});

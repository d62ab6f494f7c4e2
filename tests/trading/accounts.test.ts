import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { exchangeAccounts } from '../../lib/db/schema';
import { api } from '../support/http';

const uniqueName = (prefix: string) => `${prefix}_${crypto.randomUUID().slice(0, 8)}`;

describe('/accounts', () => {
  it('always has master_account, listed with or without the trailing slash', async () => {
    for (const path of ['/accounts/', '/accounts']) {
      const response = await api(path);
      expect(response.status, path).toBe(200);
      expect((await response.json<string[]>())[0]).toBe('master_account');
    }
  });

  it('adds an account, refuses it twice, lists it and deletes it', async () => {
    const name = uniqueName('desk');
    const added = await api(`/accounts/add-account?account_name=${name}`, { method: 'POST' });
    expect(added.status).toBe(201);
    expect(await added.json()).toEqual({ message: 'Account added successfully.' });
    expect(await (await api('/accounts/')).json()).toContain(name);
    expect(await (await api(`/accounts/${name}/credentials`)).json()).toEqual([]);

    const again = await api(`/accounts/add-account?account_name=${name}`, { method: 'POST' });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ detail: `Account '${name}' already exists.` });

    const deleted = await api(`/accounts/delete-account?account_name=${name}`, { method: 'POST' });
    expect(await deleted.json()).toEqual({ message: 'Account deleted successfully.' });
    expect(await (await api('/accounts/')).json()).not.toContain(name);
  });

  it('never deletes master_account', async () => {
    const response = await api('/accounts/delete-account?account_name=master_account', { method: 'POST' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ detail: 'Cannot delete master account.' });
    expect(await getDb(env).select().from(exchangeAccounts).where(eq(exchangeAccounts.name, 'master_account'))).toHaveLength(1);
  });

  it('answers 404 for an unknown account', async () => {
    const cases = [
      ['GET', '/accounts/nobody_here/credentials'],
      ['POST', '/accounts/delete-account?account_name=nobody_here'],
      ['POST', '/accounts/delete-credential/nobody_here/binance'],
    ] as const;
    for (const [method, path] of cases) {
      const response = await api(path, { method });
      expect(response.status, path).toBe(404);
      expect(await response.json(), path).toMatchObject({ detail: "Account 'nobody_here' not found." });
    }
    const credential = await api('/accounts/add-credential/nobody_here/binance', { body: { binance_api_key: 'k', binance_api_secret: 's' } });
    expect(credential.status).toBe(404);
  });

  it('refuses account and connector names with path characters or over 64 characters', async () => {
    const tooLong = 'a'.repeat(65);
    const cases = [
      ['POST', '/accounts/add-account?account_name=..%2Fescape'],
      ['POST', '/accounts/add-account?account_name=a.b'],
      ['POST', `/accounts/add-account?account_name=${tooLong}`],
      ['POST', '/accounts/add-account?account_name='],
      ['POST', '/accounts/add-account'],
      ['POST', '/accounts/delete-account?account_name=..%2F..%2Fetc'],
      ['GET', '/accounts/..%2Fetc/credentials'],
      ['GET', `/accounts/${tooLong}/credentials`],
      ['POST', '/accounts/delete-credential/master_account/..%2Fbinance'],
      ['POST', `/accounts/delete-credential/master_account/${tooLong}`],
    ] as const;
    for (const [method, path] of cases) {
      const response = await api(path, { method });
      expect(response.status, path).toBe(400);
      const body = await response.json<{ validation: { field: string }[] }>();
      expect(['account_name', 'connector_name'], path).toContain(body.validation[0].field);
    }
    expect(await (await api('/accounts/')).json()).not.toContain(tooLong);
  });
});

import { and, asc, eq, sql } from 'drizzle-orm';
import { createSecretBox } from '../crypto';
import { getDb } from '../db/client';
import { exchangeAccounts, exchangeCredentials } from '../db/schema';
import type { RouterEnv } from '../env';
import { BadRequestError, NotFoundError } from '../errors';

/** Hummingbot API ships with it; the migration creates it and it can never be deleted. */
export const MASTER_ACCOUNT = 'master_account';

type AccountsEnv = Pick<RouterEnv, 'DATABASE_URL' | 'NEON_PROXY_URL' | 'MASTER_KEY'>;

// Sealed fields are bound to their account and connector, so a ciphertext copied onto another row never opens.
const associatedData = (account: string, connector: string) => `exchange-credentials:${account}:${connector}`;
const secretBox = (env: AccountsEnv) => createSecretBox(env.MASTER_KEY, 'exchange-credentials');

export class AccountNotFoundError extends NotFoundError {
  constructor(account: string) {
    super(`Account '${account}' not found.`, 'ACCOUNT_NOT_FOUND');
  }
}

export class CredentialsNotFoundError extends NotFoundError {
  constructor(account: string, connector: string) {
    super(`Credentials for connector '${connector}' not found in account '${account}'.`, 'CREDENTIALS_NOT_FOUND');
  }
}

/** Every account name, `master_account` first (it is created by the migration). */
export async function listAccounts(env: AccountsEnv): Promise<string[]> {
  const rows = await getDb(env).select({ name: exchangeAccounts.name }).from(exchangeAccounts).orderBy(asc(exchangeAccounts.createdAt), asc(exchangeAccounts.name));
  return rows.map((row) => row.name);
}

export async function requireAccount(env: AccountsEnv, account: string): Promise<void> {
  const rows = await getDb(env).select({ name: exchangeAccounts.name }).from(exchangeAccounts).where(eq(exchangeAccounts.name, account));
  if (rows.length === 0) throw new AccountNotFoundError(account);
}

export async function addAccount(env: AccountsEnv, account: string): Promise<void> {
  const added = await getDb(env).insert(exchangeAccounts).values({ name: account }).onConflictDoNothing().returning({ name: exchangeAccounts.name });
  if (added.length === 0) throw new BadRequestError(`Account '${account}' already exists.`, 'ACCOUNT_EXISTS');
}

/** Deletes the account and, with it, its credentials. */
export async function deleteAccount(env: AccountsEnv, account: string): Promise<void> {
  if (account === MASTER_ACCOUNT) throw new BadRequestError('Cannot delete master account.', 'MASTER_ACCOUNT_PROTECTED');
  const deleted = await getDb(env).delete(exchangeAccounts).where(eq(exchangeAccounts.name, account)).returning({ name: exchangeAccounts.name });
  if (deleted.length === 0) throw new AccountNotFoundError(account);
}

/** The connectors the account holds credentials for. */
export async function listCredentials(env: AccountsEnv, account: string): Promise<string[]> {
  const db = getDb(env);
  const [accounts, rows] = await db.batch([
    db.select({ name: exchangeAccounts.name }).from(exchangeAccounts).where(eq(exchangeAccounts.name, account)),
    db.select({ connector: exchangeCredentials.connector }).from(exchangeCredentials).where(eq(exchangeCredentials.accountName, account)).orderBy(asc(exchangeCredentials.connector)),
  ]);
  if (accounts.length === 0) throw new AccountNotFoundError(account);
  return rows.map((row) => row.connector);
}

/** Seals and stores (or replaces) the account's credentials for a connector; the account must exist. */
export async function storeCredentials(env: AccountsEnv, account: string, connector: string, fields: Record<string, string | boolean>): Promise<void> {
  const sealedFields = await secretBox(env).seal(JSON.stringify(fields), associatedData(account, connector));
  // One statement: the row is written only while the account exists, so a concurrent delete-account
  // leaves nothing behind.
  const stored = await getDb(env).execute(sql`
    INSERT INTO ${exchangeCredentials} (account_name, connector, sealed_fields)
    SELECT ${exchangeAccounts.name}, ${connector}, ${sealedFields} FROM ${exchangeAccounts} WHERE ${exchangeAccounts.name} = ${account}
    ON CONFLICT (account_name, connector) DO UPDATE SET sealed_fields = EXCLUDED.sealed_fields, updated_at = now()
    RETURNING connector`);
  if (stored.rows.length === 0) throw new AccountNotFoundError(account);
}

export async function deleteCredentials(env: AccountsEnv, account: string, connector: string): Promise<void> {
  await requireAccount(env, account);
  const deleted = await getDb(env)
    .delete(exchangeCredentials)
    .where(and(eq(exchangeCredentials.accountName, account), eq(exchangeCredentials.connector, connector)))
    .returning({ connector: exchangeCredentials.connector });
  if (deleted.length === 0) throw new CredentialsNotFoundError(account, connector);
}

/** The account's credentials for a connector, opened; a 404 when it holds none. */
export async function loadCredentials(env: AccountsEnv, account: string, connector: string): Promise<Record<string, string | boolean>> {
  const [row] = await getDb(env)
    .select({ sealedFields: exchangeCredentials.sealedFields })
    .from(exchangeCredentials)
    .where(and(eq(exchangeCredentials.accountName, account), eq(exchangeCredentials.connector, connector)));
  if (!row) throw new CredentialsNotFoundError(account, connector);
  return JSON.parse(await secretBox(env).open(row.sealedFields, associatedData(account, connector))) as Record<string, string | boolean>;
}

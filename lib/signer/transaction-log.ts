import { and, eq, type SQL } from 'drizzle-orm';
import type { Chain } from '../config/networks';
import { getDb } from '../db/client';
import { transactions } from '../db/schema';
import type { RouterEnv } from '../env';

export type TransactionRow = typeof transactions.$inferSelect;
type Status = TransactionRow['status'];

/**
 * One wallet's rows of the `transactions` table on one network: each transaction is written as
 * `signed` before it is sent, then moves to `sent` and to `confirmed` or `failed`.
 */
export class TransactionLog {
  constructor(
    private readonly env: RouterEnv,
    private readonly chain: Chain,
    private readonly network: string,
    private readonly address: string,
  ) {}

  /** The wallet and network, as logs name them. */
  get where(): { chain: Chain; network: string; address: string } {
    return { chain: this.chain, network: this.network, address: this.address };
  }

  private scope(...conditions: SQL[]) {
    return and(eq(transactions.chain, this.chain), eq(transactions.network, this.network), eq(transactions.address, this.address), ...conditions);
  }

  async byIdempotencyKey(key: string): Promise<TransactionRow | undefined> {
    const [row] = await getDb(this.env).select().from(transactions).where(this.scope(eq(transactions.idempotencyKey, key)));
    return row;
  }

  withStatus(status: Status, ...conditions: SQL[]): Promise<TransactionRow[]> {
    return getDb(this.env).select().from(transactions).where(this.scope(eq(transactions.status, status), ...conditions));
  }

  async recordSigned(values: Pick<TransactionRow, 'kind' | 'nonce' | 'hash' | 'raw'> & { idempotencyKey?: string; fee?: string }): Promise<TransactionRow> {
    const [row] = await getDb(this.env)
      .insert(transactions)
      .values({ id: crypto.randomUUID(), chain: this.chain, network: this.network, address: this.address, status: 'signed', ...values })
      .returning();
    return row;
  }

  async update(id: string, changes: Partial<Pick<TransactionRow, 'status' | 'fee' | 'blockNumber' | 'error'>>): Promise<TransactionRow> {
    const [row] = await getDb(this.env)
      .update(transactions)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(transactions.id, id))
      .returning();
    return row;
  }
}

import { and, desc, eq, getTableColumns, inArray } from 'drizzle-orm';
import { getDb } from '../db/client';
import { backtestTasks } from '../db/schema';
import type { RouterEnv } from '../env';
import type { BacktestRequest } from '../../schemas/backtesting';

type StoreEnv = Pick<RouterEnv, 'DATABASE_URL' | 'NEON_PROXY_URL'>;
export type TaskRow = typeof backtestTasks.$inferSelect;
export type TaskStatus = TaskRow['status'];

/** Hummingbot's 8-character task ids (hex here). */
export function newTaskId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function insertTask(env: StoreEnv, id: string, request: BacktestRequest, candlesTotal: number): Promise<void> {
  await getDb(env).insert(backtestTasks).values({ id, status: 'pending', request, candlesTotal });
}

export async function getTask(env: StoreEnv, id: string): Promise<TaskRow | undefined> {
  const [row] = await getDb(env).select().from(backtestTasks).where(eq(backtestTasks.id, id));
  return row;
}

/** Tasks newest first, without their payloads. */
export async function listTasks(env: StoreEnv, limit = 200) {
  const { id, status, request, createdAt, startedAt, completedAt, heartbeatAt, phase, candlesDone, candlesTotal, error } = getTableColumns(backtestTasks);
  const columns = { id, status, request, createdAt, startedAt, completedAt, heartbeatAt, phase, candlesDone, candlesTotal, error };
  return getDb(env).select(columns).from(backtestTasks).orderBy(desc(backtestTasks.createdAt)).limit(limit);
}

/** Updates a task still `pending` or `running`; false if it was cancelled, deleted or already done. */
export async function updateActiveTask(env: StoreEnv, id: string, values: Partial<Omit<TaskRow, 'id'>>): Promise<boolean> {
  const rows = await getDb(env)
    .update(backtestTasks)
    .set({ ...values, heartbeatAt: new Date() })
    .where(and(eq(backtestTasks.id, id), inArray(backtestTasks.status, ['pending', 'running'])))
    .returning({ id: backtestTasks.id });
  return rows.length > 0;
}

export async function deleteTask(env: StoreEnv, id: string): Promise<void> {
  await getDb(env).delete(backtestTasks).where(eq(backtestTasks.id, id));
}

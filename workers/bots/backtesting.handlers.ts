import type { AppRouteHandler } from '../../lib/app';
import { checkBacktest, loadBacktest } from '../../lib/backtesting/load';
import { startBacktest } from '../../lib/backtesting/run';
import * as tasks from '../../lib/backtesting/tasks';
import { NotFoundError } from '../../lib/errors';
import { MAX_RUN_CANDLES, MAX_TASK_CANDLES, type BacktestRequest } from '../../schemas/backtesting';
import type { BotsEnv } from './env';
import type * as routes from './backtesting.routes';

/** A running task whose runner has been silent this long is woken again (its alarm lost with the process). */
const STALE_TASK_MS = 60_000;

const runner = (env: BotsEnv, id: string) => env.BACKTEST_TASKS.get(env.BACKTEST_TASKS.idFromName(id));
const iso = (date: Date | null) => (date ? date.toISOString() : null);

function present(row: Omit<tasks.TaskRow, 'result' | 'series'>) {
  return {
    task_id: row.id,
    status: row.status,
    config: row.request.config,
    created_at: row.createdAt.toISOString(),
    started_at: iso(row.startedAt),
    completed_at: iso(row.completedAt),
    error: row.error,
    progress: { candles_done: row.candlesDone, candles_total: row.candlesTotal, phase: row.phase },
  };
}

export const runBacktestHandler: AppRouteHandler<typeof routes.runBacktest, BotsEnv> = async (c) => {
  const request: BacktestRequest = c.req.valid('json');
  const { run } = await loadBacktest(c.env, await checkBacktest(c.env, request, MAX_RUN_CANDLES));
  const { backtest, result } = startBacktest(run);
  while (!backtest.advance(Number.MAX_SAFE_INTEGER));
  return c.json(result(), 200);
};

export const submitTaskHandler: AppRouteHandler<typeof routes.submitTask, BotsEnv> = async (c) => {
  const request: BacktestRequest = c.req.valid('json');
  const checked = await checkBacktest(c.env, request, MAX_TASK_CANDLES);
  const id = tasks.newTaskId();
  await tasks.insertTask(c.env, id, request, checked.candles);
  await runner(c.env, id).start(id);
  return c.json({ task_id: id, status: 'pending' as const }, 200);
};

export const listTasksHandler: AppRouteHandler<typeof routes.listTasks, BotsEnv> = async (c) => {
  return c.json((await tasks.listTasks(c.env)).map(present), 200);
};

async function requireTask(env: BotsEnv, id: string): Promise<tasks.TaskRow> {
  const row = await tasks.getTask(env, id);
  if (!row) throw new NotFoundError(`Task ${id} not found`, 'TASK_NOT_FOUND');
  return row;
}

export const getTaskHandler: AppRouteHandler<typeof routes.getTask, BotsEnv> = async (c) => {
  const { task_id: id } = c.req.valid('param');
  const row = await requireTask(c.env, id);
  const lastSign = (row.heartbeatAt ?? row.createdAt).getTime();
  if ((row.status === 'pending' || row.status === 'running') && Date.now() - lastSign > STALE_TASK_MS) await runner(c.env, id).start(id);
  return c.json({ ...present(row), ...(row.result ? { result: row.result as never } : {}) }, 200);
};

export const deleteTaskHandler: AppRouteHandler<typeof routes.deleteTask, BotsEnv> = async (c) => {
  const { task_id: id } = c.req.valid('param');
  const row = await requireTask(c.env, id);
  if (await tasks.updateActiveTask(c.env, id, { status: 'cancelled', phase: 'done', completedAt: new Date() })) {
    return c.json({ status: 'cancelled' as const, task_id: id }, 200);
  }
  await tasks.deleteTask(c.env, row.id);
  return c.json({ status: 'deleted' as const, task_id: id }, 200);
};

type StepRows = number[][];
type BarRuns = number[][];

/** Bar `index`'s open (Unix ms) from the runs `[first index, first open, step, count]`. */
function barOpen(runs: BarRuns, index: number): number {
  for (const [first, open, step, count] of runs) if (index < first + count) return open + (index - first) * step;
  return Number.NaN;
}

export const getTaskSeriesHandler: AppRouteHandler<typeof routes.getTaskSeries, BotsEnv> = async (c) => {
  const { task_id: id, series } = c.req.valid('param');
  const { offset, limit } = c.req.valid('query');
  const row = await requireTask(c.env, id);
  const stored = row.series as { [name: string]: StepRows } | null;
  const result = row.result as { [name: string]: Array<Record<string, number>> } | null;
  if (row.status !== 'completed' || !stored || !result) throw new NotFoundError(`Task ${id} has no series: it is ${row.status}`, 'TASK_NOT_COMPLETED');
  const changes = stored[series];
  const runs = stored.bar_open_times;
  const total = runs.reduce((sum, run) => sum + run[3], 0);
  const columns = Object.keys(result[series][0] ?? {}).filter((column) => column !== 'timestamp');
  const rows: Array<Record<string, number>> = [];
  let change = -1;
  for (let index = offset; index < Math.min(total, offset + limit); index++) {
    while (change + 1 < changes.length && changes[change + 1][0] <= index) change++;
    const values = change >= 0 ? changes[change] : undefined;
    const entry: Record<string, number> = { timestamp: barOpen(runs, index) / 1000 };
    columns.forEach((column, i) => (entry[column] = values ? values[i + 1] : 0));
    rows.push(entry);
  }
  return c.json({ task_id: id, series, offset, limit, total, rows }, 200);
};

import { DurableObject } from 'cloudflare:workers';
import { HttpError } from '../errors';
import { describeError, log } from '../log';
import { MAX_TASK_CANDLES } from '../../schemas/backtesting';
import { checkBacktest, loadBacktest, type BacktestEnv } from './load';
import { startBacktest } from './run';
import { getTask, updateActiveTask } from './tasks';

/** Bars replayed between two yields to the event loop: tens of ms of CPU, so the isolate's other requests wait little. */
const BARS_A_SLICE = 20_000;
/** Progress (and a cancellation check) is written every this many slices. */
const SLICES_A_REPORT = 5;
/** A runner that died mid-task (a restart) is woken by this alarm, set before the work starts. */
const WATCHDOG_MS = 30_000;

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * One backtest task per Durable Object: its own isolate state (nothing shared with another task), off
 * the request path, woken by an alarm that a restart does not lose. The task's row in Postgres is the
 * truth: the runner reads it first, writes progress to it, and stops when it is no longer running
 * (cancelled or deleted). A run cut off by a restart starts over; the same request gives the same bytes.
 */
export class BacktestTask extends DurableObject<BacktestEnv> {
  private active = false;

  /** Queues the task (idempotent: a task already queued or running is left alone). */
  async start(taskId: string): Promise<void> {
    await this.ctx.storage.put('task', taskId);
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now());
  }

  override async alarm(): Promise<void> {
    const taskId = await this.ctx.storage.get<string>('task');
    if (!taskId || this.active) return;
    await this.ctx.storage.setAlarm(Date.now() + WATCHDOG_MS);
    this.active = true;
    try {
      await runTask(this.env, taskId);
      await this.ctx.storage.deleteAlarm();
      await this.ctx.storage.delete('task');
    } finally {
      this.active = false;
    }
  }
}

async function runTask(env: BacktestEnv, taskId: string): Promise<void> {
  const task = await getTask(env, taskId);
  if (!task || (task.status !== 'pending' && task.status !== 'running')) return;
  try {
    if (!(await updateActiveTask(env, taskId, { status: 'running', startedAt: task.startedAt ?? new Date(), phase: 'candles', candlesDone: 0 }))) return;
    const checked = await checkBacktest(env, task.request, MAX_TASK_CANDLES);
    const { run } = await loadBacktest(env, checked);
    if (!(await updateActiveTask(env, taskId, { phase: 'replaying', candlesTotal: run.bars.close.length - run.firstBar }))) return;
    const { backtest, result } = startBacktest(run);
    for (let slice = 1; !backtest.advance(BARS_A_SLICE); slice++) {
      await nextTurn();
      if (slice % SLICES_A_REPORT === 0 && !(await updateActiveTask(env, taskId, { candlesDone: backtest.progress.done }))) return;
    }
    const payload = result();
    await updateActiveTask(env, taskId, {
      status: 'completed',
      phase: 'done',
      completedAt: new Date(),
      candlesDone: backtest.progress.done,
      result: payload as unknown as Record<string, unknown>,
      series: { pnl_timeseries: backtest.pnl.rows, position_held_timeseries: backtest.positionHeld.rows, bar_open_times: barTimes(run.bars.openTime.subarray(run.firstBar)) },
    });
  } catch (error) {
    const message = error instanceof HttpError ? error.message : 'the backtest failed unexpectedly';
    if (!(error instanceof HttpError)) log('error', 'backtest task failed', { taskId, ...describeError(error) });
    await updateActiveTask(env, taskId, { status: 'failed', phase: 'done', completedAt: new Date(), error: message });
  }
}

/** Bar opens as runs of equal steps, `[first index, first open, step, count]`: a year without gaps is one run. */
function barTimes(openTimes: Float64Array): number[][] {
  const runs: number[][] = [];
  for (let i = 0; i < openTimes.length; i++) {
    const current = runs.at(-1);
    if (current && current[3] === 1) {
      current[2] = openTimes[i] - current[1];
      current[3] = 2;
    } else if (current && openTimes[i] === current[1] + current[2] * current[3]) current[3]++;
    else runs.push([i, openTimes[i], 0, 1]);
  }
  return runs;
}

import { controllerCore, type AnyControllerCore } from '../controllers/registry';
import { NotFoundError, ValidationError } from '../errors';
import type { ExecutorCore, Market } from '../executors/core';
import { executorTypes } from '../executors/registry';
import type { ExecutorType } from '../executors/core';
import { Backtest, type BarColumns } from './engine';
import { backtestResult, type BacktestResult } from './result';
import { sampleIndexes } from './step-series';

/** Rows the result keeps of each long series (processed data, PnL, holds); the full ones are paged. */
export const SAMPLED_BARS = 1000;

/** A controller config validated for a backtest: its core, the parsed config and the market it trades. */
export interface ParsedController {
  core: AnyControllerCore;
  config: unknown;
  market: Market;
  totalAmountQuote: number;
}

/** A short stable id for a config sent without one: the same config always gets the same id (FNV-1a of its JSON). */
function configId(name: string, raw: Readonly<Record<string, unknown>>): string {
  let hash = 0x811c9dc5;
  const text = JSON.stringify(raw);
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${name}_${hash.toString(36)}`;
}

/** Validates a controller config dict: an unknown `controller_name` is 404, an invalid config 400 naming each field. */
export function parseControllerConfig(raw: Readonly<Record<string, unknown>>): ParsedController {
  const name = raw.controller_name;
  if (typeof name !== 'string' || name === '') throw new ValidationError([{ field: 'config.controller_name', reason: 'required: the controller to run, e.g. bollinger_v1' }]);
  const core = controllerCore(name);
  if (!core) throw new NotFoundError(`Controller '${name}' not found (config.controller_name). Available: bollinger_v1`, 'CONTROLLER_NOT_FOUND');
  const withId = typeof raw.id === 'string' && raw.id !== '' ? raw : { ...raw, id: configId(name, raw) };
  const parsed = core.configSchema.safeParse(withId);
  if (!parsed.success) {
    throw new ValidationError(parsed.error.issues.map((issue) => ({ field: ['config', ...issue.path].join('.'), reason: issue.message })));
  }
  const [market] = core.markets(parsed.data);
  return { core, config: parsed.data, market, totalAmountQuote: core.totalAmountQuote(parsed.data) };
}

export function backtestExecutorCore(type: string): ExecutorCore<unknown, unknown> | undefined {
  return Object.hasOwn(executorTypes, type) ? executorTypes[type as ExecutorType]?.core : undefined;
}

export interface BacktestRun {
  controller: ParsedController;
  bars: BarColumns;
  /** The first bar inside the backtested range; earlier ones warm the features up. */
  firstBar: number;
  resolution: string;
  tradeCost: number;
  slippage: number;
}

/** A backtest ready to advance, and how to turn it into its payload once done. */
export function startBacktest(run: BacktestRun): { backtest: Backtest; result(): BacktestResult } {
  const total = run.bars.close.length - run.firstBar;
  const sampledBars = sampleIndexes(total, SAMPLED_BARS);
  const backtest = new Backtest({
    controller: run.controller.core,
    config: run.controller.config,
    market: run.controller.market,
    bars: run.bars,
    firstBar: run.firstBar,
    resolution: run.resolution,
    tradeCost: run.tradeCost,
    slippage: run.slippage,
    executorCore: backtestExecutorCore,
    sampledBars,
  });
  return {
    backtest,
    result: () =>
      backtestResult(backtest, {
        openTimes: run.bars.openTime.subarray(run.firstBar),
        sampledBars,
        totalAmountQuote: run.controller.totalAmountQuote,
        finalPrice: total > 0 ? run.bars.close[run.bars.close.length - 1] : 0,
        resolution: run.resolution,
      }),
  };
}

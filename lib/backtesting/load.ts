import { exchangeConnector } from '../exchanges/connectors';
import { exchangeSession, type ExchangeSessionsEnv } from '../exchanges/session-client';
import { BadRequestError, NotFoundError } from '../errors';
import type { RouterEnv } from '../env';
import { candleOpen, INTERVAL_MS } from '../exchanges/reads/intervals';
import type { HoldCandlesReturnType } from '../exchanges/reads/hold-candles';
import { unwrapResult } from '../rpc';
import type { BacktestRequest } from '../../schemas/backtesting';
import { readBarColumns } from './candles';
import { parseControllerConfig, type BacktestRun, type ParsedController } from './run';

export type BacktestEnv = RouterEnv & ExchangeSessionsEnv;

/** A request checked before any candle moves: its controller, its range with the features' warm-up, in candles. */
export interface CheckedBacktest {
  request: BacktestRequest;
  controller: ParsedController;
  /** First warm-up candle's open and the range's first and last opens, ms. */
  warmupFrom: number;
  from: number;
  to: number;
  candles: number;
}

/**
 * Every check a backtest request gets up front (each a 4xx naming the field): the controller and its
 * config, the range against `maxCandles`, the connector, the pair and the resolution on the exchange.
 */
export async function checkBacktest(env: BacktestEnv, request: BacktestRequest, maxCandles: number): Promise<CheckedBacktest> {
  if (typeof request.config === 'string') {
    throw new NotFoundError(`Controller config '${request.config}' not found (config): stored controller configs are not available yet; send the config itself`, 'CONTROLLER_CONFIG_NOT_FOUND');
  }
  const controller = parseControllerConfig(request.config);
  const resolution = request.backtesting_resolution;
  const resolutionMs = INTERVAL_MS[resolution];
  const warmupMs = Math.max(0, ...controller.core.candleFeeds(controller.config).map((feed) => feed.maxRecords * INTERVAL_MS[feed.interval]));
  const from = candleOpen(resolution, request.start_time * 1000);
  const to = candleOpen(resolution, request.end_time * 1000);
  const warmupFrom = from - Math.ceil(warmupMs / resolutionMs) * resolutionMs;
  const candles = Math.floor((to - warmupFrom) / resolutionMs) + 1;
  if (candles > maxCandles) {
    throw new BadRequestError(
      `end_time: the range is ${candles} candles of ${resolution} with the features' warm-up; at most ${maxCandles} here (${Math.floor((maxCandles * resolutionMs) / 86_400_000)} days of ${resolution})`,
      'BACKTEST_RANGE_TOO_LONG',
    );
  }
  const connector = exchangeConnector(controller.market.connector);
  const intervals = unwrapResult(await exchangeSession(env, connector.name).candleIntervals(connector.name, controller.market.tradingPair));
  if (!intervals.includes(resolution)) {
    throw new BadRequestError(`backtesting_resolution: '${resolution}' is not served by ${connector.name}. Supported: ${intervals.filter((interval) => interval !== '1M').join(', ')}`, 'INTERVAL_NOT_SUPPORTED');
  }
  return { request, controller, warmupFrom, from, to, candles };
}

/** The candles of a checked backtest, fetched from the exchange once and held in Postgres, as engine input. */
export async function loadBacktest(env: BacktestEnv, checked: CheckedBacktest, onRead?: (read: number) => void): Promise<{ run: BacktestRun; hold: HoldCandlesReturnType }> {
  const { controller, request } = checked;
  const connector = controller.market.connector;
  const hold = unwrapResult(
    await exchangeSession(env, connector).holdCandles(connector, { tradingPair: controller.market.tradingPair, interval: request.backtesting_resolution, from: checked.warmupFrom, to: checked.to }),
  );
  const bars = await readBarColumns(env, hold.series, checked.warmupFrom, checked.to, onRead);
  let firstBar = 0;
  while (firstBar < bars.openTime.length && bars.openTime[firstBar] < checked.from) firstBar++;
  return {
    run: { controller, bars, firstBar, resolution: request.backtesting_resolution, tradeCost: request.trade_cost, slippage: request.slippage },
    hold,
  };
}

import { z } from '@hono/zod-openapi';
import { INTERVAL_MS } from '../../exchanges/reads/intervals';
import { decimalNumber } from '../../../schemas/numbers';
import type { Bar, ControllerCore, Features } from '../core';
import { decideDirectional, directionalConfigShape, type DirectionalState } from '../directional';
import { bollingerRow, type BollingerRow } from '../indicators/bollinger';
import { RollingWindow } from '../indicators/rolling-window';

// Hummingbot's bollinger_v1 (controllers/directional_trading/bollinger_v1.py): long when the close is
// below the lower Bollinger band (BBP < bb_long_threshold), short above the upper (BBP > bb_short_threshold).

const IntervalSchema = z.enum(Object.keys(INTERVAL_MS) as [string, ...string[]], { error: `must be one of ${Object.keys(INTERVAL_MS).join(', ')}` });

export const BollingerV1ConfigSchema = z
  .strictObject({
    ...directionalConfigShape,
    controller_name: z.literal('bollinger_v1'),
    /** The candles' connector and pair; null or "" means the traded ones. */
    candles_connector: z.string().max(64).nullish(),
    candles_trading_pair: z.string().max(41).nullish(),
    interval: IntervalSchema.default('3m'),
    bb_length: decimalNumber(z.number().int('must be a whole number').min(2, 'must be 2 or more').max(10_000, 'at most 10000')).default(100),
    bb_std: decimalNumber(z.number().positive('must be greater than 0')).default(2.0),
    bb_long_threshold: decimalNumber(z.number()).default(0.0),
    bb_short_threshold: decimalNumber(z.number()).default(1.0),
  })
  .transform((config) => ({
    ...config,
    candles_connector: config.candles_connector || config.connector_name,
    candles_trading_pair: config.candles_trading_pair || config.trading_pair,
  }));
export type BollingerV1Config = z.output<typeof BollingerV1ConfigSchema>;

/** Python's `str(float)` for the column suffix: 2 → "2.0", 2.5 → "2.5". */
const pythonFloat = (value: number) => (Number.isInteger(value) ? value.toFixed(1) : String(value));

/** pandas-ta's column names, `BBP_100_2.0_2.0` and its siblings. */
export function bollingerColumns(config: Pick<BollingerV1Config, 'bb_length' | 'bb_std'>) {
  const suffix = `${config.bb_length}_${pythonFloat(config.bb_std)}_${pythonFloat(config.bb_std)}`;
  return { lower: `BBL_${suffix}`, middle: `BBM_${suffix}`, upper: `BBU_${suffix}`, bandwidth: `BBB_${suffix}`, percent: `BBP_${suffix}` } as const;
}

export type BollingerV1Processed = Record<string, number> & { signal: number };

class BollingerV1Features implements Features<BollingerV1Processed> {
  private readonly closes: RollingWindow;
  private lastOpen = Number.NaN;
  private readonly bands: BollingerRow = { lower: Number.NaN, middle: Number.NaN, upper: Number.NaN, bandwidth: Number.NaN, percent: Number.NaN };
  private readonly columns: ReturnType<typeof bollingerColumns>;
  /** Reused between reads: a row is valid until the next update (the engine copies the rows it keeps). */
  private readonly row: BollingerV1Processed;

  constructor(private readonly config: BollingerV1Config) {
    this.closes = new RollingWindow(config.bb_length);
    this.columns = bollingerColumns(config);
    this.row = { signal: 0 } as BollingerV1Processed;
  }

  update(_feed: number, bar: Bar): void {
    if (bar.openTime === this.lastOpen) this.closes.replaceLast(bar.close);
    else this.closes.push(bar.close);
    this.lastOpen = bar.openTime;
  }

  read(): BollingerV1Processed {
    const bands = bollingerRow(this.closes, this.config.bb_std, this.bands);
    const { row, columns } = this;
    row[columns.lower] = bands.lower;
    row[columns.middle] = bands.middle;
    row[columns.upper] = bands.upper;
    row[columns.bandwidth] = bands.bandwidth;
    row[columns.percent] = bands.percent;
    // NaN compares false both ways: no signal while the bands warm up.
    row.signal = bands.percent < this.config.bb_long_threshold ? 1 : bands.percent > this.config.bb_short_threshold ? -1 : 0;
    return row;
  }
}

export const bollingerV1: ControllerCore<BollingerV1Config, DirectionalState, BollingerV1Processed> = {
  name: 'bollinger_v1',
  type: 'directional_trading',
  configSchema: BollingerV1ConfigSchema,
  id: (config) => config.id,
  totalAmountQuote: (config) => config.total_amount_quote,
  markets: (config) => [{ connector: config.connector_name, tradingPair: config.trading_pair }],
  candleFeeds: (config) => [{ connector: config.candles_connector, tradingPair: config.candles_trading_pair, interval: config.interval, maxRecords: config.bb_length }],
  features: (config) => new BollingerV1Features(config),
  start: () => null,
  decide: (config, _state, processed, view) => decideDirectional(config, config.id, processed.signal, view),
};

// Steps per second of the executor cores alone (no runtime, no venue): what bounds a backtest's candles/s.
// A position executor's open order fills at once; then it rides a random walk (seeded) with its barriers
// checked every step. Run: npx tsx bench/executor-cores.ts
import type { MarketView, Quote } from '../lib/executors/core';
import { positionExecutor } from '../lib/executors/position/core';

const STEPS = 2_000_000;
const KEY = 'binance:BTC-USDT';
const rules = { [KEY]: { minOrderSize: 0, minNotional: 0, sizeIncrement: 0, priceIncrement: 0, makerFee: 0.001, takerFee: 0.001 } };

/** A deterministic walk of mids (xorshift), prebuilt so the loop measures the core only. */
function walk(count: number): Quote[] {
  let seed = 42;
  let mid = 100;
  const quotes: Quote[] = [];
  for (let i = 0; i < count; i++) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    mid *= 1 + ((seed >>> 0) / 2 ** 32 - 0.5) * 1e-5;
    quotes.push({ bestBid: mid - 0.01, bestAsk: mid + 0.01, mid });
  }
  return quotes;
}

function bench(name: string, barriers: Record<string, unknown>): void {
  const quotes = walk(STEPS);
  const views: MarketView[] = quotes.map((quote, i) => ({ now: 1_700_000_000_000 + i * 60_000, quotes: { [KEY]: quote }, rules }));
  const config = positionExecutor.configSchema.parse({ type: 'position_executor', connector_name: 'binance', trading_pair: 'BTC-USDT', side: 'BUY', amount: 1, triple_barrier_config: barriers });
  let { state } = positionExecutor.start(config, views[0]);
  ({ state } = positionExecutor.step(state, views[1], [
    { type: 'order_filled', ref: 'open-0', tradeId: 'fill', price: quotes[1].mid, amount: 1, fee: 0.1, feeAsset: 'USDT', feeQuote: 0.1 },
    { type: 'order_done', ref: 'open-0', status: 'FILLED' },
  ]));
  const started = performance.now();
  let steps = 0;
  for (let i = 2; i < STEPS && state.status === 'RUNNING'; i++, steps++) state = positionExecutor.step(state, views[i], []).state;
  const seconds = (performance.now() - started) / 1000;
  console.log(`${name.padEnd(44)} ${steps.toLocaleString('en')} steps  ${Math.round(steps / seconds).toLocaleString('en')} steps/s  (${state.status} ${state.closeType ?? ''})`);
}

bench('position: SL/TP far, no trailing', { stop_loss: 0.9, take_profit: 0.9, open_order_type: 'MARKET' });
bench('position: SL/TP far, trailing armed', { stop_loss: 0.9, take_profit: 0.9, trailing_stop: { activation_price: 0.0001, trailing_delta: 0.5 }, open_order_type: 'MARKET' });

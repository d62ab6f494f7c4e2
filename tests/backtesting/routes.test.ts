import { describe, expect, it } from 'vitest';
import { api } from '../support/http';

const config = { controller_name: 'bollinger_v1', connector_name: 'binance', trading_pair: 'BTC-USDT' };
const body = (overrides: Record<string, unknown> = {}) => ({ start_time: 1735689600, end_time: 1735693200, backtesting_resolution: '1m', trade_cost: 0.0006, config, ...overrides });

async function expectError(overrides: Record<string, unknown>, status: number, text: string) {
  const response = await api('/backtesting/run', { method: 'POST', body: body(overrides) });
  expect(response.status).toBe(status);
  expect(JSON.stringify(await response.json())).toContain(text);
}

describe('POST /backtesting/run refuses bad input with a 4xx naming the field', () => {
  it('an unknown controller is 404, a stored config name 404', async () => {
    await expectError({ config: { ...config, controller_name: 'nope_v9' } }, 404, 'config.controller_name');
    await expectError({ config: 'my_config.yml' }, 404, 'stored controller configs');
  });

  it("an invalid config is 400 from the controller's schema", async () => {
    await expectError({ config: { ...config, bb_length: 'x' } }, 400, 'config.bb_length');
    await expectError({ config: { ...config, unknown_key: 1 } }, 400, 'unknown_key');
  });

  it('end ≤ start, trade_cost outside [0, 1), an unknown resolution, a range over the limit', async () => {
    await expectError({ end_time: 1735689600 }, 400, 'end_time');
    await expectError({ trade_cost: 1 }, 400, 'trade_cost');
    await expectError({ trade_cost: -0.1 }, 400, 'trade_cost');
    await expectError({ backtesting_resolution: '7m' }, 400, '1m, 3m');
    await expectError({ end_time: 1735689600 + 86400 * 60 }, 400, 'at most 50400');
  });
});

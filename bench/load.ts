// The loads the product must hold, on the whole local stack (loopback only), bounded in count and time:
//   1. 100 concurrent transactions from one EVM wallet: all mined, nonces contiguous, no failure;
//   2. 200 concurrent orders over 10 accounts: 200 on the exchange, 200 rows, no duplicate, no 5xx;
//   3. mixed traffic (quotes, balances, orders, market data, webhook alerts) at the edge's rate limit
//      for a bounded time: no 5xx, p50/p95/p99 per kind, and the memory (RSS) of every process at the
//      start and the end.
// `npx tsx bench/load.ts [--seconds=N]` (60 s of mixed traffic by default; the 10 minutes is
// --seconds=600). Writes bench/results/load.json.
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { localnetDevWallet } from '../lib/chains/ethereum/localnet';
import { signatureHeader } from '../lib/webhooks/signature';
import { DEV_ACCOUNTS } from '../tools/exchange/dev-accounts';
import type { Stack } from '../tools/stack';
import { percentile, round, runBench, step, table } from './support';

const RESULTS_FILE = 'bench/results/load.json';
const TRANSACTIONS = 100;
const ACCOUNTS = 10;
const ORDERS_PER_ACCOUNT = 20;
/** The edge's limit per client (wrangler.toml: 1,200 a minute), as one client sends at it. */
const EDGE_LIMIT_PER_SECOND = 20;
const seconds = Number(process.argv.find((arg) => arg.startsWith('--seconds='))?.split('=')[1] ?? 60);
const RECIPIENT = '0x000000000000000000000000000000000000bEEF';
const dev = localnetDevWallet.address;

interface Answer {
  status: number;
  ms: number;
  body: unknown;
}

/** One request through the edge as client `client`; its status, time and JSON body (no throw on 4xx/5xx). */
async function request(stack: Stack, client: string, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(`${stack.baseUrl}${path}`, {
      method,
      headers: { authorization: stack.authorization, 'content-type': 'application/json', 'cf-connecting-ip': client, ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    return { status: response.status, ms: performance.now() - started, body: text ? (JSON.parse(text) as unknown) : null };
  } catch (error) {
    // No answer at all counts as a server failure.
    return { status: 599, ms: performance.now() - started, body: String(error) };
  }
}

async function anvil<T>(stack: Stack, method: string, params: unknown[]): Promise<T> {
  const response = await fetch(stack.evm.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  return ((await response.json()) as { result: T }).result;
}

/** A signed request straight to the local exchange as a dev account (what the exchange itself says). */
async function exchangeAs<T>(stack: Stack, account: (typeof DEV_ACCOUNTS)[number], method: 'GET' | 'DELETE', path: string, params: Record<string, string>): Promise<T> {
  const query = new URLSearchParams({ ...params, timestamp: String(Date.now()) });
  query.set('signature', createHmac('sha256', account.apiSecret).update(query.toString()).digest('hex'));
  const response = await fetch(`${stack.exchange.url}/${path}?${query}`, { method, headers: { 'X-MBX-APIKEY': account.apiKey } });
  return (await response.json()) as T;
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? 0) };
};
const serverErrors = (answers: Answer[]) => answers.filter((answer) => answer.status >= 500).length;
const statusCounts = (answers: Answer[]) => answers.reduce<Record<string, number>>((counts, answer) => ({ ...counts, [answer.status]: (counts[answer.status] ?? 0) + 1 }), {});
/** One answer of each error status, as an example of what the client read. */
const errorExamples = (answers: Answer[]) => Object.fromEntries(answers.filter((answer) => answer.status >= 400).map((answer) => [answer.status, JSON.stringify(answer.body).slice(0, 300)]));

// ---------------------------------------------------------------------------------------------
// Memory of every process of the stack

/** Resident memory (MiB) of this process and every process under it, and of Postgres, by command name. */
function memory(postgresPid: number): Record<string, number> {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,comm='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map(([pid, ppid, rss, ...comm]) => ({ pid: Number(pid), ppid: Number(ppid), rssKiB: Number(rss), comm: comm.join(' ') }));
  const under = (root: number) => {
    const found = new Set([root]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const row of rows) if (found.has(row.ppid) && !found.has(row.pid)) grew = found.add(row.pid).size > 0;
    }
    return rows.filter((row) => found.has(row.pid));
  };
  const totals: Record<string, number> = {};
  const add = (name: string, kib: number) => (totals[name] = round((totals[name] ?? 0) + kib / 1024));
  for (const row of under(process.pid)) add(row.pid === process.pid ? 'bench (node: local exchange, litesvm, proxies)' : row.comm, row.rssKiB);
  for (const row of under(postgresPid)) add('postgres (postmaster and backends)', row.rssKiB);
  return totals;
}

// ---------------------------------------------------------------------------------------------

runBench(
  async ({ stack, postgresPid, writeResults }) => {
    const memoryAtStart = memory(postgresPid);

    // 1. 100 concurrent transactions from one wallet.
    const nonceBefore = Number(await anvil<string>(stack, 'eth_getTransactionCount', [dev, 'latest']));
    const startedTransactions = performance.now();
    const sends = await Promise.all(
      Array.from({ length: TRANSACTIONS }, () => request(stack, 'load-transactions', 'POST', '/wallet/send', { chain: 'ethereum', network: 'localnet', address: dev, toAddress: RECIPIENT, amount: '0.0001' })),
    );
    const transactionsMs = performance.now() - startedTransactions;
    const hashes = sends.filter((answer) => answer.status === 200).map((answer) => (answer.body as { signature: string }).signature);
    const mined = await Promise.all(hashes.map((hash) => anvil<{ status: string } | null>(stack, 'eth_getTransactionReceipt', [hash])));
    const nonces = (await Promise.all(hashes.map((hash) => anvil<{ nonce: string }>(stack, 'eth_getTransactionByHash', [hash])))).map((tx) => Number(tx.nonce)).sort((a, b) => a - b);
    const transactions = {
      requests: TRANSACTIONS,
      answered200: hashes.length,
      failures: TRANSACTIONS - hashes.length,
      serverErrors: serverErrors(sends),
      statuses: statusCounts(sends),
      errors: errorExamples(sends),
      mined: mined.filter((receipt) => receipt?.status === '0x1').length,
      noncesContiguous: nonces.every((nonce, index) => nonce === nonceBefore + index),
      nonceRange: [nonces[0], nonces.at(-1)],
      wallMs: round(transactionsMs),
      latencyMs: stats(sends.map((answer) => answer.ms)),
    };
    step(`${transactions.mined}/${TRANSACTIONS} transactions mined, nonces contiguous: ${transactions.noncesContiguous}, ${transactions.failures} failures (${transactions.wallMs} ms)`);

    // 2. 200 concurrent orders over 10 accounts (sharing the exchange's 4 dev keys).
    const { price } = (await (await fetch(`${stack.exchange.url}/api.binance.com/api/v3/ticker/price?symbol=BTCUSDT`)).json()) as { price: string };
    const base = Math.round(Number(price) * 0.5);
    // The last dev key holds only 1,000 USDT: 20+ orders of it are refused for the balance, so it takes none.
    const funded = DEV_ACCOUNTS.slice(0, -1);
    const accounts = Array.from({ length: ACCOUNTS }, (_, index) => ({ name: `load_${Date.now()}_${index}`, dev: funded[index % funded.length] }));
    for (const account of accounts) {
      await request(stack, 'load-setup', 'POST', `/accounts/add-account?account_name=${account.name}`);
      await request(stack, 'load-setup', 'POST', `/accounts/add-credential/${account.name}/binance`, { binance_api_key: account.dev.apiKey, binance_api_secret: account.dev.apiSecret });
    }
    const startedOrders = performance.now();
    const placed = await Promise.all(
      accounts.flatMap((account, a) =>
        Array.from({ length: ORDERS_PER_ACCOUNT }, (_, i) =>
          request(stack, `load-orders-${a}`, 'POST', '/trading/orders', { account_name: account.name, connector_name: 'binance', trading_pair: 'BTC-USDT', trade_type: 'BUY', amount: 0.001, order_type: 'LIMIT', price: base - a * ORDERS_PER_ACCOUNT - i }, { 'idempotency-key': `load-${account.name}-${i}` }),
        ),
      ),
    );
    const ordersMs = performance.now() - startedOrders;
    const ids = new Set(placed.filter((answer) => answer.status === 201).map((answer) => (answer.body as { order_id: string }).order_id));
    const rows = await request(stack, 'load-setup', 'POST', '/trading/orders/search', { account_names: accounts.map((account) => account.name), limit: 1000 });
    const rowIds = ((rows.body as { data: { order_id: string }[] }).data ?? []).map((row) => row.order_id);
    const onExchange: string[] = [];
    for (const key of DEV_ACCOUNTS) {
      const open = await exchangeAs<{ clientOrderId: string }[]>(stack, key, 'GET', 'api.binance.com/api/v3/openOrders', { symbol: 'BTCUSDT' });
      onExchange.push(...open.map((order) => order.clientOrderId).filter((id) => ids.has(id)));
    }
    const orders = {
      requests: placed.length,
      answered201: placed.filter((answer) => answer.status === 201).length,
      serverErrors: serverErrors(placed),
      statuses: statusCounts(placed),
      errors: errorExamples(placed),
      distinctOrderIds: ids.size,
      rows: rowIds.length,
      onExchange: onExchange.length,
      duplicatesOnExchange: onExchange.length - new Set(onExchange).size,
      wallMs: round(ordersMs),
      latencyMs: stats(placed.map((answer) => answer.ms)),
    };
    step(`${orders.onExchange} orders on the exchange, ${orders.rows} rows, ${orders.duplicatesOnExchange} duplicates, ${orders.serverErrors} 5xx (${orders.wallMs} ms)`);
    for (const key of DEV_ACCOUNTS) await exchangeAs(stack, key, 'DELETE', 'api.binance.com/api/v3/openOrders', { symbol: 'BTCUSDT' });

    // 3. Mixed traffic at the edge's rate limit.
    const hook = (await request(stack, 'load-setup', 'POST', '/webhooks', {
      name: 'load',
      action: { type: 'order', account_name: accounts[0].name, connector_name: 'binance', trading_pair: 'BTC-USDT', side: 'BUY', amount: '0.001', order_type: 'LIMIT', price: String(base - 1000) },
      auth: 'hmac',
      alertFields: ['amount'],
    })).body as { id: string; secret: string; url: string };
    let alerts = 0;
    let orderCount = 0;
    const kinds: Record<string, () => Promise<Answer>> = {
      quote: () => request(stack, 'load-mixed', 'GET', '/connectors/uniswap/amm/quote-swap?network=localnet&baseToken=WETH&quoteToken=USDC&amount=0.01&side=SELL'),
      balances: () => request(stack, 'load-mixed', 'POST', '/chains/ethereum/balances', { network: 'localnet', address: dev, tokens: ['ETH', 'USDC', 'WETH'] }),
      order: () =>
        request(stack, 'load-mixed', 'POST', '/trading/orders', { account_name: accounts[1 + (orderCount % (ACCOUNTS - 1))].name, connector_name: 'binance', trading_pair: 'BTC-USDT', trade_type: 'BUY', amount: 0.001, order_type: 'LIMIT', price: base - 2000 - (orderCount++ % 500) }),
      marketData: () => request(stack, 'load-mixed', 'POST', '/market-data/order-book', { connector_name: 'binance', trading_pair: 'BTC-USDT', depth: 10 }),
      webhook: async () => {
        const body = JSON.stringify({ amount: '0.001' });
        // An alert service is its own client, with no Colibri credentials.
        const started = performance.now();
        const response = await fetch(`${stack.baseUrl}${hook.url}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-colibri-signature': await signatureHeader(hook.secret, body), 'idempotency-key': `load-${alerts++}`, 'cf-connecting-ip': 'load-alerts' },
          body,
        }).catch(() => undefined);
        const text = (await response?.text()) ?? 'no answer';
        return { status: response?.status ?? 599, ms: performance.now() - started, body: text };
      },
    };
    const names = Object.keys(kinds);
    const mixed: Record<string, Answer[]> = Object.fromEntries(names.map((name) => [name, []]));
    const inFlight: Promise<void>[] = [];
    const startedMixed = performance.now();
    for (let sent = 0; performance.now() - startedMixed < seconds * 1000; sent += 1) {
      // Paced to the limit: request n leaves at n / rate seconds, whatever the earlier ones take.
      const due = startedMixed + (sent * 1000) / EDGE_LIMIT_PER_SECOND;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      const name = names[sent % names.length];
      inFlight.push(kinds[name]().then((answer) => void mixed[name].push(answer)));
    }
    await Promise.all(inFlight);
    const mixedMs = performance.now() - startedMixed;
    const all = Object.values(mixed).flat();
    const traffic = {
      seconds,
      ratePerSecond: EDGE_LIMIT_PER_SECOND,
      requests: all.length,
      serverErrors: serverErrors(all),
      statuses: statusCounts(all),
      wallMs: round(mixedMs),
      latencyMs: stats(all.map((answer) => answer.ms)),
      byKind: Object.fromEntries(names.map((name) => [name, { ...stats(mixed[name].map((answer) => answer.ms)), statuses: statusCounts(mixed[name]), errors: errorExamples(mixed[name]) }])),
    };
    step(`mixed: ${traffic.requests} requests in ${seconds} s, ${traffic.serverErrors} 5xx, p99 ${traffic.latencyMs.p99} ms`);
    for (const key of DEV_ACCOUNTS) await exchangeAs(stack, key, 'DELETE', 'api.binance.com/api/v3/openOrders', { symbol: 'BTCUSDT' });
    const memoryAtEnd = memory(postgresPid);

    console.log('\nMixed traffic, per kind (ms)');
    console.log(table(['kind', 'requests', 'p50', 'p95', 'p99', 'max', 'statuses'], names.map((name) => { const row = traffic.byKind[name]; return [name, row.count, row.p50, row.p95, row.p99, row.max, JSON.stringify(row.statuses)]; })));
    console.log('\nResident memory (MiB), start -> end');
    console.log(table(['process', 'start', 'end'], Object.keys({ ...memoryAtStart, ...memoryAtEnd }).map((name) => [name, memoryAtStart[name] ?? 0, memoryAtEnd[name] ?? 0])));
    writeResults(RESULTS_FILE, {
      setup: { database: 'Debian Postgres', chain: 'ethereum-localnet (anvil, automine)', exchange: 'local Binance (its 3 funded dev keys shared by the 10 accounts)', edgeLimit: '1,200 requests a minute per client' },
      transactions,
      orders,
      mixedTraffic: traffic,
      memoryMiB: { start: memoryAtStart, end: memoryAtEnd },
    });
  },
  { deadlineMs: (seconds + 300) * 1000 },
);

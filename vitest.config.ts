import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { kCurrentWorker } from 'miniflare';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';

// jayson (inside @solana/web3.js) does `require('uuid').v4`, which the pool's ESM shim breaks; its
// UMD build exposes v4 as CommonJS does.
const uuidAsCommonJs: Plugin = {
  name: 'uuid-as-commonjs',
  enforce: 'pre',
  resolveId(source) {
    return source === 'uuid' ? fileURLToPath(new URL('./node_modules/uuid/dist/umd/uuid.min.js', import.meta.url)) : null;
  },
};

// CCXT inside workerd: the same stubs as the trading worker's wrangler `alias`.
const ccxtStubs = {
  undici: fileURLToPath(new URL('./lib/exchanges/stubs/undici.ts', import.meta.url)),
  'protobufjs/minimal.js': fileURLToPath(new URL('./lib/exchanges/stubs/protobufjs-minimal.ts', import.meta.url)),
  'protobufjs/minimal': fileURLToPath(new URL('./lib/exchanges/stubs/protobufjs-minimal.ts', import.meta.url)),
};

const routerEntrypoints = {
  CHAINS: 'Chains',
  CONNECTORS: 'Connectors',
  GATEWAY: 'Gateway',
  TRADING: 'Trading',
  PORTFOLIO: 'Portfolio',
  MARKET_DATA: 'MarketData',
  BOTS: 'Bots',
  WEBHOOKS: 'Webhooks',
};

export default defineConfig({
  plugins: [uuidAsCommonJs],
  test: {
    projects: [
      {
        test: {
          name: 'tools',
          environment: 'node',
          include: ['tests/tools/**/*.test.ts'],
          exclude: ['tests/**/*.stack.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'stack',
          environment: 'node',
          // Tests that start the whole product as `npm run dev` does drive processes from Node, one
          // file at a time: a stack writes each router's `.dev.vars` in the work tree.
          include: ['tests/**/*.stack.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        plugins: [
          cloudflareTest(({ inject }) => ({
            main: './tests/support/stack.ts',
            miniflare: {
              compatibilityDate: '2026-01-15',
              compatibilityFlags: ['nodejs_compat'],
              bindings: {
                ENVIRONMENT: 'development',
                USERNAME: 'admin',
                PASSWORD: 'test-password',
                API_KEY: 'test-api-key',
                MASTER_KEY: 'test-master-key',
                GATEWAY_PASSPHRASE: 'test-passphrase',
                DATABASE_URL: inject('databaseUrl'),
                NEON_PROXY_URL: inject('neonProxyUrl'),
                EVM_LOCALNET_RPC_URL: inject('evmRpcUrl'),
                SOLANA_LOCALNET_RPC_URL: inject('solanaRpcUrl'),
                TEST_ANVIL_URL: inject('anvilUrl'),
                TEST_SOLANA_URL: inject('solanaUrl'),
                TEST_RATE_LIMITED_RPC_URL: inject('rateLimitedRpcUrl'),
                EXCHANGE_BASE_URLS: JSON.stringify(inject('exchangeBaseUrls')),
                TEST_EXCHANGE_URL: inject('exchangeUrl'),
                TEST_JUPITER_URL: inject('jupiterUrl'),
              },
              durableObjects: { SIGNER: 'Signer', EXCHANGE_SESSIONS: 'ExchangeSession', MARKET_FEEDS: 'MarketFeed', FOLLOWER: 'TransactionFollower', BACKTEST_TASKS: 'BacktestTask', SETTINGS_VERSION: 'SettingsVersion', EXECUTORS: 'ExecutorRuntime' },
              assets: { directory: 'node_modules/swagger-ui-dist', binding: 'ASSETS' },
              serviceBindings: Object.fromEntries(
                Object.entries(routerEntrypoints).map(([binding, entrypoint]) => [binding, { name: kCurrentWorker, entrypoint }]),
              ),
              queueProducers: { BOT_COMMANDS: { queueName: 'bot-commands' }, TRADE_SIGNALS: { queueName: 'trade-signals' } },
              queueConsumers: {
                'bot-commands': { maxBatchTimeout: 0.05 },
                'trade-signals': { maxBatchTimeout: 0.05, maxRetries: 2, deadLetterQueue: 'trade-signals-dlq' },
                'trade-signals-dlq': { maxBatchTimeout: 0.05 },
              },
              ratelimits: { RATE_LIMITER: { simple: { limit: 200, period: 60 } } },
            },
          })),
        ],
        resolve: { alias: ccxtStubs },
        test: {
          name: 'workers',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/tools/**', 'tests/**/*.stack.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          // The files share one chain and one database: they run one after another, each test
          // isolated by anvil snapshots.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

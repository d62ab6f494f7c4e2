import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { kCurrentWorker } from 'miniflare';
import { defineConfig } from 'vitest/config';

const routerEntrypoints = {
  CHAINS: 'Chains',
  CONNECTORS: 'Connectors',
  TRADING: 'Trading',
  PORTFOLIO: 'Portfolio',
  MARKET_DATA: 'MarketData',
  BOTS: 'Bots',
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'tools',
          environment: 'node',
          include: ['tests/tools/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
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
                DATABASE_URL: inject('databaseUrl'),
                NEON_PROXY_URL: inject('neonProxyUrl'),
              },
              serviceBindings: Object.fromEntries(
                Object.entries(routerEntrypoints).map(([binding, entrypoint]) => [binding, { name: kCurrentWorker, entrypoint }]),
              ),
              queueProducers: { BOT_COMMANDS: { queueName: 'bot-commands' } },
              queueConsumers: { 'bot-commands': { maxBatchTimeout: 0.05 } },
              ratelimits: { RATE_LIMITER: { simple: { limit: 60, period: 60 } } },
            },
          })),
        ],
        test: {
          name: 'workers',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/tools/**'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

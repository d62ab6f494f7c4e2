import type { ConnectorSpec } from '../spec';

/**
 * Jupiter, the Solana swap aggregator: a router over its Swap API (https://dev.jup.ag/docs/api/swap-api),
 * not over contracts of its own. On `localnet` the API is a stand-in (tools/jupiter/) set by EXCHANGE_BASE_URLS.
 */
export const jupiter: ConnectorSpec = {
  chain: 'solana',
  // Gateway's jupiter.yml default.
  config: { slippagePct: 1 },
  // The keyless host (api.jup.ag needs an API key).
  router: { apiUrl: 'https://lite-api.jup.ag', networks: { 'mainnet-beta': {}, localnet: {} } },
  pools: {},
};

import type { ConnectorConfig } from '../../schemas/config';

/**
 * Each DEX connector's config namespace and its defaults, as the networks' are in ./networks.ts: the
 * connector registry (lib/connectors/registry.ts) must list exactly these names.
 */
export const CONNECTOR_CONFIG = {
  uniswap: { slippagePct: 2 },
  pancakeswap: { slippagePct: 2 },
  // Gateway's jupiter.yml default.
  jupiter: { slippagePct: 1 },
} as const satisfies Record<string, ConnectorConfig>;

import { z } from '@hono/zod-openapi';

/** Chain namespace (`ethereum`, `solana`): what Gateway keeps in conf/chains/<chain>.yml. */
export const ChainConfigSchema = z
  .object({
    defaultNetwork: z.string(),
    defaultWallet: z.string(),
    rpcProvider: z.string().default('url'),
  })
  .strict();

const networkCommon = {
  chainID: z.number().int(),
  nodeURL: z.url(),
  /** Tried in order after `nodeURL` when it fails or rate-limits (viem `fallback`). */
  fallbackNodeURLs: z.array(z.url()).default([]),
  nativeCurrencySymbol: z.string().min(1),
  geckoId: z.string(),
  swapProvider: z.string().optional(),
  /** Present on local development networks (anvil, litesvm), never a production default. */
  local: z.boolean().optional(),
};

export const EvmNetworkConfigSchema = z
  .object({
    ...networkCommon,
    transactionExecutionTimeoutMs: z.number().int().positive().default(10_000),
    gasPrice: z.number().positive().nullable().default(null),
    baseFee: z.number().positive().nullable().default(null),
    priorityFee: z.number().nonnegative().nullable().default(0.001),
    baseFeeMultiplier: z.number().positive().default(1.2),
  })
  .strict();

export const SolanaNetworkConfigSchema = z
  .object({
    ...networkCommon,
    defaultComputeUnits: z.number().int().positive().default(200_000),
    confirmRetryInterval: z.number().positive().default(1),
    confirmRetryCount: z.number().int().positive().default(10),
    minPriorityFeePerCU: z.number().nonnegative().default(0.1),
    maxPriorityFeePerCU: z.number().nonnegative().default(1),
    priorityFeeLevel: z.enum(['Min', 'Low', 'Medium', 'High', 'VeryHigh', 'UnsafeMax']).default('High'),
  })
  .strict();

export const ServerConfigSchema = z
  .object({
    port: z.number().int().min(1).max(65535),
    docsPort: z.number().int().min(0).max(65535),
    logLevel: z.enum(['debug', 'info', 'warn', 'error']),
  })
  .strict();

export const ConnectorConfigSchema = z
  .object({
    slippagePct: z.number().min(0).max(100),
    maximumHops: z.number().int().positive().optional(),
    maximumSplits: z.number().int().positive().optional(),
  })
  .strict();

export type ChainConfig = z.infer<typeof ChainConfigSchema>;
export type EvmNetworkConfig = z.infer<typeof EvmNetworkConfigSchema>;
export type SolanaNetworkConfig = z.infer<typeof SolanaNetworkConfigSchema>;

export const ConfigUpdateRequestSchema = z
  .object({
    namespace: z.string().min(1).openapi({ example: 'ethereum-localnet' }),
    path: z.string().min(1).openapi({ example: 'nodeURL' }),
    value: z.union([z.string(), z.number(), z.boolean(), z.record(z.string(), z.unknown()), z.array(z.unknown())]).openapi({ example: 'http://127.0.0.1:8545' }),
  })
  .openapi('ConfigUpdateRequest');
export type ConnectorConfig = z.infer<typeof ConnectorConfigSchema>;

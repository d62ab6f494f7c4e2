// Solana `localnet`: the litesvm JSON-RPC server that `npm run dev` starts
// (tools/localnet/solana). Constants only, so workers can import it.
import { SOLANA_LOCALNET_NODE } from '../../config/localnets';

export const SOLANA_LOCALNET_CHAIN_ID = SOLANA_LOCALNET_NODE.chainId;

export const SOLANA_LOCALNET = {
  network: 'localnet',
  chainId: SOLANA_LOCALNET_CHAIN_ID,
  rpcUrl: SOLANA_LOCALNET_NODE.rpcUrl,
  nativeCurrencySymbol: 'SOL',
} as const;

/**
 * PUBLIC TEST KEY, seeded with 1000 SOL and 1,000,000 USDC (and USDC's mint authority). Derived from
 * the 32-byte seed "colibri-localnet-dev-wallet-0001" (ASCII); `secretKey` is base58 of the 64-byte
 * secret key, the form Gateway's `/wallet/add` takes. Never use it on a real cluster.
 */
export const SOLANA_LOCALNET_DEV_WALLET = {
  publicKey: 'GW1asMbmo9gMagGKsroj8Ugz67Dt2DhXy1Apvk7tDrPF',
  secretKey: '2zJjLHpUqAq9M9eYrosYLxumWoHegY4Sffc1RmmBt7vxE1dR3jV9VBEhzbb7ca3HHHo4YJXncbr9Hz6My6fG2A8D',
} as const;

/** Native SOL is listed under the System Program's address, so no two entries share an address. */
export const SOLANA_LOCALNET_TOKENS = [
  { chainId: SOLANA_LOCALNET_CHAIN_ID, name: 'Solana', symbol: 'SOL', address: '11111111111111111111111111111111', decimals: 9 },
  { chainId: SOLANA_LOCALNET_CHAIN_ID, name: 'Wrapped SOL', symbol: 'WSOL', address: 'So11111111111111111111111111111111111111112', decimals: 9 },
  { chainId: SOLANA_LOCALNET_CHAIN_ID, name: 'USD Coin', symbol: 'USDC', address: '2uGMQryym2Ccc3MAv7HhvThBohVgXnL4w2HbqXF5u5cz', decimals: 6 },
] as const;

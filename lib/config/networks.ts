// The networks' defaults per chain: plain data (config must not know the connectors or clients that read it).
import type { z } from 'zod';
import { localnet as evmLocalnet } from '../chains/ethereum/localnet';
import { SOLANA_LOCALNET } from '../chains/solana/localnet';
import { EvmNetworkConfigSchema, SolanaNetworkConfigSchema, type EvmNetworkConfig, type SolanaNetworkConfig } from '../../schemas/config';
import type { Chain } from './chains';

export { CHAINS, type Chain } from './chains';

type EvmDefaults = Omit<EvmNetworkConfig, 'transactionExecutionTimeoutMs' | 'gasPrice' | 'baseFee' | 'priorityFee' | 'baseFeeMultiplier' | 'fallbackNodeURLs'> &
  Partial<EvmNetworkConfig>;
type SolanaDefaults = Omit<
  SolanaNetworkConfig,
  'defaultComputeUnits' | 'confirmRetryInterval' | 'confirmRetryCount' | 'minPriorityFeePerCU' | 'maxPriorityFeePerCU' | 'priorityFeeLevel' | 'fallbackNodeURLs'
> &
  Partial<SolanaNetworkConfig>;

/** Every EVM network in Gateway's templates, on public RPCs (replace with your own via /config/update). */
export const EVM_NETWORKS: Record<string, EvmDefaults> = {
  mainnet: { chainID: 1, nodeURL: 'https://ethereum-rpc.publicnode.com', nativeCurrencySymbol: 'ETH', geckoId: 'ethereum', swapProvider: 'uniswap/router' },
  arbitrum: { chainID: 42161, nodeURL: 'https://arb1.arbitrum.io/rpc', nativeCurrencySymbol: 'ETH', geckoId: 'arbitrum-one', swapProvider: 'uniswap/router' },
  optimism: { chainID: 10, nodeURL: 'https://mainnet.optimism.io', nativeCurrencySymbol: 'ETH', geckoId: 'optimistic-ethereum', swapProvider: 'uniswap/router' },
  base: { chainID: 8453, nodeURL: 'https://mainnet.base.org', nativeCurrencySymbol: 'ETH', geckoId: 'base', swapProvider: 'uniswap/router' },
  polygon: { chainID: 137, nodeURL: 'https://polygon-rpc.com', nativeCurrencySymbol: 'POL', geckoId: 'polygon-pos', swapProvider: 'uniswap/router' },
  bsc: { chainID: 56, nodeURL: 'https://bsc-dataseed.bnbchain.org', nativeCurrencySymbol: 'BNB', geckoId: 'binance-smart-chain', swapProvider: 'pancakeswap/router' },
  avalanche: { chainID: 43114, nodeURL: 'https://api.avax.network/ext/bc/C/rpc', nativeCurrencySymbol: 'AVAX', geckoId: 'avalanche', swapProvider: 'uniswap/router' },
  celo: { chainID: 42220, nodeURL: 'https://forno.celo.org', nativeCurrencySymbol: 'CELO', geckoId: 'celo', swapProvider: 'uniswap/router' },
  sepolia: { chainID: 11155111, nodeURL: 'https://ethereum-sepolia-rpc.publicnode.com', nativeCurrencySymbol: 'ETH', geckoId: 'ethereum', swapProvider: 'uniswap/router' },
  localnet: { chainID: evmLocalnet.chainId, nodeURL: evmLocalnet.rpcUrl, nativeCurrencySymbol: 'ETH', geckoId: 'ethereum', swapProvider: 'uniswap/router', local: true },
};

// Gateway's default swap provider on Solana is Jupiter's router; Jupiter serves no devnet, so devnet has none.
export const SOLANA_NETWORKS: Record<string, SolanaDefaults> = {
  'mainnet-beta': { chainID: 101, nodeURL: 'https://api.mainnet-beta.solana.com', nativeCurrencySymbol: 'SOL', geckoId: 'solana', minPriorityFeePerCU: 0.1, swapProvider: 'jupiter/router' },
  devnet: { chainID: 103, nodeURL: 'https://api.devnet.solana.com', nativeCurrencySymbol: 'SOL', geckoId: 'solana', minPriorityFeePerCU: 0.01 },
  localnet: { chainID: SOLANA_LOCALNET.chainId, nodeURL: SOLANA_LOCALNET.rpcUrl, nativeCurrencySymbol: 'SOL', geckoId: 'solana', minPriorityFeePerCU: 0.01, swapProvider: 'jupiter/router', local: true },
};

/** Gateway's placeholder for "no default wallet yet"; Hummingbot treats it as not configured. */
export const WALLET_PLACEHOLDER: Record<Chain, string> = {
  ethereum: '<ethereum-wallet-address>',
  solana: '<solana-wallet-address>',
};

/** What the config knows of each chain: its networks' defaults and their schema, and its main network. */
export const CHAIN_CONFIG = {
  ethereum: { networks: EVM_NETWORKS, networkSchema: EvmNetworkConfigSchema, mainnet: 'mainnet' },
  solana: { networks: SOLANA_NETWORKS, networkSchema: SolanaNetworkConfigSchema, mainnet: 'mainnet-beta' },
} as const satisfies Record<Chain, { networks: Record<string, object>; networkSchema: z.ZodObject; mainnet: string }>;

/** A configured network of chain `C` with its name (`localnet`, `base`, `mainnet-beta`...). */
export type NetworkOf<C extends Chain> = z.output<(typeof CHAIN_CONFIG)[C]['networkSchema']> & { name: string };

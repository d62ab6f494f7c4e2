import { localnet as evmLocalnet } from '../chains/ethereum/localnet';
import { SOLANA_LOCALNET } from '../chains/solana/localnet';
import { CONNECTOR_REGISTRY, connectorNetworks, tradingTypes } from '../connectors/registry';
import type { TradingType } from '../connectors/types';
import type { EvmNetworkConfig, SolanaNetworkConfig } from '../../schemas/config';

export const CHAINS = ['ethereum', 'solana'] as const;
export type Chain = (typeof CHAINS)[number];

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

export const SOLANA_NETWORKS: Record<string, SolanaDefaults> = {
  'mainnet-beta': { chainID: 101, nodeURL: 'https://api.mainnet-beta.solana.com', nativeCurrencySymbol: 'SOL', geckoId: 'solana', swapProvider: 'jupiter/router', minPriorityFeePerCU: 0.1 },
  devnet: { chainID: 103, nodeURL: 'https://api.devnet.solana.com', nativeCurrencySymbol: 'SOL', geckoId: 'solana', swapProvider: 'jupiter/router', minPriorityFeePerCU: 0.01 },
  localnet: { chainID: SOLANA_LOCALNET.chainId, nodeURL: SOLANA_LOCALNET.rpcUrl, nativeCurrencySymbol: 'SOL', geckoId: 'solana', swapProvider: 'jupiter/router', minPriorityFeePerCU: 0.01, local: true },
};

export const NETWORKS: Record<Chain, Record<string, EvmDefaults | SolanaDefaults>> = { ethereum: EVM_NETWORKS, solana: SOLANA_NETWORKS };

/** Gateway's placeholder for "no default wallet yet"; Hummingbot treats it as not configured. */
export const WALLET_PLACEHOLDER: Record<Chain, string> = {
  ethereum: '<ethereum-wallet-address>',
  solana: '<solana-wallet-address>',
};

/** Connector namespaces and their defaults, from the connector registry (what `/config/connectors` lists). */
export const CONNECTORS: Record<string, { chain: Chain; tradingTypes: TradingType[]; networks: string[]; config: { slippagePct: number; maximumHops?: number; maximumSplits?: number } }> = Object.fromEntries(
  Object.entries(CONNECTOR_REGISTRY).map(([name, connector]) => [
    name,
    { chain: connector.chain, tradingTypes: tradingTypes(connector), networks: connectorNetworks(connector), config: connector.config },
  ]),
);

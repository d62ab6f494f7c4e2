// Where the local networks' nodes listen by default and the chain ids they go by: the defaults of
// the `localnet` networks (./networks.ts), and what lib/chains/*/localnet.ts describe the deployments
// on. Constants only.

export const EVM_LOCALNET_NODE = { chainId: 31337, rpcUrl: 'http://127.0.0.1:8545' } as const;

/** There is no canonical Solana chain id for a local cluster (101 mainnet-beta, 102 testnet, 103 devnet). */
export const SOLANA_LOCALNET_NODE = { chainId: 104, rpcUrl: 'http://127.0.0.1:8899' } as const;

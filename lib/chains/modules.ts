import type { Address, PublicClient } from 'viem';
import type { Chain } from '../config/chains';
import type { NetworkOf } from '../config/networks';
import type { RouterEnv } from '../env';
import type { ChainSigner } from '../signer/core';
import { EvmSigner, type EvmSignerClient } from '../signer/evm';
import { SolanaSigner } from '../signer/solana';
import type { EvmTransactionIntent, EvmTransactionOutcome, SolanaTransactionIntent, SolanaTransactionOutcome } from '../signer/types';
import evmLists from '../tokens/lists/evm.json';
import { SOLANA_TOKENS } from '../tokens/lists/solana';
import type { WalletKey } from '../wallets/keys';
import { parseEvmAddress, parseSolanaAddress } from './address';
import type { AddressOf, ChainToken } from './types';
import { createEvmClient } from './ethereum/client';
import { generateEvmKey, parseEvmPrivateKey } from './ethereum/keys';
import { localnetTokens as evmLocalnetTokens } from './ethereum/localnet';
import { createSolanaClient, type SolanaClient } from './solana/client';
import { generateSolanaKey, parseSolanaPrivateKey } from './solana/keys';
import { SOLANA_LOCALNET_TOKENS } from './solana/localnet';

/** What differs in type between chains (addresses: ./types.ts). */
interface ChainTypes {
  ethereum: { client: PublicClient; intent: EvmTransactionIntent; outcome: EvmTransactionOutcome; signerClient: EvmSignerClient };
  solana: { client: SolanaClient; intent: SolanaTransactionIntent; outcome: SolanaTransactionOutcome; signerClient: SolanaClient };
}


/**
 * Everything chain-specific that code outside lib/chains needs, behind one interface: adding a chain is
 * a module here (and its entry in config/chains.ts and config/networks.ts), not a branch in every caller.
 */
export interface ChainModule<C extends Chain> {
  /** The chain's address form, or a 400 naming the field (EVM: EIP-55, a mixed-case typo refused). */
  parseAddress(value: string, field: string, options?: { requireChecksum?: boolean }): AddressOf<C>;
  /** How the chain compares addresses (EVM ignores case, Solana does not). */
  addressKey(address: string): string;
  /** A private key in the form Gateway takes it, and the address it controls; a 400 otherwise. */
  parsePrivateKey(privateKey: string): WalletKey;
  generateKey(): WalletKey;
  /** The token list shipped for a network (before the Postgres overrides). */
  shippedTokens(network: string, chainId: number): ChainToken<C>[];
  /** A client for one request (a socket must not outlive the request that opened it). */
  client(network: NetworkOf<C>): ChainTypes[C]['client'];
  /** The chain's part of a wallet's signer (lib/signer/core.ts holds the rest). */
  signer(env: RouterEnv, network: string, address: string): ChainSigner<ChainTypes[C]['intent'], ChainTypes[C]['outcome'], ChainTypes[C]['signerClient']>;
}

type ListedToken = [address: string, symbol: string, name: string, decimals: number];
const EVM_TOKENS = evmLists.tokens as unknown as Record<string, ListedToken[]>;

const listed = <A extends string>(chainId: number, rows: ListedToken[]) =>
  rows.map(([address, symbol, name, decimals]) => ({ chainId, name, symbol, address: address as A, decimals }));

const ethereum: ChainModule<'ethereum'> = {
  parseAddress: parseEvmAddress,
  addressKey: (address) => address.toLowerCase(),
  parsePrivateKey: parseEvmPrivateKey,
  generateKey: generateEvmKey,
  // The shipped lists are checksummed when generated (tools/generate-token-lists.ts).
  shippedTokens: (network, chainId) => (network === 'localnet' ? evmLocalnetTokens.map((token) => ({ ...token })) : listed<Address>(chainId, EVM_TOKENS[chainId] ?? [])),
  client: createEvmClient,
  signer: (env, network, address) => new EvmSigner(env, network, address as Address),
};

const solana: ChainModule<'solana'> = {
  parseAddress: (value, field) => parseSolanaAddress(value, field),
  addressKey: (address) => address,
  parsePrivateKey: parseSolanaPrivateKey,
  generateKey: generateSolanaKey,
  shippedTokens: (network, chainId) => (network === 'localnet' ? SOLANA_LOCALNET_TOKENS.map((token) => ({ ...token })) : listed<string>(chainId, SOLANA_TOKENS[network] ?? [])),
  client: createSolanaClient,
  signer: (env, _network, address) => new SolanaSigner(env, address),
};

/** Every chain's module, one per entry of CHAINS. */
export const CHAIN_MODULES: { readonly [C in Chain]: ChainModule<C> } = { ethereum, solana };

/** The module of a chain named at run time (the union's members each take their own chain's values). */
export function chainModule(chain: Chain): ChainModule<Chain> {
  return CHAIN_MODULES[chain] as unknown as ChainModule<Chain>;
}

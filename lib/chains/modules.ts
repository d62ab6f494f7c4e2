import type { PublicClient } from 'viem';
import type { Chain } from '../config/chains';
import type { NetworkOf } from '../config/networks';
import type { WalletKey } from '../wallets/keys';
import { parseEvmAddress, parseSolanaAddress } from './address';
import type { AddressOf } from './types';
import { createEvmClient } from './ethereum/client';
import { generateEvmKey, parseEvmPrivateKey } from './ethereum/keys';
import { createSolanaClient, type SolanaClient } from './solana/client';
import { generateSolanaKey, parseSolanaPrivateKey } from './solana/keys';

/** What differs in type between chains (addresses: ./types.ts). */
interface ChainTypes {
  ethereum: { client: PublicClient };
  solana: { client: SolanaClient };
}


/**
 * Everything chain-specific that code outside lib/chains needs of the chain itself, behind one
 * interface: adding a chain is a module here (and its entries in config/chains.ts and
 * config/networks.ts, its shipped tokens in tokens/shipped.ts, its signer in signer/signer.ts), not a
 * branch in every caller.
 */
export interface ChainModule<C extends Chain> {
  /** The chain's address form, or a 400 naming the field (EVM: EIP-55, a mixed-case typo refused). */
  parseAddress(value: string, field: string, options?: { requireChecksum?: boolean }): AddressOf<C>;
  /** How the chain compares addresses (EVM ignores case, Solana does not). */
  addressKey(address: string): string;
  /** A private key in the form Gateway takes it, and the address it controls; a 400 otherwise. */
  parsePrivateKey(privateKey: string): WalletKey;
  generateKey(): WalletKey;
  /** A client for one request (a socket must not outlive the request that opened it). */
  client(network: NetworkOf<C>): ChainTypes[C]['client'];
}

const ethereum: ChainModule<'ethereum'> = {
  parseAddress: parseEvmAddress,
  addressKey: (address) => address.toLowerCase(),
  parsePrivateKey: parseEvmPrivateKey,
  generateKey: generateEvmKey,
  client: createEvmClient,
};

const solana: ChainModule<'solana'> = {
  parseAddress: (value, field) => parseSolanaAddress(value, field),
  addressKey: (address) => address,
  parsePrivateKey: parseSolanaPrivateKey,
  generateKey: generateSolanaKey,
  client: createSolanaClient,
};

/** Every chain's module, one per entry of CHAINS. */
export const CHAIN_MODULES: { readonly [C in Chain]: ChainModule<C> } = { ethereum, solana };

/** The module of a chain named at run time (the union's members each take their own chain's values). */
export function chainModule(chain: Chain): ChainModule<Chain> {
  return CHAIN_MODULES[chain] as unknown as ChainModule<Chain>;
}

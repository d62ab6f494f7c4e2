import type { Address } from 'viem';
import { localnetTokens as evmLocalnetTokens } from '../chains/ethereum/localnet';
import { SOLANA_LOCALNET_TOKENS } from '../chains/solana/localnet';
import type { ChainToken } from '../chains/types';
import type { Chain } from '../config/chains';
import evmLists from './lists/evm.json';
import { SOLANA_TOKENS } from './lists/solana';

type ListedToken = [address: string, symbol: string, name: string, decimals: number];
const EVM_TOKENS = evmLists.tokens as unknown as Record<string, ListedToken[]>;

const listed = <A extends string>(chainId: number, rows: ListedToken[]) =>
  rows.map(([address, symbol, name, decimals]) => ({ chainId, name, symbol, address: address as A, decimals }));

/** The token list shipped for each chain's networks (before the Postgres overrides), one entry per chain. */
export const SHIPPED_TOKENS: { readonly [C in Chain]: (network: string, chainId: number) => ChainToken<C>[] } = {
  // The shipped lists are checksummed when generated (tools/generate-token-lists.ts).
  ethereum: (network, chainId) => (network === 'localnet' ? evmLocalnetTokens.map((token) => ({ ...token })) : listed<Address>(chainId, EVM_TOKENS[chainId] ?? [])),
  solana: (network, chainId) => (network === 'localnet' ? SOLANA_LOCALNET_TOKENS.map((token) => ({ ...token })) : listed<string>(chainId, SOLANA_TOKENS[network] ?? [])),
};

/**
 * Every chain Colibri serves: the one list the request schemas, the config and the chain modules
 * (lib/chains/modules.ts) derive from. Plain data, at the bottom of every import chain.
 */
export const CHAINS = ['ethereum', 'solana'] as const;

export type Chain = (typeof CHAINS)[number];

export function isChain(value: string): value is Chain {
  return (CHAINS as readonly string[]).includes(value);
}

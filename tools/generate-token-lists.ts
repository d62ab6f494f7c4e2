// `npm run tokens:generate`: the default EVM token lists, taken from the Uniswap default token list
// package and reduced to the fields Gateway serves, for the networks Colibri configures. A compact
// committed file keeps the 650 KB package out of every worker bundle.
import { writeFileSync } from 'node:fs';
import uniswapList from '@uniswap/default-token-list' with { type: 'json' };
import { EVM_NETWORKS } from '../lib/config/networks';

const chainIds = new Set(Object.values(EVM_NETWORKS).map((network) => network.chainID));
const byChain: Record<string, [string, string, string, number][]> = {};
for (const token of uniswapList.tokens) {
  if (!chainIds.has(token.chainId)) continue;
  (byChain[token.chainId] ??= []).push([token.address, token.symbol, token.name, token.decimals]);
}
const out = 'lib/tokens/lists/evm.json';
writeFileSync(out, JSON.stringify({ source: `${uniswapList.name} ${Object.values(uniswapList.version).join('.')}`, tokens: byChain }) + '\n');
console.log(`wrote ${out}: ${Object.entries(byChain).map(([id, list]) => `${id}:${list.length}`).join(' ')}`);

import type { Chain } from '../../lib/config/networks';
import { CONNECTOR_REGISTRY } from '../../lib/connectors/registry';
import type { TradingType } from '../../lib/connectors/types';
import { BadRequestError } from '../../lib/errors';

const CHAINS: Chain[] = ['ethereum', 'solana'];

/** Hummingbot API's `network` (`chain-network`, e.g. `ethereum-localnet`); a 400 naming it otherwise. */
export function parseNetworkId(networkId: string): { chain: Chain; network: string; networkId: string } {
  const dash = networkId.indexOf('-');
  const chain = networkId.slice(0, dash) as Chain;
  const network = networkId.slice(dash + 1);
  if (dash < 1 || !CHAINS.includes(chain) || !network) {
    throw new BadRequestError(`Unknown network '${networkId}': expected 'chain-network' with chain ${CHAINS.join(' or ')}, e.g. 'ethereum-localnet'`, 'UNKNOWN_NETWORK');
  }
  return { chain, network, networkId };
}

/** `BASE-QUOTE`; a 400 naming it otherwise. */
export function parseTradingPair(tradingPair: string): { base: string; quote: string } {
  const parts = tradingPair.split('-');
  if (parts.length !== 2 || parts.some((part) => !/^[A-Za-z0-9._]{1,40}$/.test(part) && !/^0x[0-9a-fA-F]{40}$/.test(part))) {
    throw new BadRequestError(`trading_pair: '${tradingPair}' is not 'BASE-QUOTE' (e.g. 'WETH-USDC')`, 'INVALID_TRADING_PAIR');
  }
  return { base: parts[0], quote: parts[1] };
}

/**
 * A connector as Hummingbot API names it: `uniswap` (its router, the best route, as Hummingbot API's
 * router connectors), or one schema `uniswap/amm`, `uniswap/clmm`. A 400 naming it when Colibri has no
 * such connector or schema.
 */
export function parseConnector(connector: string, defaultType: TradingType): { dex: string; type: TradingType; name: string } {
  const [dex, type = defaultType, ...rest] = connector.split('/');
  const definition = CONNECTOR_REGISTRY[dex];
  if (!definition || rest.length || !(['router', 'amm', 'clmm'] as string[]).includes(type)) {
    throw new BadRequestError(`Unknown connector '${connector}' (known: ${Object.keys(CONNECTOR_REGISTRY).join(', ')}, optionally with /router, /amm or /clmm)`, 'UNKNOWN_CONNECTOR');
  }
  if (!definition[type as TradingType]) throw new BadRequestError(`Unknown connector '${connector}': ${dex} has no ${type} schema`, 'UNKNOWN_CONNECTOR');
  return { dex, type: type as TradingType, name: `${dex}/${type}` };
}

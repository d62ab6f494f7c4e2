import type { Upstream } from './env';

/** Hummingbot API's per-connector pages, which share the `/connectors/` prefix with Gateway's DEX routes. */
const EXCHANGE_CONNECTOR_PAGES = new Set(['config-map', 'trading-rules', 'order-types']);

/**
 * The one routing table: which router worker serves a path. Where the Gateway and Hummingbot API
 * surfaces share a prefix, the path's shape decides.
 */
export function upstreamFor(path: string): Upstream | undefined {
  const [first, second, third] = path.split('/').filter(Boolean);
  switch (first) {
    case 'chains':
    case 'wallet':
    case 'tokens':
    case 'config':
    case 'restart':
      return 'CHAINS';
    case 'pools':
      return 'CONNECTORS';
    case 'connectors':
      // `/connectors` lists exchange connectors; `/connectors/{name}/config-map` etc. describe one;
      // `/connectors/{dex}/{type}/{action}` and `/connectors/health` are the DEX worker's.
      if (second === undefined) return 'TRADING';
      if (third !== undefined && EXCHANGE_CONNECTOR_PAGES.has(third)) return 'TRADING';
      return 'CONNECTORS';
    case 'trading':
      return second === 'swap' || second === 'clmm' ? 'CONNECTORS' : 'TRADING';
    case 'accounts':
      return 'TRADING';
    case 'gateway':
      return 'GATEWAY';
    case 'portfolio':
      return 'PORTFOLIO';
    case 'market-data':
      return 'MARKET_DATA';
    case 'ws':
      return second === 'market-data' ? 'MARKET_DATA' : second === 'executors' ? 'BOTS' : undefined;
    case 'bot-orchestration':
    case 'backtesting':
    case 'executors':
      return 'BOTS';
    case 'webhooks':
    case 'hooks':
      return 'WEBHOOKS';
    default:
      return undefined;
  }
}

export const UPSTREAMS: readonly Upstream[] = ['CHAINS', 'CONNECTORS', 'GATEWAY', 'TRADING', 'PORTFOLIO', 'MARKET_DATA', 'BOTS', 'WEBHOOKS'];

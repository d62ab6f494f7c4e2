import type { MarketInterface } from '../../../node_modules/ccxt/js/src/base/types.js';
import { connectorMarkets, hummingbotPair } from '../trading-rules';
import type { TradingContext } from './context';
import { UnknownTradingPairError } from './errors';

const MAX_CLOSE_MATCHES = 5;

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/** The pairs most like `pair`: nearest spelling first, then those sharing its base or quote. */
function closeMatches(pair: string, pairs: string[]): string[] {
  const wanted = pair.toUpperCase();
  const [base, quote] = wanted.split('-');
  const scored = pairs.map((candidate) => {
    const [candidateBase, candidateQuote] = candidate.split('-');
    const shares = candidateBase === base || candidateQuote === quote || candidateBase === quote;
    return { candidate, distance: editDistance(wanted, candidate) - (shares ? 2 : 0) };
  });
  return scored
    .filter((entry) => entry.distance <= 3)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, MAX_CLOSE_MATCHES)
    .map((entry) => entry.candidate);
}

/** The connector's market for a Hummingbot pair (`BTC-USDT`); a 400 naming close matches otherwise. */
export function findMarket(context: Pick<TradingContext, 'exchange' | 'connector'>, pair: string): MarketInterface {
  const markets = connectorMarkets(context.exchange, context.connector);
  const market = markets.find((candidate) => hummingbotPair(candidate) === pair);
  if (!market) throw new UnknownTradingPairError(context.connector.name, pair, closeMatches(pair, markets.map(hummingbotPair)));
  return market;
}

/** The Hummingbot pair of a CCXT symbol (`BTC/USDT:USDT` → `BTC-USDT`), by the exchange's market when it has one. */
export function pairOfSymbol(context: Pick<TradingContext, 'exchange'>, symbol: string): string {
  const market = context.exchange.markets?.[symbol];
  return market ? hummingbotPair(market) : symbol.split(':')[0].replace('/', '-');
}

import { parseDecimal } from '../decimal';
import { ValidationError, quoteInput } from '../errors';
import { ORDER_ALERT_FIELDS, SWAP_ALERT_FIELDS, type ResolvedTrade, type WebhookAction, type WebhookLimits } from '../../schemas/webhooks';

/** What of a webhook an alert is resolved against. */
export interface AlertTemplate {
  action: WebhookAction;
  alertFields: string[];
  limits: WebhookLimits;
}

/** Body fields that carry no trade: the body secret and the delivery id (both read before this). */
const RESERVED_FIELDS = new Set(['secret', 'id']);

/** Quote assets a TradingView ticker (`BTCUSDT`) is split by when no allowed pair matches it. */
const KNOWN_QUOTES = ['USDT', 'USDC', 'FDUSD', 'BUSD', 'TUSD', 'DAI', 'USD', 'EUR', 'BTC', 'ETH', 'WETH', 'BNB'];

const SIDES: Record<string, 'BUY' | 'SELL'> = { buy: 'BUY', sell: 'SELL' };
const ORDER_TYPES = { limit: 'LIMIT', market: 'MARKET', limit_maker: 'LIMIT_MAKER' } as const;

function invalid(field: string, reason: string): never {
  throw new ValidationError([{ field, reason }]);
}

function decimalField(field: string, value: unknown): string {
  // Never coerced: `true`, `null` and hex are not amounts; `5e-05` (as Python writes it) is.
  const decimal = typeof value === 'number' || (typeof value === 'string' && value.length <= 40) ? parseDecimal(typeof value === 'string' ? value.trim() : value) : undefined;
  if (!decimal) invalid(field, `must be a decimal number such as "0.01", got ${quoteInput(value)}`);
  if (!decimal.isPositive()) invalid(field, 'must be greater than 0');
  return decimal.toString();
}

function enumField<T extends string>(field: string, value: unknown, values: Record<string, T>): T {
  const match = typeof value === 'string' ? values[value.trim().toLowerCase()] : undefined;
  if (!match) invalid(field, `must be one of ${Object.keys(values).join(', ')}, got ${quoteInput(value)}`);
  return match;
}

/**
 * A pair as an alert names it: `BTC-USDT`, or TradingView's `{{ticker}}` (`BTCUSDT`, `BINANCE:BTCUSDT`,
 * `BTCUSDT.P`), matched against the pairs the webhook allows, else split at a known quote asset.
 */
function pairField(value: unknown, allowed: string[]): string {
  if (typeof value !== 'string' || value.length > 60) invalid('trading_pair', `must be a pair such as BTC-USDT or a ticker such as BTCUSDT, got ${quoteInput(value)}`);
  const symbol = value.trim().toUpperCase().replace(/^[A-Z0-9_]+:/, '').replace(/\.P$/, '');
  if (/^[A-Z0-9]+-[A-Z0-9]+$/.test(symbol)) return symbol;
  if (!/^[A-Z0-9]+$/.test(symbol)) invalid('trading_pair', `must be a pair such as BTC-USDT or a ticker such as BTCUSDT, got ${quoteInput(value)}`);
  const listed = allowed.find((pair) => pair.replace('-', '') === symbol);
  if (listed) return listed;
  const quote = KNOWN_QUOTES.find((asset) => symbol.endsWith(asset) && symbol.length > asset.length);
  if (!quote) invalid('trading_pair', `ticker ${quoteInput(value)} matches none of the allowed pairs (${allowed.join(', ') || 'none listed'})`);
  return `${symbol.slice(0, -quote.length)}-${quote}`;
}

function required<T>(field: string, value: T | undefined): T {
  if (value === undefined) invalid(field, "required: set it in the webhook's action or allow the alert to send it");
  return value;
}

/**
 * The trade an alert asks for: the webhook's template with the fields the alert may set, checked
 * against the webhook's limits. Throws a ValidationError naming the field for anything else: a body
 * that is not an object, a field the alert may not set, a value that is not what the field takes, a
 * field the trade needs and neither gives, an amount above `maxAmount`, a pair outside `tradingPairs`.
 */
export function resolveAlert(template: AlertTemplate, body: unknown): ResolvedTrade {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) invalid('body', 'must be a JSON object');
  const { action, limits } = template;
  const vocabulary: readonly string[] = action.type === 'order' ? ORDER_ALERT_FIELDS : SWAP_ALERT_FIELDS;
  const alert: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(body)) {
    if (RESERVED_FIELDS.has(field)) continue;
    if (!vocabulary.includes(field) || !template.alertFields.includes(field)) {
      invalid(field.slice(0, 100), `may not be set by an alert (this webhook's alerts may set: ${template.alertFields.join(', ') || 'nothing'})`);
    }
    alert[field] = value;
  }
  const allowedPairs = limits.tradingPairs ?? (action.trading_pair ? [action.trading_pair] : []);
  const tradingPair = required('trading_pair', alert.trading_pair === undefined ? action.trading_pair : pairField(alert.trading_pair, allowedPairs));
  if (allowedPairs.length && !allowedPairs.includes(tradingPair)) invalid('trading_pair', `${tradingPair} is not one of this webhook's pairs (${allowedPairs.join(', ')})`);
  const side = required('side', alert.side === undefined ? action.side : enumField('side', alert.side, SIDES));
  const amount = required('amount', alert.amount === undefined ? action.amount : decimalField('amount', alert.amount));
  if (limits.maxAmount !== undefined && parseDecimal(amount)!.compare(limits.maxAmount) > 0) invalid('amount', `${amount} is above this webhook's maxAmount ${limits.maxAmount}`);
  const [base, quote] = tradingPair.split('-');

  if (action.type === 'swap') {
    const { chainNetwork, connector, walletAddress, slippagePct } = action;
    return { type: 'swap', request: { chainNetwork, connector, baseToken: base, quoteToken: quote, amount, side, walletAddress, slippagePct } };
  }
  const orderType = alert.order_type === undefined ? (action.order_type ?? 'MARKET') : enumField('order_type', alert.order_type, ORDER_TYPES);
  const price = alert.price === undefined ? action.price : decimalField('price', alert.price);
  if (orderType !== 'MARKET') required('price', price);
  return {
    type: 'order',
    request: {
      account_name: action.account_name,
      connector_name: action.connector_name,
      trading_pair: tradingPair,
      trade_type: side,
      amount,
      order_type: orderType,
      ...(orderType !== 'MARKET' && price !== undefined ? { price } : {}),
    },
  };
}

/** A template that no alert can complete is refused when the webhook is saved, not at its first alert. */
export function templateIssues(template: AlertTemplate): { field: string; reason: string }[] {
  const { action, alertFields } = template;
  const vocabulary: readonly string[] = action.type === 'order' ? ORDER_ALERT_FIELDS : SWAP_ALERT_FIELDS;
  const issues = alertFields.filter((field) => !vocabulary.includes(field)).map((field) => ({ field: 'alertFields', reason: `${field} is not a field of a ${action.type} (${vocabulary.join(', ')})` }));
  const needed = ['trading_pair', 'side', 'amount'] as const;
  for (const field of needed) {
    if (action[field] === undefined && !alertFields.includes(field)) issues.push({ field: `action.${field}`, reason: 'required unless alertFields lets the alert send it' });
  }
  if (action.type === 'order' && action.order_type && action.order_type !== 'MARKET' && action.price === undefined && !alertFields.includes('price')) {
    issues.push({ field: 'action.price', reason: `required for ${action.order_type} unless alertFields lets the alert send it` });
  }
  if (template.limits.tradingPairs?.length && action.trading_pair && !template.limits.tradingPairs.includes(action.trading_pair)) {
    issues.push({ field: 'limits.tradingPairs', reason: `must include the action's trading_pair ${action.trading_pair}` });
  }
  return issues;
}

import { and, eq, max } from 'drizzle-orm';
import { decimalText } from '../../../schemas/exchange-trading';
import { getDb } from '../../db/client';
import { fundingPayments } from '../../db/schema';
import { isPerpetual, type TradingContext } from './context';
import { pairOfSymbol } from './find-market';

/**
 * Stores the funding payments the exchange lists in the account's income history since the last one
 * stored (one request), each once (by account, connector and the exchange's id). Returns how many the
 * exchange listed.
 */
export async function syncFundingPayments(context: TradingContext): Promise<number> {
  if (!isPerpetual(context.connector)) return 0;
  const db = getDb(context.env);
  const mine = and(eq(fundingPayments.accountName, context.account), eq(fundingPayments.connectorName, context.connector.name));
  const [{ latest }] = await db.select({ latest: max(fundingPayments.timestamp) }).from(fundingPayments).where(mine);
  const history = await context.exchange.fetchFundingHistory(undefined, latest ? latest.getTime() + 1 : undefined);
  const rows = history
    .filter((payment) => payment.id !== undefined && payment.amount !== undefined)
    .map((payment) => ({
      fundingPaymentId: `${context.account}:${context.connector.name}:${payment.id}`,
      timestamp: new Date(payment.timestamp ?? Date.now()),
      accountName: context.account,
      connectorName: context.connector.name,
      tradingPair: pairOfSymbol(context, payment.symbol ?? ''),
      fundingPayment: decimalText(payment.amount ?? 0),
      feeCurrency: payment.code ?? 'USDT',
      exchangeFundingId: String(payment.id),
    }));
  if (rows.length) await db.insert(fundingPayments).values(rows).onConflictDoNothing();
  return rows.length;
}

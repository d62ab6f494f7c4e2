import { and, eq, sql } from 'drizzle-orm';
import { decimalText } from '../../../schemas/exchange-trading';
import { withTransaction } from '../../db/client';
import { executorOrders, executors, positionHolds } from '../../db/schema';
import type { RouterEnv } from '../../env';

/**
 * Adds what an executor that ended POSITION_HOLD left on the books to its (account, connector, pair,
 * controller) hold: its filled buys and sells kept apart, then the volume both sides now cover
 * realised at the difference of their average prices (§2.9), fees summed. Once per executor (its id
 * is recorded in the hold), in one transaction.
 */
export async function recordPositionHold(env: RouterEnv, executorId: string): Promise<void> {
  await withTransaction(env, async (tx) => {
    const [executor] = await tx.select().from(executors).where(eq(executors.executorId, executorId));
    if (!executor) return;
    const fills = await tx.select().from(executorOrders).where(and(eq(executorOrders.executorId, executorId), sql`${executorOrders.filledAmount} > 0`));
    const byMarket = new Map<string, typeof fills>();
    for (const row of fills) byMarket.set(`${row.connectorName}|${row.tradingPair}`, [...(byMarket.get(`${row.connectorName}|${row.tradingPair}`) ?? []), row]);
    for (const [market, rows] of byMarket) {
      const [connectorName, tradingPair] = market.split('|');
      const key = and(
        eq(positionHolds.accountName, executor.accountName),
        eq(positionHolds.connectorName, connectorName),
        eq(positionHolds.tradingPair, tradingPair),
        eq(positionHolds.controllerId, executor.controllerId),
        eq(positionHolds.status, 'ACTIVE'),
      );
      const [held] = await tx.select().from(positionHolds).where(key).for('update');
      if (held?.executorIds.includes(executorId)) continue;
      let buyBase = Number(held?.buyAmountBase ?? 0);
      let buyQuote = Number(held?.buyAmountQuote ?? 0);
      let sellBase = Number(held?.sellAmountBase ?? 0);
      let sellQuote = Number(held?.sellAmountQuote ?? 0);
      let realized = Number(held?.realizedPnlQuote ?? 0);
      let fees = Number(held?.cumFeesQuote ?? 0);
      for (const row of rows) {
        const base = Number(row.filledAmount);
        const quote = base * Number(row.averageFillPrice ?? row.price ?? 0);
        if (row.tradeType === 'BUY') {
          buyBase += base;
          buyQuote += quote;
        } else {
          sellBase += base;
          sellQuote += quote;
        }
        fees += Number(row.feeQuote);
      }
      const matched = Math.min(buyBase, sellBase);
      if (matched > 0) {
        const avgBuy = buyQuote / buyBase;
        const avgSell = sellQuote / sellBase;
        realized += matched * (avgSell - avgBuy);
        buyQuote -= matched * avgBuy;
        sellQuote -= matched * avgSell;
        buyBase -= matched;
        sellBase -= matched;
      }
      const values = {
        buyAmountBase: decimalText(buyBase),
        buyAmountQuote: decimalText(buyQuote),
        sellAmountBase: decimalText(sellBase),
        sellAmountQuote: decimalText(sellQuote),
        realizedPnlQuote: decimalText(realized),
        cumFeesQuote: decimalText(fees),
        executorIds: [...(held?.executorIds ?? []), executorId],
        lastUpdated: new Date(),
      };
      if (held) await tx.update(positionHolds).set(values).where(eq(positionHolds.id, held.id));
      else await tx.insert(positionHolds).values({ accountName: executor.accountName, connectorName, tradingPair, controllerId: executor.controllerId, ...values });
    }
  });
}

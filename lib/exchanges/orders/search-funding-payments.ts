import { and, count, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { FundingPaymentRow } from '../../../schemas/exchange-trading';
import { getDb } from '../../db/client';
import { fundingPayments } from '../../db/schema';
import type { RouterEnv } from '../../env';
import { keysetBelow, page, toNumber, type Pagination } from './pagination';

export interface SearchFundingPaymentsParameters {
  accountNames?: string[];
  connectorNames?: string[];
  tradingPair?: string;
  /** Paid at or after / before, Unix ms. */
  startTime?: number;
  endTime?: number;
  limit: number;
  cursor?: string | null;
}

/** Stored funding payments, newest first, filtered (time range included) and paged by keyset. */
export async function searchFundingPayments(env: RouterEnv, parameters: SearchFundingPaymentsParameters): Promise<{ data: FundingPaymentRow[]; pagination: Pagination }> {
  const filters: (SQL | undefined)[] = [
    parameters.accountNames?.length ? inArray(fundingPayments.accountName, parameters.accountNames) : undefined,
    parameters.connectorNames?.length ? inArray(fundingPayments.connectorName, parameters.connectorNames) : undefined,
    parameters.tradingPair ? eq(fundingPayments.tradingPair, parameters.tradingPair) : undefined,
    parameters.startTime !== undefined ? gte(fundingPayments.timestamp, new Date(parameters.startTime)) : undefined,
    parameters.endTime !== undefined ? lte(fundingPayments.timestamp, new Date(parameters.endTime)) : undefined,
  ];
  const db = getDb(env);
  const [rows, [{ total }]] = await db.batch([
    db
      .select()
      .from(fundingPayments)
      .where(and(...filters, keysetBelow(fundingPayments.id, parameters.cursor)))
      .orderBy(desc(fundingPayments.id))
      .limit(parameters.limit + 1),
    db.select({ total: count() }).from(fundingPayments).where(and(...filters)),
  ]);
  const { rows: shown, pagination } = page(rows, parameters.limit, total);
  return {
    data: shown.map((row) => ({
      id: row.id,
      funding_payment_id: row.fundingPaymentId,
      timestamp: row.timestamp.toISOString(),
      account_name: row.accountName,
      connector_name: row.connectorName,
      trading_pair: row.tradingPair,
      funding_rate: toNumber(row.fundingRate),
      funding_payment: Number(row.fundingPayment),
      fee_currency: row.feeCurrency,
      position_size: toNumber(row.positionSize),
      position_side: row.positionSide,
      exchange_funding_id: row.exchangeFundingId,
    })),
    pagination,
  };
}

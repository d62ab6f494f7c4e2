import { lt, type AnyColumn, type SQL } from 'drizzle-orm';
import { ValidationError } from '../../errors';

/** Hummingbot API's pagination block. */
export interface Pagination {
  limit: number;
  has_more: boolean;
  next_cursor: string | null;
  total_count: number;
}

/**
 * Keyset pagination over a table's identity column, newest first: the cursor is the last row's id,
 * and the next page is the rows below it (an index range, however deep the page).
 */
export function keysetBelow(column: AnyColumn, cursor: string | null | undefined): SQL | undefined {
  if (cursor === undefined || cursor === null || cursor === '') return undefined;
  if (!/^\d{1,10}$/.test(cursor)) throw new ValidationError([{ field: 'cursor', reason: 'not a cursor this API returned' }]);
  return lt(column, Number(cursor));
}

/** The page of `rows` (fetched with one extra row to tell whether more follow) and its pagination. */
export function page<T extends { id: number }>(rows: T[], limit: number, totalCount: number): { rows: T[]; pagination: Pagination } {
  const hasMore = rows.length > limit;
  const shown = rows.slice(0, limit);
  return { rows: shown, pagination: { limit, has_more: hasMore, next_cursor: hasMore ? String(shown.at(-1)!.id) : null, total_count: totalCount } };
}

export const toNumber = (value: string | null) => (value === null ? null : Number(value));

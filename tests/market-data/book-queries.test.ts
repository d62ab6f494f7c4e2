import { describe, expect, it } from 'vitest';
import { queryBook } from '../../lib/market-data/book-queries';

// A hand-computed book: asks 100 × 1, 101 × 2, 102.5 × 4; bids 99 × 1.5, 98 × 2, 97.25 × 10.
const level = (price: string, amount: string) => ({ price, amount });
const book = {
  asks: [level('100', '1'), level('101', '2'), level('102.5', '4')],
  bids: [level('99', '1.5'), level('98', '2'), level('97.25', '10')],
};

describe('order-book queries (exact decimals on a hand-computed book)', () => {
  it('price-for-volume: buying 2.5 takes 1 @ 100 and 1.5 @ 101, ending at 101', () => {
    expect(queryBook(book, true, { kind: 'price_for_volume', volume: '2.5' })).toEqual({
      query_volume: 2.5,
      query_price: null,
      result_price: 101,
      result_volume: 2.5,
      result_quote_volume: 251.5, // 100 + 151.5
      average_price: 100.6,
    });
  });

  it('price-for-volume: selling more than the bids hold leaves result_price null and says what was available', () => {
    expect(queryBook(book, false, { kind: 'price_for_volume', volume: '20' })).toMatchObject({ result_price: null, result_volume: 13.5, result_quote_volume: 1317 }); // 148.5 + 196 + 972.5
  });

  it('vwap-for-volume: selling 3.5 takes 1.5 @ 99 and 2 @ 98: VWAP 98.428571428571428571', () => {
    const result = queryBook(book, false, { kind: 'vwap_for_volume', volume: '3.5' });
    expect(result.result_quote_volume).toBe(344.5); // 148.5 + 196
    expect(result.average_price).toBe(98.428571428571428571);
    expect(result.result_price).toBe(result.average_price);
    expect(result.result_volume).toBe(3.5);
  });

  it('price-for-quote-volume: spending 343 takes 1 @ 100, 2 @ 101 and 0.4 @ 102.5, ending at 102.5', () => {
    expect(queryBook(book, true, { kind: 'price_for_quote_volume', quoteVolume: '343' })).toEqual({
      query_volume: 343,
      query_price: null,
      result_price: 102.5,
      result_volume: 3.4, // 1 + 2 + 41 / 102.5
      result_quote_volume: 343,
      average_price: 100.882352941176470588, // 343 / 3.4, rounded at 18 digits
    });
  });

  it('volume-for-price: asks up to 101 hold 3, bids down to 98 hold 3.5', () => {
    expect(queryBook(book, true, { kind: 'volume_for_price', price: '101' })).toEqual({
      query_volume: null,
      query_price: 101,
      result_price: 101,
      result_volume: 3,
      result_quote_volume: 302,
      average_price: 100.666666666666666667,
    });
    expect(queryBook(book, false, { kind: 'volume_for_price', price: '98' })).toMatchObject({ result_price: 98, result_volume: 3.5 });
  });

  it('quote-volume-for-price: bids down to 97.25 hold 1317 USDT; a price beyond the best level takes nothing', () => {
    expect(queryBook(book, false, { kind: 'quote_volume_for_price', price: '97.25' })).toMatchObject({ result_quote_volume: 1317, result_volume: 13.5, result_price: 97.25 });
    expect(queryBook(book, true, { kind: 'quote_volume_for_price', price: '99.99' })).toEqual({
      query_volume: null,
      query_price: 99.99,
      result_price: null,
      result_volume: 0,
      result_quote_volume: 0,
      average_price: null,
    });
  });

  it('adds 0.1 + 0.2 exactly', () => {
    const tenths = { asks: [level('1', '0.1'), level('1', '0.2')], bids: [] };
    expect(queryBook(tenths, true, { kind: 'volume_for_price', price: '1' }).result_volume).toBe(0.3);
  });
});

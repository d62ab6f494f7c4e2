import ccxt from 'ccxt';
import { describe, expect, it } from 'vitest';
import { localExchangeUrls, rewriteUrlForLocalExchange } from '../../lib/exchanges/local-urls';

const base = 'http://127.0.0.1:4321';

describe('local exchange URLs', () => {
  it('serves a published REST URL under a prefix equal to its host', () => {
    expect(rewriteUrlForLocalExchange('https://api.binance.com/api/v3', base)).toBe('http://127.0.0.1:4321/api.binance.com/api/v3');
    expect(rewriteUrlForLocalExchange('https://fapi.binance.com/fapi/v1/order?symbol=BTCUSDT', base)).toBe(
      'http://127.0.0.1:4321/fapi.binance.com/fapi/v1/order?symbol=BTCUSDT',
    );
  });

  it('drops the published port of a WebSocket URL and keeps ws for a plain-http base', () => {
    expect(rewriteUrlForLocalExchange('wss://stream.binance.com:9443/ws', base)).toBe('ws://127.0.0.1:4321/stream.binance.com/ws');
    expect(rewriteUrlForLocalExchange('wss://fstream.binance.com/ws', `${base}/`)).toBe('ws://127.0.0.1:4321/fstream.binance.com/ws');
    expect(rewriteUrlForLocalExchange('wss://fstream.binance.com/ws', 'https://example.test/x')).toBe('wss://example.test/x/fstream.binance.com/ws');
  });

  it('keeps strings that are not URLs', () => {
    expect(rewriteUrlForLocalExchange('', base)).toBe('');
    expect(rewriteUrlForLocalExchange('not a url', base)).toBe('not a url');
  });

  it('rewrites every entry of CCXT binance urls.api, nested ones included, without changing the input', () => {
    const exchange = new ccxt.pro.binance();
    const original = JSON.parse(JSON.stringify(exchange.urls.api));
    const api = localExchangeUrls(exchange.urls.api, base);
    expect(exchange.urls.api).toEqual(original);
    expect(api.public).toBe(`${base}/api.binance.com/api/v3`);
    expect(api.fapiPrivateV2).toBe(`${base}/fapi.binance.com/fapi/v2`);
    expect(api.ws.spot).toBe('ws://127.0.0.1:4321/stream.binance.com/ws');
    expect(api.ws['ws-api'].future).toBe('ws://127.0.0.1:4321/ws-fapi.binance.com/ws-fapi/v1');
    const leaves = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : Object.values(value as object).flatMap(leaves);
    for (const url of leaves(api)) expect(url).toMatch(/^(http|ws):\/\/127\.0\.0\.1:4321\/[a-z0-9.-]+\.com\//);
  });
});

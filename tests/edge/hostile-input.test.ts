import { beforeAll, describe, expect, it } from 'vitest';
import { localnetUniswapV2Pairs, localnetUniswapV3Pools } from '../../lib/chains/ethereum/localnet';
import { addDevWallet, rpcCounter, solanaRpcCounter } from '../support/chain';
import { api } from '../support/http';
import { addSolanaDevWallet, freshAddress } from '../support/solana';

// What an attacker sends: numbers out of any chain's range, booleans where numbers go, control
// characters, megabytes where a name goes. Every answer is a 4xx in the one error shape, decided
// before any RPC, and nothing moves.

type ErrorBody = { statusCode: number; error: string; message: string; detail: string; code?: string; validation?: { field: string; reason: string }[] };

const HUGE = `1${'0'.repeat(80)}`;
const V2_WETH_USDC = localnetUniswapV2Pairs['WETH-USDC'].address;
const V3_WETH_USDC = localnetUniswapV3Pools['WETH-USDC-3000'].address;
const freshEvmAddress = () => `0x${[...crypto.getRandomValues(new Uint8Array(20))].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;

let evmDev: string;
let solanaDev: string;

beforeAll(async () => {
  [evmDev, solanaDev] = await Promise.all([addDevWallet(), addSolanaDevWallet()]);
});

async function expectError(response: Response, status: number, message: RegExp, label: string): Promise<ErrorBody> {
  const text = await response.text();
  expect(response.status, `${label}: ${text.slice(0, 300)}`).toBe(status);
  const body = JSON.parse(text) as ErrorBody;
  expect(body, label).toMatchObject({ statusCode: status, error: expect.any(String), detail: body.message });
  expect(body.message, label).toMatch(message);
  return body;
}

describe('out-of-range amounts', () => {
  it('answer 400 naming uint256 on every EVM money route and connector, before any RPC', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['/wallet/send', { chain: 'ethereum', network: 'localnet', address: evmDev, toAddress: freshEvmAddress(), amount: HUGE }],
      ['/wallet/send', { chain: 'ethereum', network: 'localnet', address: evmDev, toAddress: freshEvmAddress(), amount: 1e80 }],
      ['/chains/ethereum/approve', { network: 'localnet', address: evmDev, spender: 'uniswap/amm', token: 'USDC', amount: HUGE }],
      ['/chains/ethereum/wrap', { network: 'localnet', address: evmDev, amount: HUGE }],
      ['/chains/ethereum/unwrap', { network: 'localnet', address: evmDev, amount: HUGE }],
      ['/connectors/uniswap/amm/execute-swap', { network: 'localnet', baseToken: 'WETH', quoteToken: 'USDC', amount: HUGE, side: 'SELL' }],
      ['/connectors/uniswap/amm/add-liquidity', { network: 'localnet', poolAddress: V2_WETH_USDC, baseTokenAmount: HUGE, quoteTokenAmount: 1 }],
      ['/connectors/uniswap/clmm/execute-swap', { network: 'localnet', baseToken: 'WETH', quoteToken: 'USDC', amount: HUGE, side: 'SELL' }],
      ['/connectors/uniswap/clmm/open-position', { network: 'localnet', poolAddress: V3_WETH_USDC, lowerPrice: 2500, upperPrice: 3500, baseTokenAmount: HUGE }],
      ['/connectors/uniswap/router/execute-swap', { network: 'localnet', baseToken: 'WETH', quoteToken: 'USDC', amount: HUGE, side: 'SELL' }],
      ['/trading/swap/execute', { chainNetwork: 'ethereum-localnet', baseToken: 'WETH', quoteToken: 'USDC', amount: HUGE, side: 'SELL' }],
    ];
    await rpcCounter.reset();
    for (const [path, body] of cases) {
      await expectError(await api(path, { body }), 400, /[aA]mount: too large: at most 1157\d+ base units \(uint256/, path);
    }
    const quote = await api(`/connectors/uniswap/amm/quote-swap?network=localnet&baseToken=WETH&quoteToken=USDC&side=SELL&amount=${HUGE}`);
    await expectError(quote, 400, /uint256/, 'amm quote-swap');
    expect((await rpcCounter.read()).requests).toBe(0);
  });

  it('answer 400 naming u64 on Solana (lamports and SPL amounts), before any RPC', async () => {
    const overU64Sol = '18446744073.709551616'; // 2^64 lamports: fits uint256, not u64
    const cases: [string, Record<string, unknown>][] = [
      ['/chains/solana/wrap', { network: 'localnet', address: solanaDev, amount: overU64Sol }],
      ['/chains/solana/wrap', { network: 'localnet', address: solanaDev, amount: HUGE }],
      ['/chains/solana/unwrap', { network: 'localnet', address: solanaDev, amount: overU64Sol }],
      ['/wallet/send', { chain: 'solana', network: 'localnet', address: solanaDev, toAddress: freshAddress(), amount: overU64Sol }],
      ['/wallet/send', { chain: 'solana', network: 'localnet', address: solanaDev, toAddress: freshAddress(), token: 'USDC', amount: '18446744073709.551616' }],
    ];
    await solanaRpcCounter.reset();
    for (const [path, body] of cases) {
      await expectError(await api(path, { body }), 400, body.amount === HUGE ? /uint256/ : /amount: too large: at most 18446744073709551615 base units \(u64/, `${path} ${String(body.amount)}`);
    }
    expect((await solanaRpcCounter.read()).requests).toBe(0);
  });
});

describe('numbers are never coerced', () => {
  it('refuses booleans, null, hex, NaN, Infinity and empty strings where numbers go, and moves nothing', async () => {
    const position = { network: 'localnet', poolAddress: V3_WETH_USDC, baseTokenAmount: 0.01 };
    const cases: [string, Record<string, unknown>, string][] = [
      ['/connectors/uniswap/clmm/open-position', { ...position, lowerPrice: true, upperPrice: 3500 }, 'lowerPrice'],
      ['/connectors/uniswap/clmm/open-position', { ...position, lowerPrice: 2500, upperPrice: null }, 'upperPrice'],
      ['/connectors/uniswap/clmm/open-position', { ...position, lowerPrice: '0x10', upperPrice: 3500 }, 'lowerPrice'],
      ['/connectors/uniswap/clmm/remove-liquidity', { network: 'localnet', positionAddress: '1', percentageToRemove: true }, 'percentageToRemove'],
      ['/connectors/uniswap/amm/remove-liquidity', { network: 'localnet', poolAddress: V2_WETH_USDC, percentageToRemove: true }, 'percentageToRemove'],
      ['/connectors/uniswap/amm/execute-swap', { network: 'localnet', baseToken: 'WETH', quoteToken: 'USDC', amount: 0.01, side: 'SELL', slippagePct: null }, 'slippagePct'],
      ['/connectors/uniswap/amm/execute-swap', { network: 'localnet', baseToken: 'WETH', quoteToken: 'USDC', amount: true, side: 'SELL' }, 'amount'],
      ['/connectors/uniswap/amm/execute-swap', { network: 'localnet', baseToken: 'WETH', quoteToken: 'USDC', amount: 'NaN', side: 'SELL' }, 'amount'],
      ['/connectors/uniswap/amm/execute-swap', { network: 'localnet', baseToken: 'WETH', quoteToken: 'USDC', amount: 'Infinity', side: 'SELL' }, 'amount'],
      ['/connectors/uniswap/amm/execute-swap', { network: 'localnet', baseToken: 'WETH', quoteToken: 'USDC', amount: '', side: 'SELL' }, 'amount'],
      ['/connectors/uniswap/amm/execute-swap', { network: 'localnet', baseToken: 'WETH', quoteToken: 'USDC', amount: 0.01, side: 'SELL', slippagePct: '1e1e1' }, 'slippagePct'],
      ['/chains/ethereum/wrap', { network: 'localnet', address: evmDev, amount: null }, 'amount'],
      ['/chains/ethereum/wrap', { network: 'localnet', address: evmDev, amount: '0x10' }, 'amount'],
    ];
    await rpcCounter.reset();
    for (const [path, body, field] of cases) {
      const error = await expectError(await api(path, { body }), 400, new RegExp(`${field}: `), `${path} ${JSON.stringify(body)}`);
      expect(error.validation?.map((issue) => issue.field)).toContain(field);
    }
    expect((await rpcCounter.read()).requests).toBe(0);
  });

  it('takes only decimals, plain or in scientific notation, from query strings', async () => {
    const base = 'network=localnet&baseToken=WETH&quoteToken=USDC&side=SELL';
    for (const [params, field] of [
      ['amount=0.01&slippagePct=0x10', 'slippagePct'],
      ['amount=0.01&slippagePct=NaN', 'slippagePct'],
      ['amount=0.01&slippagePct=true', 'slippagePct'],
      ['amount=0.01&slippagePct=1e3', 'slippagePct'],
      ['amount=0x10', 'amount'],
      ['amount=1e80', 'amount'],
      ['amount=Infinity', 'amount'],
      ['amount=', 'amount'],
      ['amount=%201', 'amount'],
    ]) {
      await expectError(await api(`/connectors/uniswap/amm/quote-swap?${base}&${params}`), 400, new RegExp(`${field}: `), params);
    }
    // The documented forms: a decimal string for amount and slippage.
    expect((await api(`/connectors/uniswap/amm/quote-swap?${base}&amount=0.01&slippagePct=1.5`)).status).toBe(200);
  });

  it('treats a JSON 1e-7 the same on every amount route: the number it denotes', async () => {
    // 1e-7 WETH is 10^11 wei: a valid amount everywhere, including /wallet/send (a 404 for the unknown wallet, not a 400).
    const stranger = freshEvmAddress();
    const send = await api('/wallet/send', { body: { chain: 'ethereum', network: 'localnet', address: stranger, toAddress: freshEvmAddress(), amount: 1e-7 } });
    expect(send.status).toBe(404);
    const wrap = await api('/chains/ethereum/wrap', { body: { network: 'localnet', address: stranger, amount: 1e-7 } });
    expect(wrap.status).toBe(404);
    const quote = await api('/connectors/uniswap/amm/quote-swap?network=localnet&baseToken=WETH&quoteToken=USDC&side=SELL&amount=0.0000001');
    expect(quote.status).toBe(200);
  });

  it('reads amounts as Python writes them (str(float): 1e-07, 5e-05) in query strings and JSON strings, exactly', async () => {
    // Hummingbot's Gateway client builds GET parameters from floats: 0.0000001 arrives as "1e-07".
    const base = 'network=localnet&baseToken=WETH&quoteToken=USDC&side=SELL';
    for (const [scientific, plain] of [['1e-07', '0.0000001'], ['5e-05', '0.00005'], ['1.5E-3', '0.0015']]) {
      const [written, expanded] = await Promise.all([
        api(`/connectors/uniswap/amm/quote-swap?${base}&amount=${scientific}&slippagePct=5e-01`),
        api(`/connectors/uniswap/amm/quote-swap?${base}&amount=${plain}&slippagePct=0.5`),
      ]);
      expect(written.status, scientific).toBe(200);
      expect(await written.json(), scientific).toEqual(await expanded.json());
    }
    // The same string in a JSON body: the number it denotes (a 404 for the unknown wallet, not a 400).
    const wrap = await api('/chains/ethereum/wrap', { body: { network: 'localnet', address: freshEvmAddress(), amount: '1e-07' } });
    expect(wrap.status).toBe(404);
  });
});

describe('stored strings', () => {
  const token = { name: 'Colibri Test', symbol: 'CTT', address: '0x1111111111111111111111111111111111111111', decimals: 18 };
  const add = (overrides: Record<string, unknown>) => api('/tokens', { body: { chain: 'ethereum', network: 'localnet', token: { ...token, ...overrides } } });

  it('refuses control characters, over-long names and symbols, and a chainId that is not positive', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ name: 'Evil\u0000Token' }, 'token.name', /control characters/],
      [{ symbol: 'E\u0007V' }, 'token.symbol', /control characters/],
      [{ name: 'N'.repeat(101) }, 'token.name', /at most 100 characters/],
      [{ symbol: 'S'.repeat(33) }, 'token.symbol', /at most 32 characters/],
      [{ chainId: 0 }, 'token.chainId', /./],
      [{ chainId: -1 }, 'token.chainId', /./],
      [{ decimals: true }, 'token.decimals', /./],
    ];
    for (const [overrides, field, reason] of cases) {
      const error = await expectError(await add(overrides), 400, /Invalid request/, JSON.stringify(overrides).slice(0, 80));
      expect(error.validation?.find((issue) => issue.field === field)?.reason, field).toMatch(reason);
    }
    const pool = { chainNetwork: 'ethereum-localnet', connector: 'uniswap', type: 'amm', address: V2_WETH_USDC, baseTokenAddress: token.address, quoteTokenAddress: token.address };
    await expectError(await api('/pools', { body: { ...pool, baseSymbol: 'WETH\u0000' } }), 400, /baseSymbol: must not contain control characters/, 'pool symbol');
    await expectError(await api('/tokens?chain=ethereum&network=local%00net'), 400, /network: must not contain control characters/, 'query');
    await expectError(await api('/gateway/swaps/a%00b%07c/status'), 400, /path: must not contain control characters/, 'path');
    const listed = await (await api('/tokens?chain=ethereum&network=localnet&search=Colibri')).json<{ tokens: unknown[] }>();
    expect(listed.tokens).toEqual([]);
  });
});

describe('oversized input', () => {
  it('refuses a 100 KB Solana address (and hash, signature, key) fast, quoting at most 100 characters of it', async () => {
    const long = 'A'.repeat(100_000);
    const cases: [string, Record<string, unknown>][] = [
      ['/chains/solana/balances', { network: 'localnet', address: long }],
      ['/chains/solana/poll', { network: 'localnet', signature: long }],
      ['/chains/ethereum/poll', { network: 'localnet', signature: long }],
      ['/chains/ethereum/balances', { network: 'localnet', address: long }],
      ['/wallet/add', { chain: 'solana', privateKey: long }],
      ['/wallet/send', { chain: 'solana', network: 'localnet', address: solanaDev, toAddress: long, amount: 1 }],
    ];
    let slowest = 0;
    for (const [path, body] of cases) {
      const started = performance.now();
      const response = await api(path, { body });
      const text = await response.text();
      slowest = Math.max(slowest, performance.now() - started);
      expect(response.status, path).toBe(400);
      expect(text.length, path).toBeLessThan(1000);
      expect(text).not.toContain('A'.repeat(101));
    }
    console.log(`slowest answer to a 100 KB address: ${slowest.toFixed(0)} ms`);
  });

  it('quotes at most ~100 characters of a 500 KB field in its error', async () => {
    const network = 'x'.repeat(500_000);
    const response = await api('/chains/ethereum/balances', { body: { network } });
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text.length).toBeLessThan(1000);
    expect(JSON.parse(text).message).toMatch(/Unknown network 'x{100}…' \(500000 characters\)/);
  });

  it('answers 413 to a body over 1 MB by its Content-Length, before any work', async () => {
    const big = JSON.stringify({ chain: 'ethereum', network: 'x'.repeat(1024 * 1024) });
    await expectError(await api('/wallet/add', { body: big }), 413, /larger than 1048576 bytes/, 'content-length');
    // Unauthenticated: refused for its size before auth is even looked at.
    await expectError(await api('/wallet/add', { body: big, auth: null }), 413, /larger/, 'unauthenticated');
    // Just under the limit is parsed (and refused for what it says).
    const fits = JSON.stringify({ network: 'x'.repeat(1024 * 1024 - 100) });
    expect((await api('/chains/ethereum/balances', { body: fits })).status).toBe(400);
  });
});

import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { localnetContracts, localnetSecondWallet, localnetTokens } from '../../lib/chains/ethereum/localnet';
import { addDevWallet, anvil, rpcCounter, withSnapshot } from '../support/chain';
import { api } from '../support/http';

const token = (symbol: string) => localnetTokens.find((entry) => entry.symbol === symbol)!;
const router = localnetContracts.uniswapV2.router02;
let dev: string;

beforeAll(async () => {
  dev = await addDevWallet();
});

describe('/chains/ethereum reads', () => {
  it('reports status and the current block of localnet', async () => {
    const block = Number(await anvil<string>('eth_blockNumber'));
    const body = await (await api('/chains/ethereum/status?network=localnet')).json();
    expect(body).toEqual({
      chain: 'ethereum',
      network: 'localnet',
      rpcUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      rpcProvider: 'url',
      currentBlockNumber: block,
      nativeCurrency: 'ETH',
      swapProvider: 'uniswap/router',
    });
  });

  it('estimates gas in gwei for a 300k-gas transaction, in ONE RPC request', async () => {
    await rpcCounter.reset();
    const body = await (await api('/chains/ethereum/estimate-gas?network=localnet')).json<Record<string, unknown>>();
    expect(body).toMatchObject({ denomination: 'gwei', computeUnits: 300000, feeAsset: 'ETH', gasType: 'eip1559' });
    expect(body.fee).toBeCloseTo(((body.feePerComputeUnit as number) * 300000) / 1e9, 12);
    expect((await rpcCounter.read()).requests).toBe(1);
  });

  it('reads the native and token balances of any address in ONE RPC request', async () => {
    const eth = Number(BigInt(await anvil<string>('eth_getBalance', [localnetSecondWallet.address, 'latest']))) / 1e18;
    await rpcCounter.reset();
    const response = await api('/chains/ethereum/balances', { body: { network: 'localnet', address: localnetSecondWallet.address, tokens: ['ETH', 'WETH', 'USDC', 'DAI'] } });
    expect(await response.json()).toEqual({ balances: { ETH: eth, WETH: 100, USDC: 1_000_000, DAI: 1_000_000 } });
    expect((await rpcCounter.read()).requests).toBe(1);
  });

  it('answers the native balance and the held tokens when none are named, and reads unlisted tokens by address', async () => {
    const all = await (await api('/chains/ethereum/balances', { body: { network: 'localnet', address: localnetSecondWallet.address } })).json<{ balances: Record<string, number> }>();
    expect(Object.keys(all.balances).sort()).toEqual(['DAI', 'ETH', 'USDC', 'WETH']);
    const byAddress = await (await api('/chains/ethereum/balances', { body: { network: 'localnet', address: localnetSecondWallet.address, tokens: [token('USDC').address.toLowerCase()] } })).json();
    expect(byAddress).toEqual({ balances: { USDC: 1_000_000 } });
  });

  it('reads allowances for a spender in ONE RPC request', async () => {
    await rpcCounter.reset();
    const response = await api('/chains/ethereum/allowances', { body: { network: 'localnet', address: dev, spender: router, tokens: ['USDC', 'DAI'] } });
    const body = await response.json<{ spender: string; approvals: Record<string, string> }>();
    expect(body.spender).toBe(router);
    expect(Object.keys(body.approvals).sort()).toEqual(['DAI', 'USDC']);
    expect((await rpcCounter.read()).requests).toBe(1);
  });
});

describe('/chains/ethereum bad input', () => {
  it('answers clear 4xx errors and writes nothing', async () => {
    const cases: [string, unknown, number, RegExp][] = [
      ['/chains/ethereum/balances', { network: 'goerli' }, 400, /Unknown network 'goerli'/],
      ['/chains/ethereum/balances', { network: 'localnet', address: '0x123' }, 400, /address: '0x123' is not an Ethereum address/],
      ['/chains/ethereum/balances', { network: 'localnet', address: dev.toLowerCase().replace('f3', 'F3') }, 400, /checksum/],
      ['/chains/ethereum/balances', { network: 'localnet', address: dev, tokens: ['NOPE'] }, 404, /Token NOPE not found/],
      ['/chains/ethereum/allowances', { network: 'localnet', address: dev, spender: 'nowhere/amm', tokens: ['USDC'] }, 400, /Invalid spender: nowhere\/amm/],
      ['/chains/ethereum/approve', { network: 'localnet', address: dev, spender: router, token: 'USDC', amount: '0' }, 400, /amount: must be greater than 0/],
      ['/chains/ethereum/approve', { network: 'localnet', address: dev, spender: router, token: 'USDC', amount: 'abc' }, 400, /amount: must be a decimal number/],
      ['/chains/ethereum/approve', { network: 'localnet', address: dev, spender: router, token: 'USDC', amount: '-1' }, 400, /amount: must be a decimal number/],
      ['/chains/ethereum/approve', { network: 'localnet', address: dev, spender: router, token: 'NOPE', amount: '1' }, 404, /Token NOPE not found/],
      ['/chains/ethereum/approve', { network: 'localnet', address: '0x000000000000000000000000000000000000dEaD', spender: router, token: 'USDC' }, 404, /Wallet not found/],
      ['/chains/ethereum/wrap', { network: 'localnet', address: dev, amount: '1000000' }, 400, /would fail and was not sent: .*insufficient funds/i],
      ['/chains/ethereum/unwrap', { network: 'localnet', address: dev, amount: '5000' }, 400, /Insufficient WETH balance. Available: 100, Required: 5000/],
      ['/chains/ethereum/poll', { network: 'localnet', signature: '0x1234' }, 400, /not a transaction hash/],
      ['/chains/bitcoin/status', undefined, 404, /not found/],
    ];
    const nonce = await anvil<string>('eth_getTransactionCount', [dev, 'latest']);
    for (const [path, body, status, message] of cases) {
      const response = body === undefined ? await api(path) : await api(path, { body });
      expect(response.status, `${path} ${JSON.stringify(body)}`).toBe(status);
      expect((await response.json<{ message: string }>()).message, path).toMatch(message);
    }
    expect(await anvil('eth_getTransactionCount', [dev, 'latest'])).toBe(nonce);
  });
});

describe('/chains/ethereum transactions', () => {
  it('approves, and the allowance and poll agree with the chain', async () => {
    await withSnapshot(async () => {
      const response = await api('/chains/ethereum/approve', { body: { network: 'localnet', address: dev, spender: router, token: 'USDC', amount: '1234.5' } });
      const body = await response.json<{ signature: `0x${string}`; status: number; data: Record<string, unknown> }>();
      expect(body).toMatchObject({ status: 1, data: { tokenAddress: token('USDC').address, spender: router, amount: '1234.5', fee: expect.any(String) } });
      const allowances = await (await api('/chains/ethereum/allowances', { body: { network: 'localnet', address: dev, spender: router, tokens: ['USDC'] } })).json();
      expect(allowances).toEqual({ spender: router, approvals: { USDC: '1234.5' } });
      const poll = await (await api('/chains/ethereum/poll', { body: { network: 'localnet', signature: body.signature } })).json<Record<string, unknown>>();
      expect(poll).toMatchObject({ signature: body.signature, txStatus: 1, txBlock: expect.any(Number), fee: expect.any(Number) });
    });
  });

  it('sends an approve in three RPC requests: simulation with fees and nonce, the send, the receipt', async () => {
    await withSnapshot(async () => {
      await api('/chains/ethereum/approve', { body: { network: 'localnet', address: dev, spender: router, token: 'USDC', amount: '1' } });
      await rpcCounter.reset();
      const response = await api('/chains/ethereum/approve', { body: { network: 'localnet', address: dev, spender: router, token: 'USDC', amount: '2' } });
      expect((await response.json<{ status: number }>()).status).toBe(1);
      expect((await rpcCounter.read()).requests).toBe(3);
    });
  });

  it('approves the maximum when no amount is given', async () => {
    await withSnapshot(async () => {
      const body = await (await api('/chains/ethereum/approve', { body: { network: 'localnet', address: dev, spender: router, token: 'DAI' } })).json<{ status: number }>();
      expect(body.status).toBe(1);
      const allowances = await (await api('/chains/ethereum/allowances', { body: { network: 'localnet', address: dev, spender: router, tokens: ['DAI'] } })).json<{ approvals: Record<string, string> }>();
      expect(Number(allowances.approvals.DAI)).toBeGreaterThan(1e50);
    });
  });

  it('lands 20 concurrent approves from one wallet, in nonce order, with no error and no gap', async () => {
    await withSnapshot(async () => {
      const start = Number(await anvil<string>('eth_getTransactionCount', [dev, 'latest']));
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          api('/chains/ethereum/approve', { body: { network: 'localnet', address: dev, spender: router, token: 'USDC', amount: String(index + 1) } }),
        ),
      );
      const bodies = await Promise.all(responses.map((response) => response.json<{ status: number; data: { nonce: number } }>()));
      expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
      expect(bodies.map((body) => body.status)).toEqual(Array(20).fill(1));
      expect(bodies.map((body) => body.data.nonce).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => start + index));
      expect(Number(await anvil<string>('eth_getTransactionCount', [dev, 'latest']))).toBe(start + 20);
    });
  });

  it('never sends a retried request twice (Idempotency-Key)', async () => {
    await withSnapshot(async () => {
      const headers = { 'idempotency-key': `approve-${crypto.randomUUID()}` };
      const request = { body: { network: 'localnet', address: dev, spender: router, token: 'USDC', amount: '7' }, headers };
      const first = await (await api('/chains/ethereum/approve', request)).json<{ signature: string }>();
      const nonce = await anvil<string>('eth_getTransactionCount', [dev, 'latest']);
      const retry = await (await api('/chains/ethereum/approve', request)).json<{ signature: string }>();
      expect(retry.signature).toBe(first.signature);
      expect(await anvil('eth_getTransactionCount', [dev, 'latest'])).toBe(nonce);
    });
  });

  it('wraps and unwraps, and the balances follow', async () => {
    await withSnapshot(async () => {
      const wrapped = await (await api('/chains/ethereum/wrap', { body: { network: 'localnet', address: dev, amount: '1.5' } })).json();
      expect(wrapped).toMatchObject({ status: 1, data: { amount: '1.5', wrappedAddress: token('WETH').address, nativeToken: 'ETH', wrappedToken: 'WETH' } });
      const after = await (await api('/chains/ethereum/balances', { body: { network: 'localnet', address: dev, tokens: ['WETH'] } })).json();
      expect(after).toEqual({ balances: { WETH: 101.5 } });
      const unwrapped = await (await api('/chains/ethereum/unwrap', { body: { network: 'localnet', address: dev, amount: 0.5 } })).json();
      expect(unwrapped).toMatchObject({ status: 1, data: { amount: '0.5' } });
      expect(await (await api('/chains/ethereum/balances', { body: { network: 'localnet', address: dev, tokens: ['WETH'] } })).json()).toEqual({ balances: { WETH: 101 } });
    });
  });

  it('polls a reverted transaction as failed, a pending one as 0 and an unknown hash as not found', async () => {
    await withSnapshot(async () => {
      // A transfer of more USDC than held, sent around Colibri (which would refuse it), reverts on chain.
      await anvil('anvil_impersonateAccount', [localnetSecondWallet.address]);
      const data = `0xa9059cbb${dev.slice(2).toLowerCase().padStart(64, '0')}${(10n ** 30n).toString(16).padStart(64, '0')}`;
      const reverted = await anvil<string>('eth_sendTransaction', [{ from: localnetSecondWallet.address, to: token('USDC').address, data, gas: '0x30000' }]);
      const failed = await (await api('/chains/ethereum/poll', { body: { network: 'localnet', signature: reverted } })).json();
      expect(failed).toMatchObject({ txStatus: -1, txBlock: expect.any(Number), error: 'Transaction reverted' });

      await anvil('evm_setAutomine', [false]);
      const pendingHash = await anvil<string>('eth_sendTransaction', [{ from: localnetSecondWallet.address, to: dev, value: '0x1' }]);
      expect(await (await api('/chains/ethereum/poll', { body: { network: 'localnet', signature: pendingHash } })).json()).toMatchObject({ txStatus: 0, txBlock: null });
      await anvil('evm_setAutomine', [true]);

      const unknown = await api('/chains/ethereum/poll', { body: { network: 'localnet', signature: `0x${'ab'.repeat(32)}` } });
      expect(unknown.status).toBe(200);
      expect(await unknown.json()).toMatchObject({ txStatus: -1, txBlock: -1, error: 'Transaction not found' });
    });
  });

  it('resyncs the nonce from the chain after a dropped transaction', async () => {
    await withSnapshot(async () => {
      await api('/config/update', { body: { namespace: 'ethereum-localnet', path: 'transactionExecutionTimeoutMs', value: 500 } });
      try {
        await anvil('evm_setAutomine', [false]);
        const pending = await (await api('/chains/ethereum/approve', { body: { network: 'localnet', address: dev, spender: router, token: 'USDC', amount: '1' } })).json<{ signature: string; status: number; data: { nonce: number } }>();
        expect(pending.status).toBe(0);
        await anvil('anvil_dropTransaction', [pending.signature]);
        await anvil('evm_setAutomine', [true]);
        const next = await (await api('/chains/ethereum/approve', { body: { network: 'localnet', address: dev, spender: router, token: 'USDC', amount: '2' } })).json<{ status: number; data: { nonce: number } }>();
        expect(next).toMatchObject({ status: 1, data: { nonce: pending.data.nonce } });
      } finally {
        await anvil('evm_setAutomine', [true]);
        await api('/config/update', { body: { namespace: 'ethereum-localnet', path: 'transactionExecutionTimeoutMs', value: 10000 } });
      }
    });
  });
});

describe('RPC failures', () => {
  it('turns an RPC 429 into a 429 naming the RPC host, and an unreachable RPC into a 503', async () => {
    await api('/config/update', { body: { namespace: 'ethereum-sepolia', path: 'nodeURL', value: env.TEST_RATE_LIMITED_RPC_URL } });
    await api('/config/update', { body: { namespace: 'ethereum-base', path: 'nodeURL', value: 'http://127.0.0.1:1' } });
    const limited = await api('/chains/ethereum/status?network=sepolia');
    expect(limited.status).toBe(429);
    expect((await limited.json<{ message: string }>()).message).toMatch(/RPC rate limit reached at 127\.0\.0\.1:\d+ \(ethereum-sepolia\)/);
    const down = await api('/chains/ethereum/balances', { body: { network: 'base', address: dev } });
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ error: 'ServiceUnavailableError', message: expect.stringContaining('RPC provider unavailable') });
  });
});

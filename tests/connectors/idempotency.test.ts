import { beforeAll, describe, expect, it } from 'vitest';
import { addDevWallet, withSnapshot } from '../support/chain';
import { api } from '../support/http';
import { approveRouter, dev, nonceOf } from './chain';

beforeAll(async () => {
  await addDevWallet();
});

describe('connector executes with an Idempotency-Key', () => {
  it('replays an AMM swap that used up its exact allowance, instead of refusing the retry', async () => {
    await withSnapshot(async () => {
      await approveRouter('WETH', '0.1');
      const request = {
        body: { network: 'localnet', baseToken: 'WETH', quoteToken: 'USDC', amount: 0.1, side: 'SELL', walletAddress: dev },
        headers: { 'idempotency-key': `amm-${crypto.randomUUID()}` },
      };
      const first = await api('/connectors/uniswap/amm/execute-swap', request);
      expect(first.status).toBe(200);
      const executed = await first.json();
      const nonce = await nonceOf(dev);
      const retry = await api('/connectors/uniswap/amm/execute-swap', request);
      expect(retry.status).toBe(200);
      expect(await retry.json()).toEqual(executed);
      expect(await nonceOf(dev)).toBe(nonce);
    });
  });

  it('replays a CLMM swap that used up its exact allowance', async () => {
    await withSnapshot(async () => {
      const approved = await api('/chains/ethereum/approve', { body: { network: 'localnet', spender: 'uniswap/clmm/swap', token: 'WETH', amount: '0.1' } });
      expect(approved.status).toBe(200);
      const request = {
        body: { network: 'localnet', baseToken: 'WETH', quoteToken: 'USDC', amount: 0.1, side: 'SELL', walletAddress: dev },
        headers: { 'idempotency-key': `clmm-${crypto.randomUUID()}` },
      };
      const first = await api('/connectors/uniswap/clmm/execute-swap', request);
      expect(first.status).toBe(200);
      const executed = await first.json();
      const retry = await api('/connectors/uniswap/clmm/execute-swap', request);
      expect(retry.status).toBe(200);
      expect(await retry.json()).toEqual(executed);
    });
  });

  it('answers 409 to the same key with another amount, and to the key of an approve', async () => {
    await withSnapshot(async () => {
      await approveRouter('WETH');
      const headers = { 'idempotency-key': `amm-${crypto.randomUUID()}` };
      const body = { network: 'localnet', baseToken: 'WETH', quoteToken: 'USDC', amount: 0.1, side: 'SELL', walletAddress: dev };
      expect((await api('/connectors/uniswap/amm/execute-swap', { body, headers })).status).toBe(200);
      const other = await api('/connectors/uniswap/amm/execute-swap', { body: { ...body, amount: 0.2 }, headers });
      expect(other.status).toBe(409);
      expect(await other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
      const approve = await api('/chains/ethereum/approve', { body: { network: 'localnet', address: dev, spender: 'uniswap/amm', token: 'USDC' }, headers });
      expect(approve.status).toBe(409);
    });
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { localnetContracts } from '../../lib/chains/ethereum/localnet';
import { addDevWallet, anvil, withSnapshot } from '../support/chain';
import { api } from '../support/http';

const router = localnetContracts.uniswapV2.router02;
let dev: string;
const nonce = async () => Number(await anvil<string>('eth_getTransactionCount', [dev, 'latest']));
const keyed = (key: string) => ({ 'idempotency-key': key });

beforeAll(async () => {
  dev = await addDevWallet();
});

describe('Idempotency-Key', () => {
  it('must be 1-255 visible ASCII characters: anything else is a 400 naming the header, and nothing is sent', async () => {
    await withSnapshot(async () => {
      const before = await nonce();
      for (const key of ['', ' ', 'has space', 'é', 'k'.repeat(256), 'tab\there']) {
        const response = await api('/chains/ethereum/approve', { body: { network: 'localnet', address: dev, spender: router, token: 'USDC', amount: '1' }, headers: keyed(key) });
        expect(response.status, JSON.stringify(key)).toBe(400);
        expect(await response.json(), JSON.stringify(key)).toMatchObject({ code: 'VALIDATION_ERROR', validation: [{ field: 'idempotency-key', reason: expect.any(String) }] });
      }
      expect(await nonce()).toBe(before);
      // The longest valid key works.
      const longest = await api('/chains/ethereum/approve', { body: { network: 'localnet', address: dev, spender: router, token: 'USDC', amount: '1' }, headers: keyed(`${crypto.randomUUID()}`.padEnd(255, '~')) });
      expect(longest.status).toBe(200);
    });
  });

  it('replays the first answer for the same request, without sending anything', async () => {
    await withSnapshot(async () => {
      const request = { body: { network: 'localnet', address: dev, spender: router, token: 'USDC', amount: '3' }, headers: keyed(`approve-${crypto.randomUUID()}`) };
      const first = await api('/chains/ethereum/approve', request);
      const sent = await nonce();
      // The same body with its fields in another order is the same request.
      const retry = await api('/chains/ethereum/approve', { ...request, body: { amount: '3', token: 'USDC', spender: router, address: dev, network: 'localnet' } });
      expect(retry.status).toBe(200);
      expect(await retry.json()).toEqual(await first.json());
      expect(await nonce()).toBe(sent);
    });
  });

  it('with a different amount is a 409, never the first transaction, and sends nothing', async () => {
    await withSnapshot(async () => {
      const headers = keyed(`approve-${crypto.randomUUID()}`);
      const first = await api('/chains/ethereum/approve', { body: { network: 'localnet', address: dev, spender: router, token: 'USDC', amount: '5' }, headers });
      expect(first.status).toBe(200);
      const sent = await nonce();
      const other = await api('/chains/ethereum/approve', { body: { network: 'localnet', address: dev, spender: router, token: 'USDC', amount: '6' }, headers });
      expect(other.status).toBe(409);
      expect(await other.json()).toMatchObject({ statusCode: 409, message: 'Idempotency-Key reused with a different request', code: 'IDEMPOTENCY_KEY_REUSED' });
      expect(await nonce()).toBe(sent);
    });
  });

  it("used for a wrap, is a 409 on /unwrap (the key remembers its route)", async () => {
    await withSnapshot(async () => {
      const headers = keyed(`wrap-${crypto.randomUUID()}`);
      const wrapped = await api('/chains/ethereum/wrap', { body: { network: 'localnet', address: dev, amount: '0.25' }, headers });
      expect(wrapped.status).toBe(200);
      const sent = await nonce();
      const unwrapped = await api('/chains/ethereum/unwrap', { body: { network: 'localnet', address: dev, amount: '0.25' }, headers });
      expect(unwrapped.status).toBe(409);
      expect(await unwrapped.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
      expect(await nonce()).toBe(sent);
    });
  });

  it('is per wallet: /wallet/send with the key of a wrap is a 409 too, and a second run of a refused request runs again', async () => {
    await withSnapshot(async () => {
      const headers = keyed(`send-${crypto.randomUUID()}`);
      // Refused before anything is signed (more USDC than held): the key stays bound to this request.
      const refused = await api('/wallet/send', { body: { chain: 'ethereum', network: 'localnet', address: dev, toAddress: router, token: 'USDC', amount: '1000000000000' }, headers });
      expect(refused.status).toBe(400);
      const again = await api('/wallet/send', { body: { chain: 'ethereum', network: 'localnet', address: dev, toAddress: router, token: 'USDC', amount: '1000000000000' }, headers });
      expect(again.status).toBe(400);
      const wrap = await api('/chains/ethereum/wrap', { body: { network: 'localnet', address: dev, amount: '0.1' }, headers });
      expect(wrap.status).toBe(409);
    });
  });
});

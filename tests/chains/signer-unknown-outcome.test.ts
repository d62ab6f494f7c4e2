import { env } from 'cloudflare:test';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { transactions } from '../../lib/db/schema';
import type { RpcFault } from '../../tools/rpc-proxy';
import { addDevWallet, anvil, rpcCounter, solanaRpcCounter, withSnapshot } from '../support/chain';
import { api } from '../support/http';
import { addSolanaDevWallet, freshAddress, lamports } from '../support/solana';

interface Sent {
  signature: string;
  status: number;
}

const rowsOfKey = (address: string, key: string) =>
  getDb(env)
    .select()
    .from(transactions)
    .where(and(eq(transactions.address, address), eq(transactions.idempotencyKey, key)));
const send = (body: Record<string, unknown>, key: string) => api('/wallet/send', { body, headers: { 'idempotency-key': key } });

let solanaDev: string;
let evmDev: string;

beforeAll(async () => {
  [solanaDev, evmDev] = await Promise.all([addSolanaDevWallet(), addDevWallet()]);
});

afterEach(async () => {
  await Promise.all([rpcCounter.reset(), solanaRpcCounter.reset()]);
});

/**
 * One rule for every chain (lib/signer/core.ts broadcastSigned): a broadcast the node did not answer
 * counts as sent, is a 503, and its retry under the same key follows the first transaction, never a new one.
 */
describe('a send whose outcome is unknown', () => {
  it('on Solana, the node took it but its answer was lost: 503, the row stays sent, and the retry answers the first transaction, landed once', async () => {
    const to = freshAddress();
    const key = `lost-${crypto.randomUUID()}`;
    const body = { chain: 'solana', network: 'localnet', address: solanaDev, toAddress: to, amount: '0.125' };
    await solanaRpcCounter.fail({ method: 'sendTransaction', fault: 'lost-answer', times: 1 });
    const unsure = await send(body, key);
    expect(unsure.status).toBe(503);
    expect(await unsure.json()).toMatchObject({ code: 'RPC_UNAVAILABLE' });
    const [row] = await rowsOfKey(solanaDev, key);
    expect(row.status).not.toBe('failed');

    const retry = await send(body, key);
    expect(retry.status).toBe(200);
    expect(await retry.json<Sent>()).toMatchObject({ signature: row.hash, status: 1 });
    expect(await rowsOfKey(solanaDev, key)).toHaveLength(1);
    expect(await lamports(to)).toBe(0.125e9);
  });

  it('on Solana, the node never got it: 503, and the retry follows the first transaction (still pending) instead of signing a new one', async () => {
    const key = `unreached-${crypto.randomUUID()}`;
    const body = { chain: 'solana', network: 'localnet', address: solanaDev, toAddress: freshAddress(), amount: '0.5' };
    await api('/config/update', { body: { namespace: 'solana-localnet', path: 'confirmRetryCount', value: 2 } });
    try {
      await solanaRpcCounter.fail({ method: 'sendTransaction', fault: 'hang-up', times: 1 });
      expect((await send(body, key)).status).toBe(503);
      const [first] = await rowsOfKey(solanaDev, key);
      expect(first.status).toBe('sent');

      // Its blockhash is still valid, so it may yet land: the retry waits for it, it does not replace it.
      const retry = await send(body, key);
      expect(await retry.json<Sent>()).toMatchObject({ signature: first.hash, status: 0 });
      const rows = await rowsOfKey(solanaDev, key);
      expect(rows.map((row) => [row.hash, row.status])).toEqual([[first.hash, 'sent']]);
    } finally {
      await api('/config/update', { body: { namespace: 'solana-localnet', path: 'confirmRetryCount', value: 10 } });
    }
  });

  for (const fault of ['lost-answer', 'hang-up'] satisfies RpcFault[]) {
    it(`on Ethereum (${fault}): 503, the row stays sent, and the retry answers the first transaction once mined`, async () => {
      await withSnapshot(async () => {
        const to = '0x000000000000000000000000000000000000dEaD';
        const key = `${fault}-${crypto.randomUUID()}`;
        const body = { chain: 'ethereum', network: 'localnet', address: evmDev, toAddress: to, amount: '0.01' };
        await rpcCounter.fail({ method: 'eth_sendRawTransaction', fault, times: 1 });
        expect((await send(body, key)).status).toBe(503);
        const [first] = await rowsOfKey(evmDev, key);
        expect(first.status).toBe('sent');
        // The node that never got it gets it from another sender of the pool, as a public mempool would.
        if (fault === 'hang-up') await anvil('eth_sendRawTransaction', [first.raw]);

        const retry = await send(body, key);
        expect(await retry.json<Sent>()).toMatchObject({ signature: first.hash, status: 1 });
        expect(await rowsOfKey(evmDev, key)).toHaveLength(1);
      });
    });
  }
});

import { env } from 'cloudflare:test';
import { and, eq } from 'drizzle-orm';
import { encodeFunctionData, erc20Abi, keccak256, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterEach, describe, expect, it } from 'vitest';
import { localnetContracts, localnetTokens } from '../../lib/chains/ethereum/localnet';
import { getDb } from '../../lib/db/client';
import { transactions } from '../../lib/db/schema';
import type { RpcFault } from '../../tools/rpc-proxy';
import { anvil, rpcCounter, withSnapshot } from '../support/chain';
import { api } from '../support/http';

// anvil's accounts #4 and #5: wallets no other test signs with, so each signer starts fresh here.
const slowNodeWallet = privateKeyToAccount('0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a');
const refusingNodeWallet = privateKeyToAccount('0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba');
const router = localnetContracts.uniswapV2.router02;
const usdc = localnetTokens.find((token) => token.symbol === 'USDC')!;

const nonceOf = async (address: string) => Number(await anvil<string>('eth_getTransactionCount', [address, 'latest']));
const approve = (address: string, amount: string) => api('/chains/ethereum/approve', { body: { network: 'localnet', address, spender: router, token: 'USDC', amount } });
const rowOf = async (hash: string) => {
  const rows = await getDb(env).select().from(transactions).where(eq(transactions.hash, hash));
  expect(rows).toHaveLength(1);
  return rows[0];
};

afterEach(async () => {
  await rpcCounter.reset();
  await anvil('evm_setAutomine', [true]);
});

describe('a slow node is never taken for a dropped transaction', () => {
  for (const [index, fault] of (['rate-limited', 'hang-up'] satisfies RpcFault[]).entries()) {
    it(`${fault} while asked whether a sent transaction is still known: 503, the transaction stays pending, is later confirmed, and its nonce is never reused`, async () => {
      await api('/wallet/add', { body: { chain: 'ethereum', privateKey: '0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a' } });
      const address = slowNodeWallet.address;
      await withSnapshot(async () => {
        await api('/config/update', { body: { namespace: 'ethereum-localnet', path: 'transactionExecutionTimeoutMs', value: 300 } });
        try {
          // A sent transaction the node we ask no longer lists as pending (another node of the pool still has it).
          await anvil('evm_setAutomine', [false]);
          // Amounts differ per case: the same transaction signed again after the snapshot would have the same hash.
          const first = await (await approve(address, `1.${index}`)).json<{ signature: Hex; status: number; data: { nonce: number } }>();
          expect(first.status).toBe(0);
          const { raw } = await rowOf(first.signature);
          await anvil('anvil_dropTransaction', [first.signature]);
          await anvil('evm_setAutomine', [true]);

          const atNonce = async () =>
            (await getDb(env).select().from(transactions).where(and(eq(transactions.address, address), eq(transactions.nonce, first.data.nonce)))).map((row) => row.hash).sort();
          const before = await atNonce();
          await rpcCounter.fail({ method: 'eth_getTransactionByHash', fault });
          const unsure = await approve(address, `2.${index}`);
          expect(unsure.status).toBe(503);
          expect(await unsure.json()).toMatchObject({ code: 'TRANSACTION_STATE_UNKNOWN', message: expect.stringContaining(first.signature) });
          expect((await rowOf(first.signature)).status).toBe('sent');
          // Nothing was signed at its nonce.
          expect(await atNonce()).toEqual(before);
          await rpcCounter.reset();

          // The original is mined after all.
          await anvil('eth_sendRawTransaction', [raw]);
          await anvil('evm_mine');
          expect((await anvil<{ status: string }>('eth_getTransactionReceipt', [first.signature])).status).toBe('0x1');
          const next = await approve(address, `3.${index}`);
          expect(await next.json()).toMatchObject({ status: 1, data: { nonce: first.data.nonce + 1 } });
          expect(await nonceOf(address)).toBe(first.data.nonce + 2);
          expect((await rowOf(first.signature)).status).not.toBe('failed');
        } finally {
          await api('/config/update', { body: { namespace: 'ethereum-localnet', path: 'transactionExecutionTimeoutMs', value: 10000 } });
        }
      });
    });
  }
});

describe('a recovered transaction the node refuses to broadcast again', () => {
  it('is decided once (failed: underpriced, or replaced at its nonce) and the wallet keeps working', async () => {
    await api('/wallet/add', { body: { chain: 'ethereum', privateKey: '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba' } });
    const wallet = refusingNodeWallet;
    await withSnapshot(async () => {
      const nonce = await nonceOf(wallet.address);
      const data = encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [router, 5n] });
      const record = async (raw: Hex, at: number) => {
        await getDb(env)
          .insert(transactions)
          .values({ id: crypto.randomUUID(), chain: 'ethereum', network: 'localnet', address: wallet.address, kind: 'approve', nonce: at, hash: keccak256(raw), raw, status: 'signed' });
        return keccak256(raw);
      };
      // Signed before a crash: one offering less than the base fee (never minable as signed)...
      const underpriced = await record(
        await wallet.signTransaction({ chainId: 31337, nonce, to: usdc.address, data, gas: 100_000n, maxFeePerGas: 1n, maxPriorityFeePerGas: 1n, type: 'eip1559' }),
        nonce,
      );
      // ...and one whose nonce another transaction of the wallet used meanwhile.
      const replacedNonce = nonce;
      const replaced = await record(
        await wallet.signTransaction({ chainId: 31337, nonce: replacedNonce, to: usdc.address, data, gas: 100_001n, maxFeePerGas: 10n ** 10n, maxPriorityFeePerGas: 10n ** 9n, type: 'eip1559' }),
        replacedNonce,
      );
      await anvil('anvil_impersonateAccount', [wallet.address]);
      await anvil('eth_sendTransaction', [{ from: wallet.address, to: wallet.address, value: '0x1' }]);
      await anvil('anvil_stopImpersonatingAccount', [wallet.address]);

      for (const amount of ['1', '2']) {
        const response = await approve(wallet.address, amount);
        expect(response.status, amount).toBe(200);
        expect(await response.json()).toMatchObject({ status: 1 });
      }
      expect(await nonceOf(wallet.address)).toBe(nonce + 3);
      for (const hash of [underpriced, replaced]) {
        expect(await rowOf(hash), hash).toMatchObject({ status: 'failed', error: expect.stringContaining('refused by the node on recovery') });
      }
    });
  });
});

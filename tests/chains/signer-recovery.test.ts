import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { encodeFunctionData, erc20Abi, keccak256, parseGwei } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { localnetContracts, localnetTokens } from '../../lib/chains/ethereum/localnet';
import { getDb } from '../../lib/db/client';
import { transactions } from '../../lib/db/schema';
import { anvil, withSnapshot } from '../support/chain';
import { api } from '../support/http';

// anvil's account #3: a wallet no other test signs with, so its signer starts fresh here.
const key = '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6';
const wallet = privateKeyToAccount(key);
const usdc = localnetTokens.find((token) => token.symbol === 'USDC')!;

describe('a crash between signing and sending', () => {
  it('is recovered: the signed transaction is broadcast before anything else is signed', async () => {
    await withSnapshot(async () => {
      await api('/wallet/add', { body: { chain: 'ethereum', privateKey: key } });
      const nonce = Number(await anvil<string>('eth_getTransactionCount', [wallet.address, 'latest']));
      // What the signer had written when the process died: a signed, logged, never-sent approve.
      const raw = await wallet.signTransaction({
        chainId: 31337,
        nonce,
        to: usdc.address,
        data: encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [localnetContracts.uniswapV2.router02, 5n] }),
        gas: 100_000n,
        maxFeePerGas: parseGwei('10'),
        maxPriorityFeePerGas: parseGwei('1'),
        type: 'eip1559',
      });
      const id = crypto.randomUUID();
      await getDb(env).insert(transactions).values({ id, chain: 'ethereum', network: 'localnet', address: wallet.address, kind: 'approve', nonce, hash: keccak256(raw), raw, status: 'signed' });

      const next = await api('/chains/ethereum/approve', { body: { network: 'localnet', address: wallet.address, spender: localnetContracts.uniswapV2.router02, token: 'DAI', amount: '1' } });
      expect(await next.json()).toMatchObject({ status: 1, data: { nonce: nonce + 1 } });
      expect(Number(await anvil<string>('eth_getTransactionCount', [wallet.address, 'latest']))).toBe(nonce + 2);
      const receipt = await anvil<{ status: string }>('eth_getTransactionReceipt', [keccak256(raw)]);
      expect(receipt.status).toBe('0x1');
      const [row] = await getDb(env).select().from(transactions).where(eq(transactions.id, id));
      expect(row.status).toBe('sent');
    });
  });
});

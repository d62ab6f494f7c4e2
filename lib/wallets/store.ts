import { and, eq } from 'drizzle-orm';
import { createSecretBox } from '../crypto';
import { CHAINS, type Chain } from '../config/chains';
import { getDb } from '../db/client';
import { wallets } from '../db/schema';
import type { RouterEnv } from '../env';
import { NotFoundError } from '../errors';
import type { WalletKey } from './keys';

type WalletEnv = Pick<RouterEnv, 'DATABASE_URL' | 'NEON_PROXY_URL' | 'MASTER_KEY'>;

// The sealed key is bound to its chain and address, so a ciphertext copied onto another row never opens.
const associatedData = (chain: Chain, address: string) => `wallet:${chain}:${address}`;

export async function storeWallet(env: WalletEnv, chain: Chain, key: WalletKey): Promise<void> {
  const sealedKey = await createSecretBox(env.MASTER_KEY, 'wallets').seal(key.privateKey, associatedData(chain, key.address));
  await getDb(env)
    .insert(wallets)
    .values({ chain, address: key.address, sealedKey })
    .onConflictDoUpdate({ target: [wallets.chain, wallets.address], set: { sealedKey } });
}

export async function listWallets(env: WalletEnv): Promise<Record<Chain, string[]>> {
  const rows = await getDb(env).select({ chain: wallets.chain, address: wallets.address }).from(wallets).orderBy(wallets.createdAt);
  const byChain = Object.fromEntries(CHAINS.map((chain) => [chain, [] as string[]])) as Record<Chain, string[]>;
  for (const row of rows) byChain[row.chain as Chain]?.push(row.address);
  return byChain;
}

export async function hasWallet(env: WalletEnv, chain: Chain, address: string): Promise<boolean> {
  const rows = await getDb(env)
    .select({ address: wallets.address })
    .from(wallets)
    .where(and(eq(wallets.chain, chain), eq(wallets.address, address)));
  return rows.length > 0;
}

/** Deleting a wallet that is not there succeeds, as in Gateway (the caller's goal holds either way). */
export async function deleteWallet(env: WalletEnv, chain: Chain, address: string): Promise<void> {
  await getDb(env)
    .delete(wallets)
    .where(and(eq(wallets.chain, chain), eq(wallets.address, address)));
}

/** The wallet's private key, decrypted; a 404 when Colibri holds no key for that address. */
export async function loadPrivateKey(env: WalletEnv, chain: Chain, address: string): Promise<string> {
  const [row] = await getDb(env)
    .select({ sealedKey: wallets.sealedKey })
    .from(wallets)
    .where(and(eq(wallets.chain, chain), eq(wallets.address, address)));
  if (!row) throw new NotFoundError(`Wallet not found for address: ${address}`, 'WALLET_NOT_FOUND');
  return createSecretBox(env.MASTER_KEY, 'wallets').open(row.sealedKey, associatedData(chain, address));
}

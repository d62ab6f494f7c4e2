import { env } from 'cloudflare:test';
import { getAssociatedTokenAddressSync } from '@solana/spl-token';
import { Keypair, PublicKey, Transaction, type TransactionInstruction } from '@solana/web3.js';
import bs58 from 'bs58';
import { SOLANA_LOCALNET_DEV_WALLET, SOLANA_LOCALNET_TOKENS } from '../../lib/chains/solana/localnet';
import { api } from './http';

export const devKeypair = Keypair.fromSecretKey(bs58.decode(SOLANA_LOCALNET_DEV_WALLET.secretKey));
export const usdcMint = new PublicKey(SOLANA_LOCALNET_TOKENS.find((token) => token.symbol === 'USDC')!.address);

/** A JSON-RPC call straight to the litesvm server (not through the counting proxy). */
export async function svm<T = unknown>(method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(env.TEST_SOLANA_URL, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  const body = await response.json<{ result: T; error?: { message: string } }>();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

export const lamports = async (address: string | PublicKey) => (await svm<{ value: number }>('getBalance', [address.toString()])).value;

/** Base units of `mint` in the owner's associated account; 0 when it has none. */
export async function tokenUnits(owner: string | PublicKey, mint: PublicKey = usdcMint, programId?: PublicKey): Promise<bigint> {
  const account = getAssociatedTokenAddressSync(mint, new PublicKey(owner), true, programId);
  const info = await svm<{ value: unknown }>('getAccountInfo', [account.toBase58(), { encoding: 'base64' }]);
  if (!info.value) return 0n;
  return BigInt((await svm<{ value: { amount: string } }>('getTokenAccountBalance', [account.toBase58()])).value.amount);
}

/** Signs and sends around Colibri, with no preflight: how a failing transaction reaches the chain. */
export async function sendRaw(instructions: TransactionInstruction[], signers: Keypair[]): Promise<string> {
  const { value } = await svm<{ value: { blockhash: string; lastValidBlockHeight: number } }>('getLatestBlockhash');
  const transaction = new Transaction({ feePayer: signers[0].publicKey, ...value }).add(...instructions);
  transaction.sign(...signers);
  return svm<string>('sendTransaction', [transaction.serialize().toString('base64'), { encoding: 'base64', skipPreflight: true }]);
}

/** Registers the seeded localnet wallet (1000 SOL, 1,000,000 USDC) as one Colibri signs with. */
export async function addSolanaDevWallet(): Promise<string> {
  await api('/wallet/add', { body: { chain: 'solana', privateKey: SOLANA_LOCALNET_DEV_WALLET.secretKey } });
  return SOLANA_LOCALNET_DEV_WALLET.publicKey;
}

/** A new wallet stored in Colibri and funded by an airdrop, so a test's balances are its own. */
export async function fundedSolanaWallet(sol: number): Promise<string> {
  const { address } = await (await api('/wallet/create', { body: { chain: 'solana' } })).json<{ address: string }>();
  await svm('requestAirdrop', [address, sol * 1e9]);
  return address;
}

/** An address nobody holds a key for (and never seen on chain). */
export const freshAddress = () => Keypair.generate().publicKey.toBase58();

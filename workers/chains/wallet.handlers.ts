import { PublicKey } from '@solana/web3.js';
import { formatUnits } from 'viem';
import type { z } from 'zod';
import type { AppRouteHandler } from '../../lib/app';
import { parseEvmAddress, parseSolanaAddress } from '../../lib/chains/address';
import { chainModule } from '../../lib/chains/modules';
import { parseAmount } from '../../lib/amount';
import { transferRequest } from '../../lib/chains/ethereum/actions/transactions';
import { transferInstructions } from '../../lib/chains/solana/actions/transfer';
import { createSolanaClient, withRpc } from '../../lib/chains/solana/client';
import { WALLET_PLACEHOLDER, type Chain } from '../../lib/config/networks';
import { Config } from '../../lib/config/store';
import { constantTimeEqual } from '../../lib/crypto';
import { getDb } from '../../lib/db/client';
import { idempotencyOf, runOnce } from '../../lib/idempotency';
import { BadRequestError, NotFoundError, ServiceUnavailableError, UnauthorizedError } from '../../lib/errors';
import { sendEvmTransaction } from '../../lib/signer/client';
import { sendSolanaTransaction } from '../../lib/signer/solana-client';
import { TokenList } from '../../lib/tokens/registry';
import type { WalletKey } from '../../lib/wallets/keys';
import { clearPassphraseAttempts, countPassphraseAttempt } from '../../lib/wallets/passphrase-attempts';
import { deleteWallet, hasWallet, listWallets as listStoredWallets, loadPrivateKey, storeWallet } from '../../lib/wallets/store';
import type { ChainToken } from '../../lib/chains/types';
import type { TransferRequestSchema, TransferResponseSchema } from '../../schemas/wallet';
import type { ChainsEnv } from './env';
import type * as routes from './wallet.routes';

async function keep(env: ChainsEnv, chain: Chain, key: WalletKey, setDefault: boolean): Promise<void> {
  await storeWallet(env, chain, key);
  if (setDefault) await (await Config.load(env)).update(env, chain, 'defaultWallet', key.address);
}

export const listWallets: AppRouteHandler<typeof routes.listWallets, ChainsEnv> = async (c) => {
  const byChain = await listStoredWallets(c.env);
  return c.json(
    Object.entries(byChain).map(([chain, walletAddresses]) => ({ chain, walletAddresses })),
    200,
  );
};

export const addWallet: AppRouteHandler<typeof routes.addWallet, ChainsEnv> = async (c) => {
  const { chain, privateKey, setDefault } = c.req.valid('json');
  const key = chainModule(chain).parsePrivateKey(privateKey);
  await keep(c.env, chain, key, setDefault);
  return c.json({ address: key.address }, 200);
};

export const createWallet: AppRouteHandler<typeof routes.createWallet, ChainsEnv> = async (c) => {
  const { chain, setDefault } = c.req.valid('json');
  const key = chainModule(chain).generateKey();
  await keep(c.env, chain, key, setDefault);
  return c.json({ address: key.address, chain }, 200);
};

export const addHardwareWallet: AppRouteHandler<typeof routes.addHardwareWallet, ChainsEnv> = () => {
  throw new BadRequestError(
    'Hardware wallets are not supported: a Ledger needs a USB connection, which a Cloudflare Worker cannot reach. Add a software wallet with /wallet/add.',
    'HARDWARE_WALLET_UNSUPPORTED',
  );
};

export const removeWallet: AppRouteHandler<typeof routes.removeWallet, ChainsEnv> = async (c) => {
  const { chain, address } = c.req.valid('json');
  const checked = chainModule(chain).parseAddress(address, 'address');
  await deleteWallet(c.env, chain, checked);
  const config = await Config.load(c.env);
  if (config.chain(chain).defaultWallet === checked) await config.update(c.env, chain, 'defaultWallet', WALLET_PLACEHOLDER[chain]);
  return c.json({ message: `Wallet ${checked} removed successfully` }, 200);
};

export const setDefaultWallet: AppRouteHandler<typeof routes.setDefaultWallet, ChainsEnv> = async (c) => {
  const { chain, address } = c.req.valid('json');
  const checked = chainModule(chain).parseAddress(address, 'address');
  if (!(await hasWallet(c.env, chain, checked))) throw new NotFoundError(`Wallet not found for address: ${checked}`, 'WALLET_NOT_FOUND');
  await (await Config.load(c.env)).update(c.env, chain, 'defaultWallet', checked);
  return c.json({ message: `Successfully set default wallet for ${chain}`, chain, address: checked }, 200);
};

export const showPrivateKey: AppRouteHandler<typeof routes.showPrivateKey, ChainsEnv> = async (c) => {
  const { chain, address, passphrase } = c.req.valid('json');
  if (!c.env.GATEWAY_PASSPHRASE) throw new ServiceUnavailableError('Showing private keys is disabled: set the GATEWAY_PASSPHRASE secret');
  const checked = chainModule(chain).parseAddress(address, 'address');
  const addressKey = chainModule(chain).addressKey(checked);
  await countPassphraseAttempt(c.env, chain, addressKey);
  if (!(await constantTimeEqual(passphrase, c.env.GATEWAY_PASSPHRASE))) throw new UnauthorizedError('Invalid passphrase', 'INVALID_PASSPHRASE');
  await clearPassphraseAttempts(c.env, chain, addressKey);
  const privateKey = await loadPrivateKey(c.env, chain, checked);
  return c.json({ address: checked, chain, privateKey }, 200);
};

type Transfer = z.output<typeof TransferRequestSchema>;
type Sent = z.infer<typeof TransferResponseSchema>;

/** The token a transfer names; undefined for the native currency (omitted, or named by its symbol). */
async function transferToken<C extends Chain>(env: ChainsEnv, config: Config, chain: C, network: { name: string; nativeCurrencySymbol: string }, input?: string): Promise<ChainToken<C> | undefined> {
  const isNative = (symbol: string) => symbol.toLowerCase() === network.nativeCurrencySymbol.toLowerCase();
  if (!input || isNative(input)) return undefined;
  const token = (await TokenList.load(getDb(env), config, chain, network.name)).require(input);
  // Solana localnet lists SOL itself (under the System Program's address).
  return isNative(token.symbol) ? undefined : token;
}

function transferResponse(outcome: { signature: string; status: number; fee: string | null }, amount: bigint, decimals: number, token: string, toAddress: string): Sent {
  return { signature: outcome.signature, status: outcome.status, amount: formatUnits(amount, decimals), token, toAddress, ...(outcome.fee === null ? {} : { fee: Number(outcome.fee) }) };
}

async function sendOnEthereum(env: ChainsEnv, config: Config, body: Transfer, idempotencyKey?: string): Promise<Sent> {
  const network = config.network('ethereum', body.network);
  const from = parseEvmAddress(body.address, 'address');
  const to = parseEvmAddress(body.toAddress, 'toAddress');
  const token = await transferToken(env, config, 'ethereum', network, body.token);
  const decimals = token?.decimals ?? 18;
  const amount = parseAmount(body.amount, decimals);
  const outcome = await sendEvmTransaction(env, from, { network, request: transferRequest(to, amount, token?.address), kind: 'transfer', idempotencyKey });
  return transferResponse({ ...outcome, signature: outcome.hash }, amount, decimals, token?.symbol ?? network.nativeCurrencySymbol, to);
}

async function sendOnSolana(env: ChainsEnv, config: Config, body: Transfer, idempotencyKey?: string): Promise<Sent> {
  const network = config.network('solana', body.network);
  const from = parseSolanaAddress(body.address, 'address');
  const to = parseSolanaAddress(body.toAddress, 'toAddress');
  const token = await transferToken(env, config, 'solana', network, body.token);
  const decimals = token?.decimals ?? 9;
  const amount = parseAmount(body.amount, decimals, 'amount', 'u64');
  const parameters = { from: new PublicKey(from), to: new PublicKey(to), amount, token };
  const instructions = await withRpc(createSolanaClient(network), (connection) => transferInstructions(connection, parameters));
  const outcome = await sendSolanaTransaction(env, from, { network, instructions, kind: 'transfer', idempotencyKey });
  return transferResponse(outcome, amount, decimals, token?.symbol ?? network.nativeCurrencySymbol, to);
}

/** How each chain sends a transfer (its transaction shapes differ). */
const TRANSFERS: Record<Chain, typeof sendOnEthereum> = { ethereum: sendOnEthereum, solana: sendOnSolana };

export const send: AppRouteHandler<typeof routes.send, ChainsEnv> = async (c) => {
  const body = c.req.valid('json');
  const config = await Config.load(c.env);
  const network = config.network(body.chain as 'ethereum', body.network).name;
  const from = chainModule(body.chain).parseAddress(body.address, 'address');
  const idempotency = await idempotencyOf(c, body);
  const transfer = TRANSFERS[body.chain];
  return c.json(await runOnce(c.env, { chain: body.chain, network, address: from }, idempotency, () => transfer(c.env, config, body, idempotency?.key)), 200);
};

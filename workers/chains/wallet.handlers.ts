import type { AppRouteHandler } from '../../lib/app';
import { parseAddress } from '../../lib/chains/address';
import { WALLET_PLACEHOLDER, type Chain } from '../../lib/config/networks';
import { Config } from '../../lib/config/store';
import { constantTimeEqual } from '../../lib/crypto';
import { BadRequestError, NotFoundError, ServiceUnavailableError, UnauthorizedError } from '../../lib/errors';
import { generateKey, parsePrivateKey, type WalletKey } from '../../lib/wallets/keys';
import { deleteWallet, hasWallet, listWallets as listStoredWallets, loadPrivateKey, storeWallet } from '../../lib/wallets/store';
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
  const key = parsePrivateKey(chain, privateKey);
  await keep(c.env, chain, key, setDefault);
  return c.json({ address: key.address }, 200);
};

export const createWallet: AppRouteHandler<typeof routes.createWallet, ChainsEnv> = async (c) => {
  const { chain, setDefault } = c.req.valid('json');
  const key = generateKey(chain);
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
  const checked = parseAddress(chain, address, 'address');
  await deleteWallet(c.env, chain, checked);
  const config = await Config.load(c.env);
  if (config.chain(chain).defaultWallet === checked) await config.update(c.env, chain, 'defaultWallet', WALLET_PLACEHOLDER[chain]);
  return c.json({ message: `Wallet ${checked} removed successfully` }, 200);
};

export const setDefaultWallet: AppRouteHandler<typeof routes.setDefaultWallet, ChainsEnv> = async (c) => {
  const { chain, address } = c.req.valid('json');
  const checked = parseAddress(chain, address, 'address');
  if (!(await hasWallet(c.env, chain, checked))) throw new NotFoundError(`Wallet not found for address: ${checked}`, 'WALLET_NOT_FOUND');
  await (await Config.load(c.env)).update(c.env, chain, 'defaultWallet', checked);
  return c.json({ message: `Successfully set default wallet for ${chain}`, chain, address: checked }, 200);
};

export const showPrivateKey: AppRouteHandler<typeof routes.showPrivateKey, ChainsEnv> = async (c) => {
  const { chain, address, passphrase } = c.req.valid('json');
  if (!c.env.GATEWAY_PASSPHRASE) throw new ServiceUnavailableError('Showing private keys is disabled: set the GATEWAY_PASSPHRASE secret');
  const checked = parseAddress(chain, address, 'address');
  if (!(await constantTimeEqual(passphrase, c.env.GATEWAY_PASSPHRASE))) throw new UnauthorizedError('Invalid passphrase', 'INVALID_PASSPHRASE');
  const privateKey = await loadPrivateKey(c.env, chain, checked);
  return c.json({ address: checked, chain, privateKey }, 200);
};

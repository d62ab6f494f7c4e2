import { formatUnits, maxUint256, type Hash } from 'viem';
import type { AppRouteHandler } from '../../lib/app';
import { parseEvmAddress } from '../../lib/chains/address';
import { parseAmount } from '../../lib/amount';
import { getAllowances } from '../../lib/chains/ethereum/actions/getAllowances';
import { getBalances } from '../../lib/chains/ethereum/actions/getBalances';
import { estimateGas as estimateGasAction } from '../../lib/chains/ethereum/actions/estimateGas';
import { getStatus } from '../../lib/chains/ethereum/actions/getStatus';
import { pollTransaction } from '../../lib/chains/ethereum/actions/pollTransaction';
import { approveRequest, unwrapRequest, wrapRequest } from '../../lib/chains/ethereum/actions/transactions';
import { createEvmClient, withRpc } from '../../lib/chains/ethereum/client';
import { Config } from '../../lib/config/store';
import { resolveSpender } from '../../lib/connectors/spenders';
import { getDb } from '../../lib/db/client';
import { BadRequestError, HttpError, quoteInput } from '../../lib/errors';
import { idempotencyOf, runOnce } from '../../lib/idempotency';
import { sendEvmTransaction } from '../../lib/signer/client';
import { TokenList } from '../../lib/tokens/registry';
import type { EvmToken } from '../../lib/chains/types';
import { balanceQuery, selectBalances } from './balances';
import type { ChainsEnv } from './env';
import type * as routes from './ethereum.routes';

/** The network (default when omitted), its client, and the wallet (default when omitted). */
async function context(env: ChainsEnv, input: { network?: string; address?: string }) {
  const config = await Config.load(env);
  const network = config.network('ethereum', input.network);
  const address = parseEvmAddress(config.wallet('ethereum', input.address), 'address');
  return { config, network, address, client: createEvmClient(network) };
}

async function tokenList(env: ChainsEnv, config: Config, network: string) {
  return TokenList.load(getDb(env), config, 'ethereum', network);
}

export const status: AppRouteHandler<typeof routes.status, ChainsEnv> = async (c) => {
  const config = await Config.load(c.env);
  const network = config.network('ethereum', c.req.valid('query').network);
  const body = await withRpc(network, () => getStatus(createEvmClient(network), network, config.chain('ethereum').rpcProvider));
  return c.json(body, 200);
};

export const estimateGas: AppRouteHandler<typeof routes.estimateGas, ChainsEnv> = async (c) => {
  const config = await Config.load(c.env);
  const network = config.network('ethereum', c.req.valid('query').network);
  return c.json(await withRpc(network, () => estimateGasAction(createEvmClient(network), network)), 200);
};

export const balances: AppRouteHandler<typeof routes.balances, ChainsEnv> = async (c) => {
  const body = c.req.valid('json');
  const { config, network, address, client } = await context(c.env, body);
  const native = network.nativeCurrencySymbol;
  const query = balanceQuery(await tokenList(c.env, config, network.name), native, body.tokens, (input) =>
    /^0x[0-9a-fA-F]{40}$/.test(input) ? parseEvmAddress(input, 'tokens') : undefined,
  );
  const found = await withRpc(network, () => getBalances(client, { owner: address, nativeSymbol: native, tokens: query.tokens, unlisted: query.unlisted }));
  return c.json({ balances: selectBalances(found, native, query) }, 200);
};

export const poll: AppRouteHandler<typeof routes.poll, ChainsEnv> = async (c) => {
  const body = c.req.valid('json');
  if (!/^0x[0-9a-fA-F]{64}$/.test(body.signature)) throw new BadRequestError(`signature: ${quoteInput(body.signature)} is not a transaction hash (0x and 64 hex digits)`);
  const config = await Config.load(c.env);
  const network = config.network('ethereum', body.network);
  return c.json(await withRpc(network, () => pollTransaction(createEvmClient(network), body.signature as Hash)), 200);
};

export const allowances: AppRouteHandler<typeof routes.allowances, ChainsEnv> = async (c) => {
  const body = c.req.valid('json');
  const { config, network, address, client } = await context(c.env, body);
  const spender = resolveSpender(network, body.spender);
  const list = await tokenList(c.env, config, network.name);
  const tokens = body.tokens.length ? body.tokens.map((token) => list.require(token)) : list.all();
  const approvals = await withRpc(network, () => getAllowances(client, { owner: address, spender, tokens }));
  return c.json({ spender, approvals }, 200);
};

export const approve: AppRouteHandler<typeof routes.approve, ChainsEnv> = async (c) => {
  const body = c.req.valid('json');
  const { config, network, address } = await context(c.env, body);
  const idempotency = await idempotencyOf(c, body);
  const answer = await runOnce(c.env, { chain: 'ethereum', network: network.name, address }, idempotency, async () => {
    const spender = resolveSpender(network, body.spender);
    const token = (await tokenList(c.env, config, network.name)).require(body.token);
    const amount = body.amount ? parseAmount(body.amount, token.decimals) : maxUint256;
    const outcome = await sendEvmTransaction(c.env, address, {
      network,
      request: approveRequest(token.address, spender, amount),
      kind: 'approve',
      idempotencyKey: idempotency?.key,
    });
    return {
      signature: outcome.hash,
      status: outcome.status,
      data: { tokenAddress: token.address, spender, amount: formatUnits(amount, token.decimals), nonce: outcome.nonce, fee: outcome.fee ?? '0' },
    };
  });
  return c.json(answer, 200);
};

async function wrappedToken(env: ChainsEnv, config: Config, network: { name: string; nativeCurrencySymbol: string }): Promise<EvmToken> {
  const symbol = `W${network.nativeCurrencySymbol}`;
  const token = (await tokenList(env, config, network.name)).find(symbol);
  if (!token) throw new BadRequestError(`Wrapped token ${symbol} not found in the ethereum/${network.name} token list`, 'WRAPPED_TOKEN_NOT_FOUND');
  return token;
}

function wrapResponse(outcome: { hash: string; status: number; nonce: number; fee: string | null }, amount: bigint, nativeToken: string, wrapped: EvmToken) {
  return {
    signature: outcome.hash,
    status: outcome.status,
    data: { nonce: outcome.nonce, fee: outcome.fee ?? '0', amount: formatUnits(amount, 18), wrappedAddress: wrapped.address, nativeToken, wrappedToken: wrapped.symbol },
  };
}

export const wrap: AppRouteHandler<typeof routes.wrap, ChainsEnv> = async (c) => {
  const body = c.req.valid('json');
  const { config, network, address } = await context(c.env, body);
  const idempotency = await idempotencyOf(c, body);
  const answer = await runOnce(c.env, { chain: 'ethereum', network: network.name, address }, idempotency, async () => {
    const wrapped = await wrappedToken(c.env, config, network);
    const amount = parseAmount(body.amount, 18);
    const outcome = await sendEvmTransaction(c.env, address, {
      network,
      request: wrapRequest(wrapped.address, amount),
      kind: 'wrap',
      idempotencyKey: idempotency?.key,
    });
    return wrapResponse(outcome, amount, network.nativeCurrencySymbol, wrapped);
  });
  return c.json(answer, 200);
};

export const unwrap: AppRouteHandler<typeof routes.unwrap, ChainsEnv> = async (c) => {
  const body = c.req.valid('json');
  const { config, network, address, client } = await context(c.env, body);
  const idempotency = await idempotencyOf(c, body);
  const answer = await runOnce(c.env, { chain: 'ethereum', network: network.name, address }, idempotency, async () => {
    const wrapped = await wrappedToken(c.env, config, network);
    const amount = parseAmount(body.amount, wrapped.decimals);
    try {
      const outcome = await sendEvmTransaction(c.env, address, {
        network,
        request: unwrapRequest(wrapped.address, amount),
        kind: 'unwrap',
        idempotencyKey: idempotency?.key,
      });
      return wrapResponse(outcome, amount, network.nativeCurrencySymbol, wrapped);
    } catch (error) {
      // WETH9 reverts without a reason; the balance makes the refusal explicit.
      if (!(error instanceof HttpError && error.code === 'SIMULATION_FAILED')) throw error;
      const held = await withRpc(network, () => getBalances(client, { owner: address, nativeSymbol: network.nativeCurrencySymbol, tokens: [wrapped] }));
      throw new BadRequestError(`Insufficient ${wrapped.symbol} balance. Available: ${held[wrapped.symbol]}, Required: ${formatUnits(amount, wrapped.decimals)}`, 'INSUFFICIENT_BALANCE');
    }
  });
  return c.json(answer, 200);
};

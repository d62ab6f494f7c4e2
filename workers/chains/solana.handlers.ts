import { NATIVE_MINT } from '@solana/spl-token';
import { PublicKey } from '@solana/web3.js';
import bs58 from 'bs58';
import { formatUnits } from 'viem';
import type { AppRouteHandler } from '../../lib/app';
import { parseSolanaAddress } from '../../lib/chains/address';
import { parseAmount } from '../../lib/amount';
import { estimateGas as estimateGasAction } from '../../lib/chains/solana/actions/estimateGas';
import { getBalances } from '../../lib/chains/solana/actions/getBalances';
import { getStatus } from '../../lib/chains/solana/actions/getStatus';
import { pollTransaction } from '../../lib/chains/solana/actions/pollTransaction';
import { getUnwrappedAmount, getWrappedBalance, unwrapInstructions } from '../../lib/chains/solana/actions/unwrap';
import { WRAPPED_SOL_SYMBOL, wrapInstructions } from '../../lib/chains/solana/actions/wrap';
import { createSolanaClient, withRpc } from '../../lib/chains/solana/client';
import { Config } from '../../lib/config/store';
import { getDb } from '../../lib/db/client';
import { BadRequestError, HttpError, quoteInput } from '../../lib/errors';
import { idempotencyOf, runOnce } from '../../lib/idempotency';
import { sendSolanaTransaction } from '../../lib/signer/solana-client';
import type { SolanaTransactionOutcome } from '../../lib/signer/types';
import { TokenList } from '../../lib/tokens/registry';
import { balanceQuery, selectBalances } from './balances';
import type { ChainsEnv } from './env';
import type * as routes from './solana.routes';

const SOL_DECIMALS = 9;

/** The network (default when omitted), its client, and the wallet (default when omitted). */
async function context(env: ChainsEnv, input: { network?: string; address?: string }) {
  const config = await Config.load(env);
  const network = config.network('solana', input.network);
  const address = parseSolanaAddress(config.wallet('solana', input.address), 'address');
  return { config, network, address, owner: new PublicKey(address), client: createSolanaClient(network) };
}

/** A mint address outside the token list, or undefined when `input` is no address. */
function asMint(input: string): PublicKey | undefined {
  try {
    return new PublicKey(parseSolanaAddress(input, 'tokens'));
  } catch {
    return undefined;
  }
}

export const status: AppRouteHandler<typeof routes.status, ChainsEnv> = async (c) => {
  const config = await Config.load(c.env);
  const network = config.network('solana', c.req.valid('query').network);
  const body = await withRpc(createSolanaClient(network), (connection) => getStatus(connection, network, config.chain('solana').rpcProvider));
  return c.json(body, 200);
};

export const estimateGas: AppRouteHandler<typeof routes.estimateGas, ChainsEnv> = async (c) => {
  const config = await Config.load(c.env);
  const network = config.network('solana', c.req.valid('query').network);
  return c.json(await estimateGasAction(createSolanaClient(network)), 200);
};

export const balances: AppRouteHandler<typeof routes.balances, ChainsEnv> = async (c) => {
  const body = c.req.valid('json');
  const { config, network, owner, client } = await context(c.env, body);
  const native = network.nativeCurrencySymbol;
  const query = balanceQuery(await TokenList.load(getDb(c.env), config, 'solana', network.name), native, body.tokens, asMint);
  const found = await withRpc(client, (connection) => getBalances(connection, { owner, nativeSymbol: native, tokens: query.tokens, unlisted: query.unlisted }));
  return c.json({ balances: selectBalances(found, native, query) }, 200);
};

export const poll: AppRouteHandler<typeof routes.poll, ChainsEnv> = async (c) => {
  const body = c.req.valid('json');
  // A malformed signature is bad input (400), as on Ethereum; Gateway answers 200 with txStatus 0 and an error.
  if (!isSignature(body.signature)) throw new BadRequestError(`signature: ${quoteInput(body.signature)} is not a Solana transaction signature (base58 of 64 bytes)`, 'INVALID_SIGNATURE');
  const config = await Config.load(c.env);
  const network = config.network('solana', body.network);
  return c.json(await withRpc(createSolanaClient(network), (connection) => pollTransaction(connection, body.signature)), 200);
};

function isSignature(value: string): boolean {
  // 64 bytes are at most 88 base58 characters: longer input is refused before the (quadratic) decode.
  if (value.length > 88) return false;
  try {
    return bs58.decode(value).length === 64;
  } catch {
    return false;
  }
}

function wrapResponse(outcome: SolanaTransactionOutcome, lamports: bigint, nativeToken: string) {
  return {
    signature: outcome.signature,
    status: outcome.status,
    data: { fee: outcome.fee ?? '0', amount: formatUnits(lamports, SOL_DECIMALS), wrappedAddress: NATIVE_MINT.toBase58(), nativeToken, wrappedToken: WRAPPED_SOL_SYMBOL },
  };
}

export const wrap: AppRouteHandler<typeof routes.wrap, ChainsEnv> = async (c) => {
  const body = c.req.valid('json');
  const lamports = parseAmount(body.amount, SOL_DECIMALS, 'amount', 'u64');
  const { network, address, owner } = await context(c.env, body);
  const idempotency = await idempotencyOf(c, body);
  const answer = await runOnce(c.env, { chain: 'solana', network: network.name, address }, idempotency, async () => {
    const outcome = await sendSolanaTransaction(c.env, address, { network, instructions: wrapInstructions(owner, lamports), kind: 'wrap', idempotencyKey: idempotency?.key });
    return wrapResponse(outcome, lamports, network.nativeCurrencySymbol);
  });
  return c.json(answer, 200);
};

export const unwrap: AppRouteHandler<typeof routes.unwrap, ChainsEnv> = async (c) => {
  const body = c.req.valid('json');
  const requested = body.amount === undefined ? undefined : parseAmount(body.amount, SOL_DECIMALS, 'amount', 'u64');
  const { network, address, owner, client } = await context(c.env, body);
  const idempotency = await idempotencyOf(c, body);
  const answer = await runOnce(c.env, { chain: 'solana', network: network.name, address }, idempotency, async () => {
    const held = await withRpc(client, (connection) => getWrappedBalance(connection, owner));
    if (held === 0n) throw new BadRequestError(`Nothing to unwrap: the WSOL account of ${address} is empty`, 'INSUFFICIENT_BALANCE');
    if (held !== null && requested !== undefined && requested > held) {
      throw new BadRequestError(`Insufficient WSOL balance. Available: ${formatUnits(held, SOL_DECIMALS)}, Required: ${formatUnits(requested, SOL_DECIMALS)}`, 'INSUFFICIENT_BALANCE');
    }
    let outcome: SolanaTransactionOutcome;
    try {
      outcome = await sendSolanaTransaction(c.env, address, { network, instructions: unwrapInstructions(owner), kind: 'unwrap', idempotencyKey: idempotency?.key });
    } catch (error) {
      // No WSOL account: closing it fails simulation. (A retry with the same key, whose first unwrap
      // closed the account but whose answer was never kept, is answered by the signer before simulating.)
      if (held === null && error instanceof HttpError && error.code === 'SIMULATION_FAILED') {
        throw new BadRequestError(`Nothing to unwrap: ${address} has no WSOL account`, 'INSUFFICIENT_BALANCE');
      }
      throw error;
    }
    const closed = held ?? (await withRpc(client, (connection) => getUnwrappedAmount(connection, outcome.signature, owner))) ?? 0n;
    return wrapResponse(outcome, closed, network.nativeCurrencySymbol);
  });
  return c.json(answer, 200);
};

// A local stand-in for Jupiter's Swap API (https://dev.jup.ag/docs/api/swap-api), following its
// published paths, parameters, payloads and errors (types from @jup-ag/api): `GET /swap/v1/quote` and
// `POST /swap/v1/swap`. Behind it is no router over many DEXs but one market maker (market-maker.ts)
// pricing SOL/USDC as a constant-product curve over its real balances on the localnet. Its swap
// transaction is a v0 transaction the market maker has already signed, moving real SOL and SPL tokens
// on litesvm once the user signs it. Like Jupiter's route, it executes at the pool state of `/swap`
// time: the amount out is priced again then, and the client checks it against the quote's threshold.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { QuoteResponse, SwapRequest, SwapResponse } from '@jup-ag/api';
import { createAssociatedTokenAccountIdempotentInstruction, createTransferCheckedInstruction, getAssociatedTokenAddressSync } from '@solana/spl-token';
import { ComputeBudgetProgram, PublicKey, SystemProgram, TransactionMessage, VersionedTransaction, type TransactionInstruction } from '@solana/web3.js';
import { usdcMint } from '../localnet/solana/seed';
import { marketMaker } from './market-maker';

/** Jupiter's mint for SOL: wrapped SOL, which `wrapAndUnwrapSol` (the default) turns into native SOL. */
export const WRAPPED_SOL_MINT = 'So11111111111111111111111111111111111111112';
const USDC_MINT = usdcMint.publicKey.toBase58();
const USDC_DECIMALS = 6;
/** The market maker's fee, in basis points of the amount in. */
const FEE_BPS = 25n;
const BPS = 10_000n;
const DEFAULT_SLIPPAGE_BPS = 50;
const COMPUTE_UNIT_LIMIT = 200_000;
/** Lamports the market maker keeps as rent and fee reserve: never quoted away. */
const LAMPORT_RESERVE = 1_000_000_000n;

export interface JupiterStandIn {
  url: string;
  stop(): Promise<void>;
}

/** What tests change through `POST /__control` (never part of Jupiter's API). */
interface Controls {
  /** Answers the next `times` requests to /swap/v1/* with this status (429 or 5xx), with Retry-After. */
  fault?: { status: number; times: number; retryAfterSeconds: number };
  /** Scales the USDC side of the curve: below 1, SOL is quoted cheaper (the price moved). */
  priceFactor: number;
}

class JupiterError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorCode: string,
  ) {
    super(message);
  }
}

const noRoute = () => new JupiterError(400, 'Could not find any route', 'COULD_NOT_FIND_ANY_ROUTE');

async function rpc<T>(url: string, method: string, params: unknown[]): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error || body.result === undefined) throw new JupiterError(503, `RPC ${method} failed: ${body.error?.message ?? response.status}`, 'RPC_ERROR');
  return body.result;
}

/** The market maker's reserves, read in ONE getMultipleAccounts: lamports above its reserve, USDC units. */
async function reserves(rpcUrl: string, priceFactor: number): Promise<{ sol: bigint; usdc: bigint; usdcHeld: bigint; slot: number }> {
  const usdcAccount = getAssociatedTokenAddressSync(usdcMint.publicKey, marketMaker.publicKey).toBase58();
  const { context, value } = await rpc<{ context: { slot: number }; value: ({ lamports: number; data: [string, string] } | null)[] }>(rpcUrl, 'getMultipleAccounts', [
    [marketMaker.publicKey.toBase58(), usdcAccount],
    { encoding: 'base64' },
  ]);
  const lamports = BigInt(value[0]?.lamports ?? 0);
  // A token account's amount: 8 bytes little-endian at offset 64.
  const usdcHeld = value[1] ? Buffer.from(value[1].data[0], 'base64').readBigUInt64LE(64) : 0n;
  const usdc = (usdcHeld * BigInt(Math.round(priceFactor * 1e6))) / 1_000_000n;
  return { sol: lamports > LAMPORT_RESERVE ? lamports - LAMPORT_RESERVE : 0n, usdc, usdcHeld, slot: context.slot };
}

interface Fill {
  inAmount: bigint;
  outAmount: bigint;
  priceImpactPct: number;
}

/** Constant product with the fee taken from the amount in; undefined when the maker cannot fill it. */
function fill(reserveIn: bigint, reserveOut: bigint, amount: bigint, exactIn: boolean): Fill | undefined {
  if (reserveIn === 0n || reserveOut === 0n) return undefined;
  let inAmount: bigint;
  let outAmount: bigint;
  if (exactIn) {
    inAmount = amount;
    const net = (amount * (BPS - FEE_BPS)) / BPS;
    outAmount = (reserveOut * net) / (reserveIn + net);
  } else {
    if (amount >= reserveOut) return undefined;
    outAmount = amount;
    const net = (reserveIn * amount + (reserveOut - amount) - 1n) / (reserveOut - amount);
    inAmount = (net * BPS + (BPS - FEE_BPS) - 1n) / (BPS - FEE_BPS);
  }
  if (outAmount === 0n) return undefined;
  const spotOut = (Number(inAmount) * Number(reserveOut)) / Number(reserveIn);
  return { inAmount, outAmount, priceImpactPct: Math.max(0, 1 - Number(outAmount) / spotOut) };
}

const BASE58 = /^[1-9A-HJ-NP-Za-km-z]{32,44}$/;

function parseMint(value: string | null, name: string): string {
  if (!value) throw new JupiterError(400, `Query parameter ${name} is required`, 'INVALID_REQUEST');
  if (!BASE58.test(value)) throw new JupiterError(400, `Query parameter ${name} cannot be parsed: Invalid`, 'INVALID_REQUEST');
  if (value !== WRAPPED_SOL_MINT && value !== USDC_MINT) throw new JupiterError(400, `The token ${value} is not tradable`, 'TOKEN_NOT_TRADABLE');
  return value;
}

function parseInteger(value: string | null, name: string, fallback?: number): bigint {
  if (value === null && fallback !== undefined) return BigInt(fallback);
  if (value === null || !/^\d+$/.test(value)) throw new JupiterError(400, `Query parameter ${name} cannot be parsed: invalid digit found in string`, 'INVALID_REQUEST');
  return BigInt(value);
}

async function quote(rpcUrl: string, controls: Controls, query: URLSearchParams): Promise<QuoteResponse> {
  const inputMint = parseMint(query.get('inputMint'), 'inputMint');
  const outputMint = parseMint(query.get('outputMint'), 'outputMint');
  if (inputMint === outputMint) throw new JupiterError(400, 'Circular arbitrage is disabled', 'CIRCULAR_ARBITRAGE_IS_DISABLED');
  const amount = parseInteger(query.get('amount'), 'amount');
  if (amount === 0n) throw new JupiterError(400, 'Amount must be greater than 0', 'INVALID_REQUEST');
  const slippageBps = Number(parseInteger(query.get('slippageBps'), 'slippageBps', DEFAULT_SLIPPAGE_BPS));
  const swapMode = query.get('swapMode') ?? 'ExactIn';
  if (swapMode !== 'ExactIn' && swapMode !== 'ExactOut') throw new JupiterError(400, `Query parameter swapMode cannot be parsed: unknown variant \`${swapMode}\``, 'INVALID_REQUEST');
  const pool = await reserves(rpcUrl, controls.priceFactor);
  const [reserveIn, reserveOut] = inputMint === WRAPPED_SOL_MINT ? [pool.sol, pool.usdc] : [pool.usdc, pool.sol];
  const filled = fill(reserveIn, reserveOut, amount, swapMode === 'ExactIn');
  // The maker never pays out more USDC than it holds, whatever the price factor.
  if (!filled || (outputMint === USDC_MINT && filled.outAmount > pool.usdcHeld)) throw noRoute();
  const slippage = BigInt(slippageBps);
  const otherAmountThreshold = swapMode === 'ExactIn' ? (filled.outAmount * (BPS - slippage)) / BPS : (filled.inAmount * (BPS + slippage)) / BPS;
  return {
    inputMint,
    inAmount: filled.inAmount.toString(),
    outputMint,
    outAmount: filled.outAmount.toString(),
    otherAmountThreshold: otherAmountThreshold.toString(),
    swapMode,
    slippageBps,
    platformFee: undefined,
    priceImpactPct: filled.priceImpactPct.toFixed(6),
    routePlan: [
      {
        swapInfo: { ammKey: marketMaker.publicKey.toBase58(), label: 'Colibri localnet market maker', inputMint, outputMint, inAmount: filled.inAmount.toString(), outAmount: filled.outAmount.toString() },
        percent: 100,
        bps: 10_000,
      },
    ],
    contextSlot: pool.slot,
    timeTaken: 0,
  };
}

/** One leg of the swap: native SOL by the System Program, USDC by the Token Program. */
function move(mint: string, from: PublicKey, to: PublicKey, amount: bigint): TransactionInstruction {
  if (mint === WRAPPED_SOL_MINT) return SystemProgram.transfer({ fromPubkey: from, toPubkey: to, lamports: amount });
  const mintKey = new PublicKey(mint);
  return createTransferCheckedInstruction(getAssociatedTokenAddressSync(mintKey, from), mintKey, getAssociatedTokenAddressSync(mintKey, to), from, amount, USDC_DECIMALS);
}

function parseSwapRequest(body: unknown): SwapRequest {
  const request = body as Partial<SwapRequest> | null;
  if (typeof request?.userPublicKey !== 'string' || !BASE58.test(request.userPublicKey)) throw new JupiterError(400, 'userPublicKey: invalid public key', 'INVALID_REQUEST');
  const quoted = request.quoteResponse;
  if (!quoted || typeof quoted.inAmount !== 'string' || typeof quoted.outAmount !== 'string' || (quoted.swapMode !== 'ExactIn' && quoted.swapMode !== 'ExactOut')) {
    throw new JupiterError(400, 'quoteResponse: invalid quote response', 'INVALID_REQUEST');
  }
  if (request.wrapAndUnwrapSol === false) throw new JupiterError(400, 'wrapAndUnwrapSol: false is not served by the local stand-in (native SOL only)', 'INVALID_REQUEST');
  return request as SwapRequest;
}

async function swap(rpcUrl: string, controls: Controls, body: unknown): Promise<SwapResponse> {
  const request = parseSwapRequest(body);
  const quoted = request.quoteResponse;
  const exactIn = quoted.swapMode === 'ExactIn';
  // Priced again at the state the transaction will meet, as a route executes at the pools' state.
  const fresh = await quote(rpcUrl, controls, new URLSearchParams({ inputMint: quoted.inputMint, outputMint: quoted.outputMint, amount: exactIn ? quoted.inAmount : quoted.outAmount, swapMode: quoted.swapMode, slippageBps: String(quoted.slippageBps) }));
  const user = new PublicKey(request.userPublicKey);
  const maker = marketMaker.publicKey;
  const { blockhash, lastValidBlockHeight } = (await rpc<{ value: { blockhash: string; lastValidBlockHeight: number } }>(rpcUrl, 'getLatestBlockhash', [{ commitment: 'confirmed' }])).value;
  const microLamports = request.computeUnitPriceMicroLamports ?? 0;
  const instructions = [ComputeBudgetProgram.setComputeUnitLimit({ units: COMPUTE_UNIT_LIMIT }), ComputeBudgetProgram.setComputeUnitPrice({ microLamports })];
  if (quoted.outputMint !== WRAPPED_SOL_MINT) {
    const mint = new PublicKey(quoted.outputMint);
    instructions.push(createAssociatedTokenAccountIdempotentInstruction(user, getAssociatedTokenAddressSync(mint, user), user, mint));
  }
  instructions.push(move(quoted.inputMint, user, maker, BigInt(fresh.inAmount)), move(quoted.outputMint, maker, user, BigInt(fresh.outAmount)));
  const transaction = new VersionedTransaction(new TransactionMessage({ payerKey: user, recentBlockhash: blockhash, instructions }).compileToV0Message());
  transaction.sign([marketMaker]);
  return {
    swapTransaction: Buffer.from(transaction.serialize()).toString('base64'),
    lastValidBlockHeight,
    prioritizationFeeLamports: Math.ceil((microLamports * COMPUTE_UNIT_LIMIT) / 1e6),
  };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new JupiterError(400, 'Failed to deserialize the JSON body', 'INVALID_REQUEST');
  }
}

function reply(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** Starts the stand-in on 127.0.0.1 (`port` 0: a free one), pricing from the localnet at `rpcUrl`. */
export async function startJupiterStandIn(options: { rpcUrl: string; port?: number }): Promise<JupiterStandIn> {
  const controls: Controls = { priceFactor: 1 };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const handle = async () => {
      if (request.method === 'POST' && url.pathname === '/__control') {
        Object.assign(controls, await readJson(request));
        return reply(response, 200, controls);
      }
      if (controls.fault && controls.fault.times > 0 && url.pathname.startsWith('/swap/v1/')) {
        controls.fault.times -= 1;
        const { status, retryAfterSeconds } = controls.fault;
        return reply(response, status, { code: status, message: status === 429 ? 'Rate limit exceeded' : 'Service unavailable' }, { 'retry-after': String(retryAfterSeconds) });
      }
      if (request.method === 'GET' && url.pathname === '/swap/v1/quote') return reply(response, 200, await quote(options.rpcUrl, controls, url.searchParams));
      if (request.method === 'POST' && url.pathname === '/swap/v1/swap') return reply(response, 200, await swap(options.rpcUrl, controls, await readJson(request)));
      reply(response, 404, { error: 'Not found', errorCode: 'NOT_FOUND' });
    };
    handle().catch((error: unknown) => {
      if (error instanceof JupiterError) return reply(response, error.status, { error: error.message, errorCode: error.errorCode });
      reply(response, 500, { error: String(error), errorCode: 'INTERNAL_ERROR' });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

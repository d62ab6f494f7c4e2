import { getAssociatedTokenAddressSync, TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID } from '@solana/spl-token';
import { PublicKey, VersionedTransaction, type ParsedTransactionMeta, type TokenBalance } from '@solana/web3.js';
import { formatUnits } from 'viem';
import { mapRpcError } from '../../../chains/solana/client';
import { transactionFee } from '../../../chains/solana/transactionFee';
import { BadRequestError } from '../../../errors';
import type { SwapExecute } from '../../../../schemas/amm';
import type { SwapQuote } from '../../quote';
import type { SolanaRouterContext, SolanaToken, SolanaWallet } from '../../types';
import { postSwap } from '../api';
import { isSol, swapQuoteOf, type JupiterQuote } from './quote';

/** A token account's amount: u64 little-endian at byte 64 (SPL Token and Token-2022 alike). */
const tokenAmount = (data: Buffer) => (data.length >= 72 ? data.readBigUInt64LE(64) : 0n);

/** Where the wallet holds a mint: its associated account under either token program (the one that exists is the one). */
const tokenAccounts = (owner: PublicKey, token: SolanaToken) =>
  [TOKEN_PROGRAM_ID, TOKEN_2022_PROGRAM_ID].map((program) => getAssociatedTokenAddressSync(new PublicKey(token.address), owner, true, program));

type AccountSnapshot = { lamports: number; data: Buffer } | null;

/**
 * What the swap changes for the wallet, per token of the quote, in base units: a token's associated
 * accounts, and SOL as the wallet's lamports with the fee and the rent of token accounts it opens
 * given back.
 */
function deltas(quote: SwapQuote<SolanaToken>, before: AccountSnapshot[], after: AccountSnapshot[], fee: bigint): Map<SolanaToken, bigint> {
  // [wallet, tokenIn's two accounts, tokenOut's two accounts]
  const lamports = (snapshot: AccountSnapshot) => BigInt(snapshot?.lamports ?? 0);
  const units = (snapshots: AccountSnapshot[]) => snapshots.reduce((total, snapshot) => total + (snapshot ? tokenAmount(snapshot.data) : 0n), 0n);
  // The rent of a token account the swap opens for the wallet is not part of the price paid.
  const rent = after.slice(1).reduce((total, snapshot, index) => total + (snapshot && !before[index + 1] ? lamports(snapshot) : 0n), 0n);
  const deltaOf = (token: SolanaToken, at: number) =>
    isSol(token) ? lamports(after[0]) - lamports(before[0]) + fee + rent : units(after.slice(at, at + 2)) - units(before.slice(at, at + 2));
  return new Map([
    [quote.tokenIn, deltaOf(quote.tokenIn, 1)],
    [quote.tokenOut, deltaOf(quote.tokenOut, 3)],
  ]);
}

/**
 * Refuses, before anything is signed, a swap transaction that would fail or would fill worse than the
 * quote's limits (Jupiter prices its route again at /swap time): ONE simulation, with the wallet's
 * accounts read beside it (a second request, in parallel).
 */
async function requireWithinLimits(context: SolanaRouterContext, quote: SwapQuote<SolanaToken>, serialized: string, owner: PublicKey): Promise<void> {
  const transaction = VersionedTransaction.deserialize(Buffer.from(serialized, 'base64'));
  const watched = [owner, ...tokenAccounts(owner, quote.tokenIn), ...tokenAccounts(owner, quote.tokenOut)];
  const { connection } = context.client;
  const [simulation, before] = await Promise.all([
    connection.simulateTransaction(transaction, { sigVerify: false, accounts: { encoding: 'base64', addresses: watched.map((key) => key.toBase58()) } }),
    connection.getMultipleAccountsInfo(watched),
  ]).catch((error) => mapRpcError(error, context.client));
  const { err, logs, accounts } = simulation.value;
  if (err) {
    const tail = (logs ?? []).slice(-3).join(' | ');
    throw new BadRequestError(`Swap would fail and was not sent: ${JSON.stringify(err)}${tail ? `; ${tail}` : ''}`, 'SIMULATION_FAILED');
  }
  const snapshot = (account: { lamports: number; data: Buffer | string[] } | null | undefined): AccountSnapshot =>
    account ? { lamports: account.lamports, data: Array.isArray(account.data) ? Buffer.from(account.data[0], 'base64') : account.data } : null;
  const change = deltas(quote, before.map(snapshot), (accounts ?? []).map(snapshot), transactionFee(transaction));
  const spent = -change.get(quote.tokenIn)!;
  const received = change.get(quote.tokenOut)!;
  const human = (amount: bigint, token: SolanaToken) => `${formatUnits(amount, token.decimals)} ${token.symbol}`;
  // The limit is on the side the quote did not fix: what SELL receives, what BUY spends.
  if (quote.side === 'SELL' ? received < quote.minAmountOut : spent > quote.maxAmountIn) {
    const what = quote.side === 'SELL' ? `receive ${human(received, quote.tokenOut)}, less than the least accepted ${human(quote.minAmountOut, quote.tokenOut)}` : `cost ${human(spent, quote.tokenIn)}, more than the most accepted ${human(quote.maxAmountIn, quote.tokenIn)}`;
    throw new BadRequestError(`Price moved beyond the slippage tolerance (${quote.slippagePct}%): the swap would ${what}. Nothing was sent.`, 'SLIPPAGE_EXCEEDED');
  }
}

/** The wallet's change of a token in a landed transaction, in base units (SOL without the fee). */
function landedDelta(meta: Pick<ParsedTransactionMeta, 'preBalances' | 'postBalances' | 'fee'> & { preTokenBalances?: TokenBalance[] | null; postTokenBalances?: TokenBalance[] | null }, owner: string, token: SolanaToken): bigint {
  // The wallet pays the fee, so it is the first account.
  if (isSol(token)) return BigInt(meta.postBalances[0]) - BigInt(meta.preBalances[0]) + BigInt(meta.fee);
  const held = (balances?: TokenBalance[] | null) =>
    (balances ?? []).filter((balance) => balance.owner === owner && balance.mint === token.address).reduce((total, balance) => total + BigInt(balance.uiTokenAmount.amount), 0n);
  return held(meta.postTokenBalances) - held(meta.preTokenBalances);
}

/**
 * Gets the quote's transaction from Jupiter for the wallet, checks it by simulation, has the wallet's
 * signer sign, send and confirm it, and answers with the balance changes the chain recorded (one
 * `getTransaction`), not the quote's.
 */
export async function sendQuote(context: SolanaRouterContext, quote: JupiterQuote, wallet: SolanaWallet): Promise<SwapExecute> {
  const owner = new PublicKey(wallet.address);
  const limits = swapQuoteOf(quote);
  const { swapTransaction } = await postSwap(context.apiUrl, { userPublicKey: wallet.address, quoteResponse: quote.quoteResponse, wrapAndUnwrapSol: true, dynamicComputeUnitLimit: true });
  await requireWithinLimits(context, limits, swapTransaction, owner);
  const outcome = await wallet.sendPrebuilt(swapTransaction, 'swap');
  if (outcome.status !== 1) return { signature: outcome.signature, status: outcome.status };
  const landed = await context.client.connection
    .getTransaction(outcome.signature, { maxSupportedTransactionVersion: 0, commitment: 'confirmed' })
    .catch((error) => mapRpcError(error, context.client));
  // Confirmed but not yet served by the node: answered as pending, for the client to poll.
  if (!landed?.meta) return { signature: outcome.signature, status: 0 };
  const { base, quote: quoteToken } = quote;
  const [baseDelta, quoteDelta] = [base, quoteToken].map((token) => landedDelta(landed.meta!, wallet.address, token));
  const [spent, received] = quote.side === 'SELL' ? [-baseDelta, quoteDelta] : [-quoteDelta, baseDelta];
  return {
    signature: outcome.signature,
    status: 1,
    data: {
      tokenIn: limits.tokenIn.address,
      tokenOut: limits.tokenOut.address,
      amountIn: Number(formatUnits(spent, limits.tokenIn.decimals)),
      amountOut: Number(formatUnits(received, limits.tokenOut.decimals)),
      fee: Number(outcome.fee ?? formatUnits(BigInt(landed.meta.fee), 9)),
      baseTokenBalanceChange: Number(formatUnits(baseDelta, base.decimals)),
      quoteTokenBalanceChange: Number(formatUnits(quoteDelta, quoteToken.decimals)),
    },
  };
}

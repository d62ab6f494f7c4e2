import { and, eq } from 'drizzle-orm';
import { getAddress, type Address, type Log, type TransactionReceipt } from 'viem';
import { requireClmm } from '../../lib/connectors/actions';
import { poolAbi } from '../../lib/connectors/uniswap/clmm/abi';
import { readMined } from '../../lib/connectors/uniswap/clmm/receipt';
import { Q96 } from '../../lib/connectors/uniswap/clmm/tickMath';
import { Decimal } from '../../lib/decimal';
import { log } from '../../lib/log';
import type { Db } from '../../lib/db/client';
import { gatewayClmmEvents, gatewayClmmPositions } from '../../lib/db/schema';
import type { Token } from '../../schemas/tokens';
import type { EventRecord, PositionRecord } from './clmm.store';
import { gasFee, MAX_PENDING_MS, type NetworkReader, type networkReaders } from './network-readers';
import { parseNetworkId } from './naming';

const BATCH = 200;

/** Quote per base (human units) at a V3 sqrt price, exactly (to 18 fraction digits). */
export function poolPrice(sqrtPriceX96: bigint, base: Token, quote: Token, baseIs0: boolean): Decimal {
  const squared = sqrtPriceX96 * sqrtPriceX96; // token1 per token0 in base units, times 2^192
  const q192 = Q96 * Q96;
  const [numerator, denominator] = baseIs0 ? [squared, q192] : [q192, squared];
  return Decimal.from(numerator * 10n ** BigInt(base.decimals)).dividedBy(Decimal.from(denominator * 10n ** BigInt(quote.decimals)));
}

type Settled = { event: Partial<EventRecord>; position?: Partial<PositionRecord> };

/**
 * An event's outcome from its receipt: what the position manager's events and the wallet's transfers
 * say moved, exactly. OPEN/ADD: the IncreaseLiquidity amounts; REMOVE/CLOSE: the DecreaseLiquidity
 * amounts withdrawn and the rest received as fees; COLLECT: everything received.
 */
async function settleEvent(readers: ReturnType<typeof networkReaders>, event: EventRecord, position: PositionRecord): Promise<Settled | undefined> {
  const reader = await readers(position.network);
  if (!reader) return undefined;
  const receipt = await reader.receipt(event.transactionHash);
  if (!receipt) return Date.now() - event.timestamp.getTime() > MAX_PENDING_MS ? { event: { status: 'FAILED', errorMessage: 'not found on chain: dropped' } } : undefined;
  const paid = { gasFee: gasFee(receipt), gasToken: reader.gasToken };
  if (receipt.status !== 'success') {
    // A position whose opening reverted never existed.
    const never = event.eventType === 'OPEN' ? { position: { status: 'CLOSED' as const, closedAt: new Date() } } : {};
    return { event: { ...paid, status: 'FAILED', errorMessage: 'reverted' }, ...never };
  }
  const base = reader.tokens.require(position.baseTokenAddress);
  const quote = reader.tokens.require(position.quoteTokenAddress);
  const baseIs0 = BigInt(base.address) < BigInt(quote.address);
  const owner = (position.walletAddress ?? getAddress(receipt.from)) as Address;
  const { network } = parseNetworkId(position.network);
  const { dex } = requireClmm(position.connector, network);
  const outcome = { hash: receipt.transactionHash, nonce: 0, status: 1 as const, fee: null, blockNumber: null, logs: receipt.logs as Log[] as never };
  const mined = await readMined(reader.client, outcome, owner, { base, quote, baseIs0 }, dex.positionManager);
  const oriented = (amount0: bigint, amount1: bigint): [Decimal, Decimal] => {
    const [baseUnits, quoteUnits] = baseIs0 ? [amount0, amount1] : [amount1, amount0];
    return [Decimal.fromUnits(baseUnits, base.decimals), Decimal.fromUnits(quoteUnits, quote.decimals)];
  };
  // readMined's deltas are already base then quote.
  const received = [Decimal.fromUnits(mined.deltas[0], base.decimals), Decimal.fromUnits(mined.deltas[1], quote.decimals)];
  const confirmed = { ...paid, status: 'CONFIRMED' as const, errorMessage: null };
  switch (event.eventType) {
    case 'OPEN':
    case 'ADD_LIQUIDITY': {
      const increases = mined.events('IncreaseLiquidity');
      const increase = increases.find((log) => position.positionAddress === null || log.tokenId.toString() === position.positionAddress) ?? increases[0];
      if (!increase) return { event: { ...confirmed, errorMessage: 'no IncreaseLiquidity event in the receipt' } };
      const [baseAmount, quoteAmount] = oriented(increase.amount0, increase.amount1);
      const settled: Settled = { event: { ...confirmed, baseTokenAmount: baseAmount.toString(), quoteTokenAmount: quoteAmount.toString() } };
      if (event.eventType === 'OPEN') settled.position = { positionAddress: increase.tokenId.toString(), walletAddress: owner, entryPrice: (await entryPrice(reader, position, receipt, base, quote, baseIs0)).toString() };
      return settled;
    }
    case 'REMOVE_LIQUIDITY':
    case 'CLOSE': {
      const [decrease] = mined.events('DecreaseLiquidity');
      const [baseAmount, quoteAmount] = decrease ? oriented(decrease.amount0, decrease.amount1) : [Decimal.ZERO, Decimal.ZERO];
      const settled: Settled = {
        event: {
          ...confirmed,
          baseTokenAmount: baseAmount.toString(),
          quoteTokenAmount: quoteAmount.toString(),
          baseFeeCollected: received[0].minus(baseAmount).toString(),
          quoteFeeCollected: received[1].minus(quoteAmount).toString(),
        },
      };
      if (event.eventType === 'CLOSE') settled.position = { status: 'CLOSED', closedAt: new Date() };
      return settled;
    }
    case 'COLLECT_FEES':
      return { event: { ...confirmed, baseFeeCollected: received[0].toString(), quoteFeeCollected: received[1].toString() } };
  }
}

/** The pool's price in the block the position was opened in. */
async function entryPrice(reader: NetworkReader, position: PositionRecord, receipt: TransactionReceipt, base: Token, quote: Token, baseIs0: boolean): Promise<Decimal> {
  const [sqrtPriceX96] = await reader.client.readContract({ address: position.poolAddress as Address, abi: poolAbi, functionName: 'slot0', blockNumber: receipt.blockNumber });
  return poolPrice(sqrtPriceX96, base, quote, baseIs0);
}

/** Confirms or fails every submitted CLMM event (or those of one position) whose receipt the chain has (or that was dropped). */
export async function settleClmmEvents(db: Db, reader: ReturnType<typeof networkReaders>, positionId?: string): Promise<{ settled: number; pending: number }> {
  const submitted = eq(gatewayClmmEvents.status, 'SUBMITTED');
  const pending = await db
    .select({ event: gatewayClmmEvents, position: gatewayClmmPositions })
    .from(gatewayClmmEvents)
    .innerJoin(gatewayClmmPositions, eq(gatewayClmmEvents.positionId, gatewayClmmPositions.id))
    .where(positionId === undefined ? submitted : and(submitted, eq(gatewayClmmEvents.positionId, positionId)))
    .orderBy(gatewayClmmEvents.timestamp)
    .limit(BATCH);
  let settledCount = 0;
  // In order: a position's OPEN settles (and names the position) before its later events.
  for (const { event, position } of pending) {
    const settled = await settleEvent(reader, event, position).catch((error) => {
      log('warn', 'gateway follower: a CLMM event stays pending', { transactionHash: event.transactionHash, error: String(error) });
      return undefined;
    });
    if (!settled) continue;
    const writes = [db.update(gatewayClmmEvents).set(settled.event).where(eq(gatewayClmmEvents.id, event.id))];
    if (settled.position) writes.push(db.update(gatewayClmmPositions).set({ ...settled.position, lastUpdated: new Date() }).where(eq(gatewayClmmPositions.id, position.id)) as never);
    await db.batch(writes as [typeof writes[number], ...typeof writes]);
    if (settled.position?.positionAddress) position.positionAddress = settled.position.positionAddress;
    settledCount++;
  }
  return { settled: settledCount, pending: pending.length - settledCount };
}

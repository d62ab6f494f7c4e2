// The chain behind the RPC: litesvm plus what a validator adds around it: a slot clock with a
// 150-block blockhash window, transaction records with balances before and after, and events.
import { Clock, EpochSchedule, FailedTransactionMetadata, type LiteSVM, type TransactionMetadata } from 'litesvm';
import { AddressLookupTableAccount, MessageAccountKeys, PublicKey, type VersionedMessage } from '@solana/web3.js';
import { tokenBalances, type TokenBalance } from './accounts.js';
import { transactionErrorJson, type TransactionErrorJson } from './errors.js';
import { readAccount, toAccountState, toKitTransaction, type AccountState } from './svm.js';
import { messageFee, type DecodedTransaction } from './transaction.js';

const SLOT_MS = 400;
/** Blocks a blockhash stays usable for, as on mainnet (MAX_PROCESSING_AGE). */
const BLOCKHASH_VALIDITY = 150;
export const SLOTS_PER_EPOCH = 432_000;

export interface InnerInstruction {
  programIdIndex: number;
  accounts: number[];
  data: Uint8Array;
  stackHeight: number;
}

export interface InnerInstructions {
  /** The top-level instruction these were invoked by. */
  index: number;
  instructions: InnerInstruction[];
}

export interface TransactionRecord {
  signature: string;
  slot: number;
  blockTime: number;
  transaction: DecodedTransaction;
  /** Static keys, then those loaded from lookup tables: what balance arrays are indexed by. */
  accountKeys: MessageAccountKeys;
  err: TransactionErrorJson | null;
  fee: bigint;
  /** Micro-lamports per compute unit, from ComputeBudget's SetComputeUnitPrice. */
  computeUnitPrice: bigint;
  computeUnitsConsumed: bigint;
  logs: string[];
  innerInstructions: InnerInstructions[];
  preBalances: bigint[];
  postBalances: bigint[];
  preTokenBalances: TokenBalance[];
  postTokenBalances: TokenBalance[];
}

export interface Simulation {
  err: TransactionErrorJson | null;
  logs: string[];
  unitsConsumed: bigint;
  returnData: { programId: string; data: Uint8Array } | null;
  innerInstructions: InnerInstructions[];
  accountKeys: PublicKey[];
  /** The writable accounts as the transaction would leave them, by address. */
  postAccounts: Map<string, AccountState>;
}

/** `landed: false` is a transaction rejected before execution: nothing charged, nothing recorded. */
export type Execution = { landed: true; record: TransactionRecord } | { landed: false; err: TransactionErrorJson };

export class LocalChain {
  /** Executed transactions by signature, oldest first. */
  readonly records = new Map<string, TransactionRecord>();
  readonly slotListeners = new Set<(slot: number) => void>();
  readonly transactionListeners = new Set<(record: TransactionRecord) => void>();
  private currentSlot = 0;
  private readonly blockhashSlots = new Map<string, number>();
  private readonly genesisTime = BigInt(Math.floor(Date.now() / 1000));
  private timer?: NodeJS.Timeout;

  constructor(readonly svm: LiteSVM) {
    // litesvm accepts only its latest blockhash; the 150-block window is enforced here instead.
    svm.withBlockhashCheck(false);
    svm.setEpochSchedule(new EpochSchedule(BigInt(SLOTS_PER_EPOCH), BigInt(SLOTS_PER_EPOCH), false, 0n, 0n));
    this.setClock();
    this.blockhashSlots.set(svm.latestBlockhash(), this.slot);
  }

  /** The current slot; also the block height, since no slot is ever skipped. */
  get slot(): number {
    return this.currentSlot;
  }

  /** Produces a block every 400 ms, like a validator, so slots move and blockhashes expire. */
  start(): void {
    this.timer = setInterval(() => this.advanceSlot(), SLOT_MS);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  latestBlockhash(): { blockhash: string; lastValidBlockHeight: number } {
    const blockhash = this.svm.latestBlockhash();
    return { blockhash, lastValidBlockHeight: this.blockhashSlots.get(blockhash)! + BLOCKHASH_VALIDITY };
  }

  isBlockhashValid(blockhash: string): boolean {
    const slot = this.blockhashSlots.get(blockhash);
    return slot !== undefined && this.slot <= slot + BLOCKHASH_VALIDITY;
  }

  private advanceSlot(): void {
    this.currentSlot += 1;
    this.setClock();
    this.svm.expireBlockhash();
    this.blockhashSlots.set(this.svm.latestBlockhash(), this.slot);
    for (const [blockhash, slot] of this.blockhashSlots) {
      if (slot + BLOCKHASH_VALIDITY >= this.slot) break;
      this.blockhashSlots.delete(blockhash);
    }
    for (const listener of this.slotListeners) listener(this.slot);
  }

  /** Runs the transaction without committing it; `sigVerify` is off by default, as on a validator. */
  simulate(tx: DecodedTransaction, options: { sigVerify: boolean; replaceRecentBlockhash: boolean }): Simulation {
    const keys = this.check(tx, !options.replaceRecentBlockhash);
    if (!(keys instanceof MessageAccountKeys)) {
      const accountKeys = tx.message.staticAccountKeys;
      return { err: keys, logs: [], unitsConsumed: 0n, returnData: null, innerInstructions: [], accountKeys, postAccounts: new Map() };
    }
    this.svm.withSigverify(options.sigVerify);
    let result;
    try {
      result = this.svm.simulateTransaction(this.kitTransaction(tx));
    } finally {
      this.svm.withSigverify(true);
    }
    const meta = result.meta();
    const simulation = {
      logs: meta.logs(),
      unitsConsumed: meta.computeUnitsConsumed(),
      innerInstructions: innerInstructions(meta),
      accountKeys: keys.keySegments().flat(),
    };
    if (result instanceof FailedTransactionMetadata) {
      return { ...simulation, err: transactionErrorJson(result.err()), returnData: null, postAccounts: new Map() };
    }
    const postAccounts = new Map(result.postAccounts().map((account) => [account.address as string, toAccountState(account)]));
    return { ...simulation, err: null, returnData: returnData(meta), postAccounts };
  }

  execute(tx: DecodedTransaction): Execution {
    const keys = this.check(tx, true);
    if (!(keys instanceof MessageAccountKeys)) return { landed: false, err: keys };
    const accounts = keys.keySegments().flat();
    const balances = () => accounts.map((key) => readAccount(this.svm, key)?.lamports ?? 0n);
    const preBalances = balances();
    const preTokenBalances = tokenBalances(this.svm, accounts);
    const result = this.svm.sendTransaction(this.kitTransaction(tx));
    const postBalances = balances();
    const failed = result instanceof FailedTransactionMetadata;
    const err = failed ? transactionErrorJson(result.err()) : null;
    // Fees are burned, so what the accounts lost in total is exactly the fee charged.
    const fee = sum(preBalances) - sum(postBalances);
    if (err !== null && fee === 0n) return { landed: false, err };

    const meta = failed ? result.meta() : result;
    const record: TransactionRecord = {
      signature: tx.signature,
      slot: this.slot,
      blockTime: Number(this.svm.getClock().unixTimestamp),
      transaction: tx,
      accountKeys: keys,
      err,
      fee,
      computeUnitPrice: messageFee(tx.message).computeUnitPrice,
      computeUnitsConsumed: meta.computeUnitsConsumed(),
      logs: meta.logs(),
      innerInstructions: innerInstructions(meta),
      preBalances,
      postBalances,
      preTokenBalances,
      postTokenBalances: tokenBalances(this.svm, accounts),
    };
    this.records.set(tx.signature, record);
    for (const listener of this.transactionListeners) listener(record);
    // One block per transaction: the next one sees a new slot and a new blockhash.
    this.advanceSlot();
    return { landed: true, record };
  }

  /** The transaction's account keys, or why it would be rejected before execution. */
  private check(tx: DecodedTransaction, checkBlockhash: boolean): MessageAccountKeys | TransactionErrorJson {
    if (checkBlockhash && !this.isBlockhashValid(tx.message.recentBlockhash)) return 'BlockhashNotFound';
    if (this.records.has(tx.signature)) return 'AlreadyProcessed';
    return this.accountKeys(tx.message) ?? 'AddressLookupTableNotFound';
  }

  private accountKeys(message: VersionedMessage): MessageAccountKeys | null {
    const addressLookupTableAccounts: AddressLookupTableAccount[] = [];
    for (const { accountKey } of message.addressTableLookups) {
      const table = readAccount(this.svm, accountKey);
      if (!table) return null;
      const state = AddressLookupTableAccount.deserialize(table.data);
      addressLookupTableAccounts.push(new AddressLookupTableAccount({ key: accountKey, state }));
    }
    return message.getAccountKeys({ addressLookupTableAccounts });
  }

  private kitTransaction(tx: DecodedTransaction) {
    const signers = tx.message.staticAccountKeys.slice(0, tx.message.header.numRequiredSignatures);
    return toKitTransaction(tx.messageBytes, signers, tx.signatures);
  }

  private setClock(): void {
    const now = BigInt(Math.floor(Date.now() / 1000));
    const epoch = BigInt(Math.floor(this.slot / SLOTS_PER_EPOCH));
    this.svm.setClock(new Clock(BigInt(this.slot), this.genesisTime, epoch, epoch + 1n, now));
  }
}

const sum = (values: bigint[]) => values.reduce((total, value) => total + value, 0n);

function innerInstructions(meta: TransactionMetadata): InnerInstructions[] {
  return meta.innerInstructions().flatMap((list, index) => {
    if (list.length === 0) return [];
    const instructions = list.map((inner) => {
      const instruction = inner.instruction();
      return {
        programIdIndex: instruction.programIdIndex(),
        accounts: Array.from(instruction.accounts()),
        data: instruction.data(),
        stackHeight: inner.stackHeight(),
      };
    });
    return [{ index, instructions }];
  });
}

function returnData(meta: TransactionMetadata): Simulation['returnData'] {
  const returned = meta.returnData();
  const data = returned.data();
  return data.length > 0 ? { programId: new PublicKey(returned.programId()).toBase58(), data } : null;
}

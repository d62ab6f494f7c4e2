// The HTTP JSON-RPC methods: what @solana/web3.js 1.x `Connection` calls for reads, fees,
// airdrops, sending, simulating and confirming transactions.
import { PublicKey, SystemProgram, Transaction, VersionedMessage } from '@solana/web3.js';
import { decodeTokenAccount, encodeAccount, isTokenProgram, mintDecimals, uiTokenAmount, type AccountEncoding, type DataSlice } from './accounts.js';
import { encodeBase58 } from './base58.js';
import { SLOTS_PER_EPOCH, type LocalChain } from './chain.js';
import { RpcError, describeTransactionError } from './errors.js';
import { uiSimulation, uiTransactionResult, type SimulationOptions, type TransactionEncoding } from './format.js';
import { pubkeyParam, stringParam, type RpcMethod } from './jsonrpc.js';
import { faucet } from './seed.js';
import { readAccount, readProgramAccounts } from './svm.js';
import { decodeBytes, decodeTransaction, messageFee, type BinaryEncoding } from './transaction.js';

// litesvm is no validator release; clients only display this.
const SOLANA_CORE_VERSION = '2.3.0';
const GENESIS_HASH = encodeBase58(new TextEncoder().encode('colibri-localnet-genesis-hash-01'));
/** Slots `getRecentPrioritizationFees` looks back over, as a validator's cache does. */
const PRIORITIZATION_FEE_SLOTS = 150;

interface AccountConfig {
  encoding?: AccountEncoding;
  dataSlice?: DataSlice;
}

interface SendConfig {
  encoding?: BinaryEncoding;
  skipPreflight?: boolean;
}

interface SimulateConfig {
  encoding?: BinaryEncoding;
  sigVerify?: boolean;
  replaceRecentBlockhash?: boolean;
  accounts?: SimulationOptions['accounts'];
  innerInstructions?: boolean;
}

interface TransactionConfig {
  encoding?: TransactionEncoding;
  maxSupportedTransactionVersion?: number;
}

interface SignaturesConfig {
  limit?: number;
  before?: string;
  until?: string;
}

export function rpcMethods(chain: LocalChain): Record<string, RpcMethod> {
  const { svm } = chain;
  const withContext = (value: unknown) => ({ context: { slot: chain.slot, apiVersion: SOLANA_CORE_VERSION }, value });
  // Without an encoding validators answer a legacy base58 string; clients always pass one.
  const account = (key: PublicKey, config: AccountConfig) => {
    const state = readAccount(svm, key);
    return state && encodeAccount(svm, state, config.encoding ?? 'base64', config.dataSlice);
  };

  return {
    getVersion: () => ({ 'solana-core': SOLANA_CORE_VERSION, 'feature-set': 0 }),
    getHealth: () => 'ok',
    getGenesisHash: () => GENESIS_HASH,
    getSlot: () => chain.slot,
    getBlockHeight: () => chain.slot,
    getEpochInfo: () => ({
      absoluteSlot: chain.slot,
      blockHeight: chain.slot,
      epoch: Math.floor(chain.slot / SLOTS_PER_EPOCH),
      slotIndex: chain.slot % SLOTS_PER_EPOCH,
      slotsInEpoch: SLOTS_PER_EPOCH,
      transactionCount: chain.records.size,
    }),
    getLatestBlockhash: () => withContext(chain.latestBlockhash()),
    isBlockhashValid: ([blockhash]) => withContext(chain.isBlockhashValid(stringParam(blockhash))),

    getBalance: ([key]) => withContext(Number(readAccount(svm, pubkeyParam(key))?.lamports ?? 0n)),
    getAccountInfo: ([key, config = {}]) => withContext(account(pubkeyParam(key), config as AccountConfig)),
    getMultipleAccounts: ([keys, config = {}]) => {
      if (!Array.isArray(keys)) throw new RpcError(-32602, 'Invalid params: expected an array of pubkeys');
      return withContext(keys.map((key) => account(pubkeyParam(key), config as AccountConfig)));
    },
    getMinimumBalanceForRentExemption: ([size]) => Number(svm.minimumBalanceForRentExemption(BigInt(Number(size ?? 0)))),

    getTokenAccountsByOwner: ([ownerParam, filterParam, configParam = {}]) => {
      const owner = pubkeyParam(ownerParam);
      const filter = (filterParam ?? {}) as { mint?: string; programId?: string };
      const config = configParam as AccountConfig;
      const mint = filter.mint === undefined ? undefined : pubkeyParam(filter.mint);
      const programId = mint ? readAccount(svm, mint)?.owner : filter.programId;
      if (mint && !(programId && isTokenProgram(programId))) throw new RpcError(-32602, 'Invalid param: could not find mint');
      if (!programId || !isTokenProgram(programId)) throw new RpcError(-32602, 'Invalid param: unrecognized Token program id');
      const accounts = readProgramAccounts(svm, programId).filter(({ account: state }) => {
        const tokenAccount = decodeTokenAccount(state);
        return tokenAccount?.owner.equals(owner) && (!mint || tokenAccount.mint.equals(mint));
      });
      return withContext(accounts.map(({ pubkey, account: state }) => ({
        pubkey,
        account: encodeAccount(svm, state, config.encoding ?? 'base64', config.dataSlice),
      })));
    },
    getTokenAccountBalance: ([key]) => {
      const state = readAccount(svm, pubkeyParam(key));
      const tokenAccount = state && decodeTokenAccount(state);
      const decimals = tokenAccount && mintDecimals(svm, tokenAccount.mint);
      if (!tokenAccount || decimals === null) throw new RpcError(-32602, 'Invalid param: not a Token account');
      return withContext(uiTokenAmount(tokenAccount.amount, decimals));
    },

    getFeeForMessage: ([encoded]) => {
      const message = VersionedMessage.deserialize(decodeBytes(stringParam(encoded), 'base64'));
      return withContext(chain.isBlockhashValid(message.recentBlockhash) ? Number(messageFee(message).fee) : null);
    },
    // Per slot, the lowest compute unit price among the transactions that write-locked any of
    // the given accounts (any transaction, when none are given); 0 for slots without one.
    getRecentPrioritizationFees: ([addresses = []]) => {
      const locked = new Set((addresses as unknown[]).map((address) => pubkeyParam(address).toBase58()));
      const firstSlot = Math.max(0, chain.slot - PRIORITIZATION_FEE_SLOTS + 1);
      const fees = new Map<number, bigint>();
      for (const record of chain.records.values()) {
        const { message } = record.transaction;
        const keys = record.accountKeys.keySegments().flat();
        const locks = locked.size === 0 || keys.some((key, index) => locked.has(key.toBase58()) && message.isAccountWritable(index));
        const lowest = fees.get(record.slot);
        if (record.slot >= firstSlot && locks && (lowest === undefined || record.computeUnitPrice < lowest)) {
          fees.set(record.slot, record.computeUnitPrice);
        }
      }
      return Array.from({ length: chain.slot - firstSlot + 1 }, (_, i) => ({
        slot: firstSlot + i,
        prioritizationFee: Number(fees.get(firstSlot + i) ?? 0n),
      }));
    },

    // A real transfer from the faucet, so the airdrop confirms and shows up like any transaction.
    requestAirdrop: ([key, lamports]) => {
      const transaction = new Transaction({ feePayer: faucet.publicKey, ...chain.latestBlockhash() }).add(
        SystemProgram.transfer({ fromPubkey: faucet.publicKey, toPubkey: pubkeyParam(key), lamports: Number(lamports) }),
      );
      transaction.sign(faucet);
      const execution = chain.execute(decodeTransaction(transaction.serialize().toString('base64'), 'base64'));
      if (!execution.landed || execution.record.err !== null) throw new RpcError(-32603, 'Internal error: airdrop failed');
      return execution.record.signature;
    },
    sendTransaction: ([encoded, configParam = {}]) => {
      const config = configParam as SendConfig;
      const tx = decodeTransaction(stringParam(encoded), config.encoding ?? 'base58');
      if (!config.skipPreflight) {
        const simulation = chain.simulate(tx, { sigVerify: true, replaceRecentBlockhash: false });
        if (simulation.err === 'SignatureFailure') throw new RpcError(-32003, 'Transaction signature verification failure');
        if (simulation.err !== null) {
          const message = `Transaction simulation failed: ${describeTransactionError(simulation.err)}`;
          throw new RpcError(-32002, message, uiSimulation(svm, simulation));
        }
      }
      // A transaction rejected before execution is dropped silently, as a validator drops it.
      chain.execute(tx);
      return tx.signature;
    },
    simulateTransaction: ([encoded, configParam = {}]) => {
      const config = configParam as SimulateConfig;
      const replaceRecentBlockhash = config.replaceRecentBlockhash ?? false;
      if (config.sigVerify && replaceRecentBlockhash) {
        throw new RpcError(-32602, 'Invalid params: sigVerify may not be used with replaceRecentBlockhash');
      }
      const tx = decodeTransaction(stringParam(encoded), config.encoding ?? 'base58');
      const simulation = chain.simulate(tx, { sigVerify: config.sigVerify ?? false, replaceRecentBlockhash });
      return withContext(uiSimulation(svm, simulation, {
        accounts: config.accounts,
        innerInstructions: config.innerInstructions,
        replacementBlockhash: replaceRecentBlockhash ? chain.latestBlockhash() : undefined,
      }));
    },

    // Every executed transaction is final at once: there are no forks to wait out.
    getSignatureStatuses: ([signatures]) => {
      if (!Array.isArray(signatures)) throw new RpcError(-32602, 'Invalid params: expected an array of signatures');
      return withContext(signatures.map((signature) => {
        const record = chain.records.get(stringParam(signature));
        if (!record) return null;
        const status = record.err === null ? { Ok: null } : { Err: record.err };
        return { slot: record.slot, confirmations: null, err: record.err, status, confirmationStatus: 'finalized' };
      }));
    },
    getTransaction: ([signature, configParam]) => {
      const config = (typeof configParam === 'object' && configParam !== null ? configParam : {}) as TransactionConfig;
      const encoding = config.encoding ?? 'json';
      if (encoding !== 'json' && encoding !== 'jsonParsed') throw new RpcError(-32602, `Invalid params: unsupported encoding ${encoding}`);
      const record = chain.records.get(stringParam(signature));
      if (!record) return null;
      if (record.transaction.message.version === 0 && config.maxSupportedTransactionVersion === undefined) {
        throw new RpcError(
          -32015,
          'Transaction version (0) is not supported by the requesting client. Please try the request again with the following configuration parameter: "maxSupportedTransactionVersion": 0',
        );
      }
      return uiTransactionResult(record, encoding, config.maxSupportedTransactionVersion !== undefined);
    },
    // Newest first; `before`/`until` are exclusive bounds, as on a validator.
    getSignaturesForAddress: ([key, configParam = {}]) => {
      const address = pubkeyParam(key);
      const { limit = 1000, before, until } = configParam as SignaturesConfig;
      const records = [...chain.records.values()]
        .filter((record) => record.accountKeys.keySegments().flat().some((accountKey) => accountKey.equals(address)))
        .reverse();
      const start = before === undefined ? 0 : records.findIndex((record) => record.signature === before) + 1;
      const untilIndex = until === undefined ? -1 : records.findIndex((record) => record.signature === until);
      const end = untilIndex === -1 ? records.length : untilIndex;
      if (before !== undefined && start === 0) return [];
      return records.slice(start, end).slice(0, limit).map((record) => ({
        signature: record.signature,
        slot: record.slot,
        err: record.err,
        memo: null,
        blockTime: record.blockTime,
        confirmationStatus: 'finalized',
      }));
    },
  };
}

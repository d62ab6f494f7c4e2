// Transaction records and simulations in the JSON shapes `getTransaction` and `simulateTransaction`
// return. Instructions are not parsed into `{program, parsed}`: `jsonParsed` gives them as
// `{programId, accounts, data}`, which a validator also does for programs it cannot parse.
import type { LiteSVM } from 'litesvm';
import type { MessageAddressTableLookup, PublicKey } from '@solana/web3.js';
import { encodeAccount, type AccountEncoding } from './accounts.js';
import { encodeBase58 } from './base58.js';
import type { InnerInstructions, Simulation, TransactionRecord } from './chain.js';
import { readAccount } from './svm.js';

export type TransactionEncoding = 'json' | 'jsonParsed';

export function uiTransactionResult(record: TransactionRecord, encoding: TransactionEncoding, withVersion: boolean) {
  const { message } = record.transaction;
  return {
    slot: record.slot,
    blockTime: record.blockTime,
    meta: uiMeta(record, encoding),
    transaction: {
      signatures: record.transaction.signatures.map(encodeBase58),
      message: encoding === 'json' ? uiMessage(record) : uiParsedMessage(record),
    },
    ...(withVersion ? { version: message.version } : {}),
  };
}

function uiMessage({ transaction: { message } }: TransactionRecord) {
  return {
    accountKeys: message.staticAccountKeys.map((key) => key.toBase58()),
    header: message.header,
    instructions: message.compiledInstructions.map((instruction) => ({
      programIdIndex: instruction.programIdIndex,
      accounts: instruction.accountKeyIndexes,
      data: encodeBase58(instruction.data),
      stackHeight: null,
    })),
    recentBlockhash: message.recentBlockhash,
    ...uiLookups(message.version, message.addressTableLookups),
  };
}

function uiParsedMessage(record: TransactionRecord) {
  const { message } = record.transaction;
  const keys = record.accountKeys.keySegments().flat();
  return {
    accountKeys: keys.map((key, index) => ({
      pubkey: key.toBase58(),
      signer: message.isAccountSigner(index),
      writable: message.isAccountWritable(index),
      source: index < message.staticAccountKeys.length ? 'transaction' : 'lookupTable',
    })),
    instructions: message.compiledInstructions.map((instruction) => ({
      ...partiallyDecoded(keys, instruction.programIdIndex, instruction.accountKeyIndexes, instruction.data),
      stackHeight: null,
    })),
    recentBlockhash: message.recentBlockhash,
    ...uiLookups(message.version, message.addressTableLookups),
  };
}

function uiLookups(version: 'legacy' | 0, lookups: MessageAddressTableLookup[]) {
  if (version === 'legacy') return {};
  const addressTableLookups = lookups.map((lookup) => ({
    accountKey: lookup.accountKey.toBase58(),
    writableIndexes: lookup.writableIndexes,
    readonlyIndexes: lookup.readonlyIndexes,
  }));
  return { addressTableLookups };
}

function uiMeta(record: TransactionRecord, encoding: TransactionEncoding) {
  const keys = record.accountKeys.keySegments().flat();
  const loaded = record.accountKeys.accountKeysFromLookups;
  return {
    err: record.err,
    status: record.err === null ? { Ok: null } : { Err: record.err },
    fee: Number(record.fee),
    preBalances: record.preBalances.map(Number),
    postBalances: record.postBalances.map(Number),
    innerInstructions: uiInnerInstructions(record.innerInstructions, keys, encoding),
    logMessages: record.logs,
    preTokenBalances: record.preTokenBalances,
    postTokenBalances: record.postTokenBalances,
    rewards: [],
    ...(encoding === 'json'
      ? {
          loadedAddresses: {
            writable: (loaded?.writable ?? []).map((key) => key.toBase58()),
            readonly: (loaded?.readonly ?? []).map((key) => key.toBase58()),
          },
        }
      : {}),
    computeUnitsConsumed: Number(record.computeUnitsConsumed),
  };
}

function uiInnerInstructions(inner: InnerInstructions[], keys: PublicKey[], encoding: TransactionEncoding) {
  return inner.map(({ index, instructions }) => ({
    index,
    instructions: instructions.map(({ programIdIndex, accounts, data, stackHeight }) =>
      encoding === 'json'
        ? { programIdIndex, accounts, data: encodeBase58(data), stackHeight }
        : { ...partiallyDecoded(keys, programIdIndex, accounts, data), stackHeight },
    ),
  }));
}

function partiallyDecoded(keys: PublicKey[], programIdIndex: number, accounts: number[], data: Uint8Array) {
  return {
    programId: keys[programIdIndex].toBase58(),
    accounts: accounts.map((index) => keys[index].toBase58()),
    data: encodeBase58(data),
  };
}

export interface SimulationOptions {
  /** Accounts to return as the transaction would leave them. */
  accounts?: { addresses: string[]; encoding?: AccountEncoding };
  innerInstructions?: boolean;
  replacementBlockhash?: { blockhash: string; lastValidBlockHeight: number };
}

export function uiSimulation(svm: LiteSVM, simulation: Simulation, options: SimulationOptions = {}) {
  const { accounts } = options;
  return {
    err: simulation.err,
    logs: simulation.logs,
    accounts:
      accounts && simulation.err === null
        ? accounts.addresses.map((address) => {
            const state = simulation.postAccounts.get(address) ?? readAccount(svm, address);
            return state && state.lamports > 0n ? encodeAccount(svm, state, accounts.encoding ?? 'base64') : null;
          })
        : null,
    unitsConsumed: Number(simulation.unitsConsumed),
    returnData: simulation.returnData && {
      programId: simulation.returnData.programId,
      data: [Buffer.from(simulation.returnData.data).toString('base64'), 'base64'],
    },
    innerInstructions: options.innerInstructions
      ? uiInnerInstructions(simulation.innerInstructions, simulation.accountKeys, 'jsonParsed')
      : null,
    replacementBlockhash: options.replacementBlockhash ?? null,
  };
}

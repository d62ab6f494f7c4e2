import type { Address, Hex } from 'viem';
import type { EvmNetwork } from '../chains/ethereum/client';
import type { EvmTransactionRequest } from '../chains/ethereum/actions/transactions';
import type { SolanaNetwork } from '../chains/solana/client';
import type { PlainInstruction } from '../chains/solana/instructions';
import type { TransactionIntent } from './core';

export interface EvmTransactionIntent extends TransactionIntent {
  network: EvmNetwork;
  request: EvmTransactionRequest;
}

export interface EvmTransactionOutcome {
  hash: `0x${string}`;
  nonce: number;
  /** 1 confirmed, 0 still pending when the wait ended, -1 reverted. */
  status: 1 | 0 | -1;
  /** Fee paid in the native currency (decimal string), once mined. */
  fee: string | null;
  blockNumber: number | null;
  /** The receipt's logs when the transaction was mined during this call (saves reading the receipt again). */
  logs?: { address: Address; topics: Hex[]; data: Hex }[];
}

/** Errors do not keep their class across a Durable Object call, so HTTP errors travel as values. */

interface SolanaIntentBase extends TransactionIntent {
  network: SolanaNetwork;
}

/** Instructions the signer makes into one transaction of its own, after the compute budget it sets. */
export interface SolanaInstructionsIntent extends SolanaIntentBase {
  instructions: PlainInstruction[];
}

/**
 * A transaction built elsewhere (an aggregator's swap, already signed by its other parties), paid by
 * the wallet: signed as it is, so its blockhash and compute budget are the builder's.
 */
export interface SolanaPrebuiltIntent extends SolanaIntentBase {
  /** The serialized v0 transaction, base64. */
  transaction: string;
}

export type SolanaTransactionIntent = SolanaInstructionsIntent | SolanaPrebuiltIntent;

export interface SolanaTransactionOutcome {
  signature: string;
  /** 1 confirmed, 0 still pending when the wait ended, -1 landed with an error. */
  status: 1 | 0 | -1;
  /** Fee paid in SOL (decimal string), once landed. */
  fee: string | null;
  slot: number | null;
}

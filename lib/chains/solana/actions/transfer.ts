import {
  createAssociatedTokenAccountIdempotentInstruction,
  createTransferCheckedInstruction,
  getAssociatedTokenAddressSync,
  TOKEN_2022_PROGRAM_ID,
  TOKEN_PROGRAM_ID,
} from '@solana/spl-token';
import { PublicKey, SystemProgram, type Connection, type TransactionInstruction } from '@solana/web3.js';
import type { Token } from '../../../../schemas/tokens';
import { BadRequestError, NotFoundError } from '../../../errors';

export type TransferParameters = {
  from: PublicKey;
  to: PublicKey;
  /** Base units: lamports, or the token's smallest unit. */
  amount: bigint;
  /** Omit for SOL. */
  token?: Token;
};

/**
 * Instructions sending SOL, or an SPL token (Token or Token-2022) from the sender's associated account
 * to the recipient's, created when missing. An SPL token costs one RPC request: its mint's program.
 */
export async function transferInstructions(connection: Connection, { from, to, amount, token }: TransferParameters): Promise<TransactionInstruction[]> {
  if (!token) return [SystemProgram.transfer({ fromPubkey: from, toPubkey: to, lamports: amount })];
  // A token account or program address is off the curve: tokens sent to its associated account would be stuck.
  if (!PublicKey.isOnCurve(to.toBytes())) {
    throw new BadRequestError(`toAddress: ${to.toBase58()} is not a wallet address (it is off the ed25519 curve: a program or token account?)`, 'INVALID_ADDRESS');
  }
  const mint = new PublicKey(token.address);
  const program = (await connection.getAccountInfo(mint))?.owner;
  if (!program || !(program.equals(TOKEN_PROGRAM_ID) || program.equals(TOKEN_2022_PROGRAM_ID))) {
    throw new NotFoundError(`Token ${token.symbol} not found: no SPL token mint at ${token.address}`, 'TOKEN_NOT_FOUND');
  }
  const source = getAssociatedTokenAddressSync(mint, from, true, program);
  const destination = getAssociatedTokenAddressSync(mint, to, false, program);
  return [
    createAssociatedTokenAccountIdempotentInstruction(from, destination, to, mint, program),
    createTransferCheckedInstruction(source, mint, destination, from, amount, token.decimals, [], program),
  ];
}

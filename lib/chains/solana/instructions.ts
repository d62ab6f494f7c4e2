import { PublicKey, TransactionInstruction } from '@solana/web3.js';

/** An instruction as plain data: what can cross the Durable Object boundary (class instances cannot). */
export type PlainInstruction = {
  programId: string;
  keys: { pubkey: string; isSigner: boolean; isWritable: boolean }[];
  data: Uint8Array;
};

export function toPlainInstruction(instruction: TransactionInstruction): PlainInstruction {
  return {
    programId: instruction.programId.toBase58(),
    keys: instruction.keys.map((key) => ({ pubkey: key.pubkey.toBase58(), isSigner: key.isSigner, isWritable: key.isWritable })),
    data: new Uint8Array(instruction.data),
  };
}

export function fromPlainInstruction(instruction: PlainInstruction): TransactionInstruction {
  return new TransactionInstruction({
    programId: new PublicKey(instruction.programId),
    keys: instruction.keys.map((key) => ({ ...key, pubkey: new PublicKey(key.pubkey) })),
    data: Buffer.from(instruction.data),
  });
}

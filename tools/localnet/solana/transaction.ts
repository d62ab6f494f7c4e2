// Wire transactions as clients send them: decoding, and the fee a message will be charged.
import { ComputeBudgetProgram, SystemProgram, VersionedMessage } from '@solana/web3.js';
import { decodeBase58, encodeBase58 } from './base58.js';
import { RpcError } from './errors.js';

export interface DecodedTransaction {
  /** The transaction id: the fee payer's signature, base58. */
  signature: string;
  signatures: Uint8Array[];
  messageBytes: Uint8Array;
  message: VersionedMessage;
}

export type BinaryEncoding = 'base58' | 'base64';

const LAMPORTS_PER_SIGNATURE = 5000n;
const MAX_COMPUTE_UNIT_LIMIT = 1_400_000n;
const DEFAULT_INSTRUCTION_COMPUTE_UNITS = 200_000n;
// Since agave 2.x a builtin (native) instruction reserves 3,000 units instead of 200,000; litesvm agrees.
const BUILTIN_INSTRUCTION_COMPUTE_UNITS = 3_000n;
const BUILTIN_PROGRAMS = new Set([
  SystemProgram.programId.toBase58(),
  ComputeBudgetProgram.programId.toBase58(),
  'AddressLookupTab1e1111111111111111111111111',
  'BPFLoaderUpgradeab1e11111111111111111111111',
  'BPFLoader2111111111111111111111111111111111',
  'BPFLoader1111111111111111111111111111111111',
  'LoaderV411111111111111111111111111111111111',
]);

export function decodeBytes(encoded: string, encoding: BinaryEncoding): Uint8Array {
  if (encoding === 'base64') return new Uint8Array(Buffer.from(encoded, 'base64'));
  try {
    return decodeBase58(encoded);
  } catch (error) {
    throw new RpcError(-32602, `invalid base58 encoding: ${(error as Error).message}`);
  }
}

export function decodeTransaction(encoded: string, encoding: BinaryEncoding): DecodedTransaction {
  const wire = decodeBytes(encoded, encoding);
  try {
    const [count, offset] = readCompactU16(wire, 0);
    const signatures = Array.from({ length: count }, (_, i) => wire.slice(offset + 64 * i, offset + 64 * (i + 1)));
    const messageBytes = wire.slice(offset + 64 * count);
    const message = VersionedMessage.deserialize(messageBytes);
    if (count === 0 || count !== message.header.numRequiredSignatures || signatures[count - 1].length !== 64) throw new Error();
    return { signature: encodeBase58(signatures[0]), signatures, messageBytes, message };
  } catch {
    throw new RpcError(-32602, 'invalid transaction: Transaction failed to sanitize accounts offsets correctly');
  }
}

/** Base fee per signature plus the priority fee (compute unit price x requested limit), in lamports. */
export function messageFee(message: VersionedMessage): { fee: bigint; computeUnitPrice: bigint } {
  let limit: bigint | undefined;
  let computeUnitPrice = 0n;
  let defaultLimit = 0n;
  for (const instruction of message.compiledInstructions) {
    const programId = message.staticAccountKeys[instruction.programIdIndex].toBase58();
    defaultLimit += BUILTIN_PROGRAMS.has(programId) ? BUILTIN_INSTRUCTION_COMPUTE_UNITS : DEFAULT_INSTRUCTION_COMPUTE_UNITS;
    if (programId !== ComputeBudgetProgram.programId.toBase58()) continue;
    const data = Buffer.from(instruction.data);
    if (data[0] === 2) limit = BigInt(data.readUInt32LE(1));
    if (data[0] === 3) computeUnitPrice = data.readBigUInt64LE(1);
  }
  const requested = limit ?? defaultLimit;
  const units = requested < MAX_COMPUTE_UNIT_LIMIT ? requested : MAX_COMPUTE_UNIT_LIMIT;
  const priorityFee = (computeUnitPrice * units + 999_999n) / 1_000_000n;
  return { fee: LAMPORTS_PER_SIGNATURE * BigInt(message.header.numRequiredSignatures) + priorityFee, computeUnitPrice };
}

function readCompactU16(bytes: Uint8Array, offset: number): [value: number, next: number] {
  let value = 0;
  for (let i = 0; i < 3; i++) {
    const byte = bytes[offset + i];
    value |= (byte & 0x7f) << (7 * i);
    if ((byte & 0x80) === 0) return [value, offset + i + 1];
  }
  throw new Error('compact-u16 overflow');
}

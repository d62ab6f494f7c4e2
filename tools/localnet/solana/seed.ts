// Deterministic localnet state, written straight into litesvm like a genesis config (no
// transactions), so every machine gets the same addresses and balances.
//
// All keys here are PUBLIC TEST KEYS: each keypair comes from a 32-byte seed that is the ASCII text
// below. Never send real funds to them. The derived addresses are mirrored in
// lib/chains/solana/localnet.ts (a test checks they agree).
import type { LiteSVM } from 'litesvm';
import { Keypair, LAMPORTS_PER_SOL, PublicKey, SystemProgram } from '@solana/web3.js';
import {
  ACCOUNT_SIZE,
  AccountLayout,
  AccountState,
  MINT_SIZE,
  MintLayout,
  TOKEN_PROGRAM_ID,
  getAssociatedTokenAddressSync,
} from '@solana/spl-token';
import { writeAccount } from './svm.js';

const seedKeypair = (text: string) => Keypair.fromSeed(new TextEncoder().encode(text));

/** The dev wallet; also the USDC mint authority. */
export const devWallet = seedKeypair('colibri-localnet-dev-wallet-0001');
/** The USDC mint's keypair: only its address matters. */
export const usdcMint = seedKeypair('colibri-localnet-usdc-mint--0001');
/** Pays `requestAirdrop`s with real transfers, so airdrops have signatures like any transaction. */
export const faucet = seedKeypair('colibri-localnet-faucet-----0001');

export const DEV_WALLET_LAMPORTS = 1000n * BigInt(LAMPORTS_PER_SOL);
export const USDC_DECIMALS = 6;
export const DEV_WALLET_USDC = 1_000_000n * 10n ** BigInt(USDC_DECIMALS);
// 1M SOL: lamport balances stay below 2^53, since the RPC returns them as JSON numbers.
const FAUCET_LAMPORTS = 1_000_000n * BigInt(LAMPORTS_PER_SOL);

export function seedLocalnet(svm: LiteSVM): void {
  // litesvm ships the SPL programs (Token, Token-2022, ATA) but not the wrapped SOL mints.
  svm.withNativeMints();
  const rentExempt = (size: number) => svm.minimumBalanceForRentExemption(BigInt(size));
  const system = SystemProgram.programId.toBase58();
  const empty = new Uint8Array(0);
  writeAccount(svm, devWallet.publicKey, { lamports: DEV_WALLET_LAMPORTS, data: empty, owner: system, executable: false });
  writeAccount(svm, faucet.publicKey, { lamports: FAUCET_LAMPORTS, data: empty, owner: system, executable: false });

  const mint = Buffer.alloc(MINT_SIZE);
  MintLayout.encode(
    {
      mintAuthorityOption: 1,
      mintAuthority: devWallet.publicKey,
      supply: DEV_WALLET_USDC,
      decimals: USDC_DECIMALS,
      isInitialized: true,
      freezeAuthorityOption: 0,
      freezeAuthority: PublicKey.default,
    },
    mint,
  );
  const token = TOKEN_PROGRAM_ID.toBase58();
  writeAccount(svm, usdcMint.publicKey, { lamports: rentExempt(MINT_SIZE), data: mint, owner: token, executable: false });

  writeTokenAccount(svm, usdcMint.publicKey, devWallet.publicKey, DEV_WALLET_USDC);
}

/** Writes `owner`'s associated (SPL Token) account of `mint` holding `amount` base units. */
export function writeTokenAccount(svm: LiteSVM, mint: PublicKey, owner: PublicKey, amount: bigint): void {
  const account = Buffer.alloc(ACCOUNT_SIZE);
  AccountLayout.encode(
    {
      mint,
      owner,
      amount,
      delegateOption: 0,
      delegate: PublicKey.default,
      state: AccountState.Initialized,
      isNativeOption: 0,
      isNative: 0n,
      delegatedAmount: 0n,
      closeAuthorityOption: 0,
      closeAuthority: PublicKey.default,
    },
    account,
  );
  const lamports = svm.minimumBalanceForRentExemption(BigInt(ACCOUNT_SIZE));
  writeAccount(svm, getAssociatedTokenAddressSync(mint, owner), { lamports, data: account, owner: TOKEN_PROGRAM_ID.toBase58(), executable: false });
}

// The Jupiter stand-in's liquidity: one market maker holding SOL and USDC on the localnet, written
// straight into litesvm like the rest of the localnet's genesis state (tools/localnet/solana/seed.ts).
//
// PUBLIC TEST KEY: the keypair comes from the 32-byte ASCII seed below. Never send real funds to it.
import type { LiteSVM } from 'litesvm';
import { Keypair, LAMPORTS_PER_SOL, SystemProgram } from '@solana/web3.js';
import { MintLayout } from '@solana/spl-token';
import { usdcMint, writeTokenAccount } from '../localnet/solana/seed';
import { readAccount, writeAccount } from '../localnet/solana/svm';

export const marketMaker = Keypair.fromSeed(new TextEncoder().encode('colibri-localnet-jupiter-maker-1'));

/** 10,000 SOL against 1,500,000 USDC: a mid price of 150 USDC per SOL. */
export const MARKET_MAKER_LAMPORTS = 10_000n * BigInt(LAMPORTS_PER_SOL);
export const MARKET_MAKER_USDC = 1_500_000n * 10n ** 6n;

/** Gives the market maker its SOL and a USDC account, minting the USDC (the mint's supply grows with it). */
export function seedMarketMaker(svm: LiteSVM): void {
  writeAccount(svm, marketMaker.publicKey, { lamports: MARKET_MAKER_LAMPORTS, data: new Uint8Array(0), owner: SystemProgram.programId.toBase58(), executable: false });

  const mintAccount = readAccount(svm, usdcMint.publicKey)!;
  const mint = MintLayout.decode(mintAccount.data);
  const minted = Buffer.alloc(mintAccount.data.length);
  MintLayout.encode({ ...mint, supply: mint.supply + MARKET_MAKER_USDC }, minted);
  writeAccount(svm, usdcMint.publicKey, { ...mintAccount, data: minted });

  writeTokenAccount(svm, usdcMint.publicKey, marketMaker.publicKey, MARKET_MAKER_USDC);
}

// The Solana localnet driven by an unmodified @solana/web3.js `Connection` (and spl-token helpers),
// as the workers will drive it.
import {
  ComputeBudgetProgram,
  Connection,
  Keypair,
  LAMPORTS_PER_SOL,
  SendTransactionError,
  SystemProgram,
  Transaction,
  TransactionMessage,
  VersionedTransaction,
  sendAndConfirmTransaction,
  type TransactionInstruction,
} from '@solana/web3.js';
import {
  NATIVE_MINT,
  TOKEN_2022_PROGRAM_ID,
  TOKEN_PROGRAM_ID,
  createAssociatedTokenAccountIdempotentInstruction,
  createMint,
  createSyncNativeInstruction,
  getAssociatedTokenAddressSync,
  getOrCreateAssociatedTokenAccount,
  mintTo,
  transfer,
} from '@solana/spl-token';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { SOLANA_LOCALNET_DEV_WALLET, SOLANA_LOCALNET_TOKENS } from '../../lib/chains/solana/localnet.js';
import { encodeBase58 } from '../../tools/localnet/solana/base58.js';
import { devWallet, usdcMint } from '../../tools/localnet/solana/seed.js';
import { startSolanaLocalnet, type SolanaLocalnet } from '../../tools/localnet/solana/server.js';

let localnet: SolanaLocalnet;
let connection: Connection;

beforeAll(async () => {
  localnet = await startSolanaLocalnet({ port: 0 });
  connection = new Connection(localnet.rpcUrl, 'confirmed');
});

afterAll(async () => {
  await localnet.stop();
});

const send = (instructions: TransactionInstruction[], signers = [devWallet]) =>
  sendAndConfirmTransaction(connection, new Transaction().add(...instructions), signers);

async function fundedKeypair(sol: number): Promise<Keypair> {
  const keypair = Keypair.generate();
  const signature = await connection.requestAirdrop(keypair.publicKey, sol * LAMPORTS_PER_SOL);
  await connection.confirmTransaction({ signature, ...(await connection.getLatestBlockhash()) });
  return keypair;
}

async function rpc(body: unknown) {
  const response = await fetch(localnet.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return response.json();
}

describe('solana localnet', () => {
  it('seeds the addresses lib/chains/solana/localnet.ts publishes', () => {
    expect(devWallet.publicKey.toBase58()).toBe(SOLANA_LOCALNET_DEV_WALLET.publicKey);
    expect(encodeBase58(devWallet.secretKey)).toBe(SOLANA_LOCALNET_DEV_WALLET.secretKey);
    expect(SOLANA_LOCALNET_TOKENS.find((token) => token.symbol === 'USDC')?.address).toBe(usdcMint.publicKey.toBase58());
    expect(localnet.wsUrl).toBe(`ws://127.0.0.1:${localnet.port + 1}`);
  });

  it('answers cluster queries, with slots moving on their own', async () => {
    expect((await connection.getVersion())['solana-core']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(await connection.getGenesisHash()).toHaveLength(44);
    const slot = await connection.getSlot();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await connection.getSlot()).toBeGreaterThan(slot);
    expect(await connection.getBlockHeight()).toBeGreaterThan(slot);
    expect((await connection.getEpochInfo()).slotsInEpoch).toBe(432_000);
    const { blockhash, lastValidBlockHeight } = await connection.getLatestBlockhash();
    expect(lastValidBlockHeight).toBe((await connection.getBlockHeight()) + 150);
    expect((await connection.isBlockhashValid(blockhash)).value).toBe(true);
    expect((await connection.isBlockhashValid(Keypair.generate().publicKey.toBase58())).value).toBe(false);
    expect(await connection.getMinimumBalanceForRentExemption(165)).toBe(2_039_280);
  });

  // Runs before any test spends from the dev wallet.
  it('holds the seeded balances', async () => {
    expect(await connection.getBalance(SystemProgram.programId)).toBe(1);
    expect(await connection.getBalance(devWallet.publicKey)).toBe(1000 * LAMPORTS_PER_SOL);

    const byMint = await connection.getParsedTokenAccountsByOwner(devWallet.publicKey, { mint: usdcMint.publicKey });
    expect(byMint.value).toHaveLength(1);
    expect(byMint.value[0].pubkey.equals(getAssociatedTokenAddressSync(usdcMint.publicKey, devWallet.publicKey))).toBe(true);
    expect(byMint.value[0].account.data).toMatchObject({
      program: 'spl-token',
      space: 165,
      parsed: {
        type: 'account',
        info: {
          mint: usdcMint.publicKey.toBase58(),
          owner: devWallet.publicKey.toBase58(),
          state: 'initialized',
          isNative: false,
          tokenAmount: { amount: '1000000000000', decimals: 6, uiAmount: 1_000_000, uiAmountString: '1000000' },
        },
      },
    });
    const byProgram = await connection.getTokenAccountsByOwner(devWallet.publicKey, { programId: TOKEN_PROGRAM_ID });
    expect(byProgram.value.map(({ pubkey }) => pubkey.toBase58())).toContain(byMint.value[0].pubkey.toBase58());

    const mint = await connection.getParsedAccountInfo(usdcMint.publicKey);
    expect(mint.value?.data).toMatchObject({
      program: 'spl-token',
      parsed: { type: 'mint', info: { decimals: 6, mintAuthority: devWallet.publicKey.toBase58(), freezeAuthority: null } },
    });
    const [wsol] = (await connection.getMultipleAccountsInfo([NATIVE_MINT])) ?? [];
    expect(wsol?.owner.equals(TOKEN_PROGRAM_ID)).toBe(true);
  });

  it('transfers SOL, confirmed over the WebSocket, and reports it like a validator', async () => {
    const recipient = Keypair.generate().publicKey;
    const instruction = SystemProgram.transfer({ fromPubkey: devWallet.publicKey, toPubkey: recipient, lamports: LAMPORTS_PER_SOL });
    const before = await connection.getBalance(devWallet.publicKey);
    const signature = await send([instruction]);

    expect(await connection.getBalance(recipient)).toBe(LAMPORTS_PER_SOL);
    expect(await connection.getBalance(devWallet.publicKey)).toBe(before - LAMPORTS_PER_SOL - 5000);
    const { value: [status] } = await connection.getSignatureStatuses([signature]);
    expect(status).toMatchObject({ err: null, confirmations: null, confirmationStatus: 'finalized' });

    const transaction = await connection.getTransaction(signature, { maxSupportedTransactionVersion: 0 });
    expect(transaction?.meta).toMatchObject({ err: null, fee: 5000, preBalances: [before, 0, 1], postBalances: [before - LAMPORTS_PER_SOL - 5000, LAMPORTS_PER_SOL, 1] });
    expect(transaction?.meta?.logMessages).toContain('Program 11111111111111111111111111111111 success');
    expect(transaction?.blockTime).toBeCloseTo(Date.now() / 1000, -1);
    expect(transaction?.slot).toBe(status?.slot);

    const history = await connection.getSignaturesForAddress(recipient);
    expect(history.map((entry) => entry.signature)).toEqual([signature]);
  });

  it('charges the fee getFeeForMessage quotes, priority fee included', async () => {
    const instructions = [
      ComputeBudgetProgram.setComputeUnitLimit({ units: 10_000 }),
      ComputeBudgetProgram.setComputeUnitPrice({ microLamports: 250_000 }),
      SystemProgram.transfer({ fromPubkey: devWallet.publicKey, toPubkey: Keypair.generate().publicKey, lamports: LAMPORTS_PER_SOL }),
    ];
    const transaction = new Transaction({ feePayer: devWallet.publicKey, ...(await connection.getLatestBlockhash()) }).add(...instructions);
    const quoted = (await connection.getFeeForMessage(transaction.compileMessage())).value;
    expect(quoted).toBe(5000 + 2500);
    const signature = await sendAndConfirmTransaction(connection, transaction, [devWallet]);
    expect((await connection.getTransaction(signature, { maxSupportedTransactionVersion: 0 }))?.meta?.fee).toBe(quoted);
    const fees = await connection.getRecentPrioritizationFees({ lockedWritableAccounts: [devWallet.publicKey] });
    expect(fees.map((fee) => fee.prioritizationFee)).toContain(250_000);
  });

  it('transfers USDC, creating the recipient token account', async () => {
    const recipient = Keypair.generate().publicKey;
    const source = getAssociatedTokenAddressSync(usdcMint.publicKey, devWallet.publicKey);
    const destination = await getOrCreateAssociatedTokenAccount(connection, devWallet, usdcMint.publicKey, recipient);
    expect(destination.amount).toBe(0n);
    const signature = await transfer(connection, devWallet, source, destination.address, devWallet, 12_500_000n);

    expect((await connection.getTokenAccountBalance(destination.address)).value).toEqual({
      amount: '12500000',
      decimals: 6,
      uiAmount: 12.5,
      uiAmountString: '12.5',
    });
    const parsed = await connection.getParsedTransaction(signature, { maxSupportedTransactionVersion: 0 });
    const post = parsed?.meta?.postTokenBalances?.find((balance) => balance.owner === recipient.toBase58());
    expect(post).toMatchObject({ mint: usdcMint.publicKey.toBase58(), programId: TOKEN_PROGRAM_ID.toBase58(), uiTokenAmount: { amount: '12500000' } });
    const pre = parsed?.meta?.preTokenBalances?.find((balance) => balance.owner === devWallet.publicKey.toBase58());
    const postSource = parsed?.meta?.postTokenBalances?.find((balance) => balance.owner === devWallet.publicKey.toBase58());
    expect(BigInt(pre!.uiTokenAmount.amount) - BigInt(postSource!.uiTokenAmount.amount)).toBe(12_500_000n);
    expect(parsed?.transaction.message.accountKeys[0]).toMatchObject({ signer: true, writable: true, source: 'transaction' });
  });

  it('wraps SOL into the WSOL token account', async () => {
    const wallet = await fundedKeypair(2);
    const ata = getAssociatedTokenAddressSync(NATIVE_MINT, wallet.publicKey);
    await send(
      [
        createAssociatedTokenAccountIdempotentInstruction(wallet.publicKey, ata, wallet.publicKey, NATIVE_MINT),
        SystemProgram.transfer({ fromPubkey: wallet.publicKey, toPubkey: ata, lamports: LAMPORTS_PER_SOL / 2 }),
        createSyncNativeInstruction(ata),
      ],
      [wallet],
    );
    const { value } = await connection.getParsedTokenAccountsByOwner(wallet.publicKey, { mint: NATIVE_MINT });
    expect(value).toHaveLength(1);
    expect(value[0].account.data.parsed.info).toMatchObject({
      isNative: true,
      tokenAmount: { amount: '500000000', decimals: 9, uiAmountString: '0.5' },
      rentExemptReserve: { amount: '2039280' },
    });
  });

  it('lists Token-2022 accounts by program id', async () => {
    const mint = await createMint(connection, devWallet, devWallet.publicKey, null, 2, Keypair.generate(), undefined, TOKEN_2022_PROGRAM_ID);
    const account = await getOrCreateAssociatedTokenAccount(connection, devWallet, mint, devWallet.publicKey, false, undefined, undefined, TOKEN_2022_PROGRAM_ID);
    await mintTo(connection, devWallet, mint, account.address, devWallet, 1234n, [], undefined, TOKEN_2022_PROGRAM_ID);

    const { value } = await connection.getParsedTokenAccountsByOwner(devWallet.publicKey, { programId: TOKEN_2022_PROGRAM_ID });
    expect(value).toHaveLength(1);
    expect(value[0].account.data).toMatchObject({
      program: 'spl-token-2022',
      parsed: { info: { mint: mint.toBase58(), tokenAmount: { amount: '1234', uiAmount: 12.34, uiAmountString: '12.34' } } },
    });
    expect((await connection.getParsedTokenAccountsByOwner(devWallet.publicKey, { mint })).value).toHaveLength(1);
  });

  it('records a failed transaction sent without preflight, fee charged', async () => {
    const wallet = await fundedKeypair(1);
    const transfer = SystemProgram.transfer({ fromPubkey: wallet.publicKey, toPubkey: Keypair.generate().publicKey, lamports: 2 * LAMPORTS_PER_SOL });
    const latest = await connection.getLatestBlockhash();
    const transaction = new Transaction({ feePayer: wallet.publicKey, ...latest }).add(transfer);
    transaction.sign(wallet);
    const signature = await connection.sendRawTransaction(transaction.serialize(), { skipPreflight: true });

    const error = { InstructionError: [0, { Custom: 1 }] };
    const confirmation = await connection.confirmTransaction({ signature, ...latest });
    expect(confirmation.value.err).toEqual(error);
    const { value: [status] } = await connection.getSignatureStatuses([signature]);
    expect(status).toMatchObject({ err: error, confirmationStatus: 'finalized' });
    const recorded = await connection.getTransaction(signature, { maxSupportedTransactionVersion: 0 });
    expect(recorded?.meta).toMatchObject({ err: error, fee: 5000, postBalances: [LAMPORTS_PER_SOL - 5000, 0, 1] });
    expect(recorded?.meta?.logMessages?.join('\n')).toContain('insufficient lamports');
    expect(await connection.getBalance(wallet.publicKey)).toBe(LAMPORTS_PER_SOL - 5000);
  });

  it('rejects a failing transaction at preflight, with its logs', async () => {
    const wallet = await fundedKeypair(1);
    const transfer = SystemProgram.transfer({ fromPubkey: wallet.publicKey, toPubkey: Keypair.generate().publicKey, lamports: 2 * LAMPORTS_PER_SOL });
    const error = await send([transfer], [wallet]).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SendTransactionError);
    const { message, logs } = (error as SendTransactionError).transactionError;
    expect(message).toBe('Transaction simulation failed: Error processing Instruction 0: custom program error: 0x1');
    expect(logs?.join('\n')).toContain('Transfer: insufficient lamports');
    expect(await connection.getBalance(wallet.publicKey)).toBe(LAMPORTS_PER_SOL);
  });

  it('rejects an expired blockhash and a replayed transaction at preflight', async () => {
    const transaction = new Transaction({
      feePayer: devWallet.publicKey,
      blockhash: Keypair.generate().publicKey.toBase58(),
      lastValidBlockHeight: 0,
    }).add(SystemProgram.transfer({ fromPubkey: devWallet.publicKey, toPubkey: Keypair.generate().publicKey, lamports: 1 }));
    transaction.sign(devWallet);
    await expect(connection.sendRawTransaction(transaction.serialize())).rejects.toThrow('Blockhash not found');

    const payment = new Transaction({ feePayer: devWallet.publicKey, ...(await connection.getLatestBlockhash()) });
    payment.add(SystemProgram.transfer({ fromPubkey: devWallet.publicKey, toPubkey: Keypair.generate().publicKey, lamports: 1_000_000 }));
    payment.sign(devWallet);
    const signature = await connection.sendRawTransaction(payment.serialize());
    await connection.confirmTransaction({ signature, ...(await connection.getLatestBlockhash()) });
    await expect(connection.sendRawTransaction(payment.serialize())).rejects.toThrow('already been processed');
  });

  it('runs v0 transactions and simulations', async () => {
    const recipient = Keypair.generate().publicKey;
    const message = new TransactionMessage({
      payerKey: devWallet.publicKey,
      recentBlockhash: (await connection.getLatestBlockhash()).blockhash,
      instructions: [SystemProgram.transfer({ fromPubkey: devWallet.publicKey, toPubkey: recipient, lamports: LAMPORTS_PER_SOL })],
    }).compileToV0Message();
    const transaction = new VersionedTransaction(message);
    transaction.sign([devWallet]);

    const simulation = await connection.simulateTransaction(transaction, { accounts: { encoding: 'base64', addresses: [recipient.toBase58()] } });
    expect(simulation.value.err).toBeNull();
    expect(simulation.value.unitsConsumed).toBe(150);
    expect(simulation.value.accounts?.[0]?.lamports).toBe(LAMPORTS_PER_SOL);
    expect(await connection.getBalance(recipient)).toBe(0);

    const signature = await connection.sendTransaction(transaction);
    await connection.confirmTransaction({ signature, ...(await connection.getLatestBlockhash()) });
    await expect(connection.getTransaction(signature)).rejects.toThrow('maxSupportedTransactionVersion');
    const recorded = await connection.getTransaction(signature, { maxSupportedTransactionVersion: 0 });
    expect(recorded?.version).toBe(0);
    expect(recorded?.meta?.postBalances[1]).toBe(LAMPORTS_PER_SOL);
  });

  it('notifies slot and account subscriptions', async () => {
    const slot = await new Promise<number>((resolve) => {
      const id = connection.onSlotChange((info) => {
        void connection.removeSlotChangeListener(id);
        resolve(info.slot);
      });
    });
    expect(slot).toBeGreaterThan(0);

    const recipient = Keypair.generate().publicKey;
    const changed = new Promise<number>((resolve) => {
      const id = connection.onAccountChange(recipient, (account) => {
        void connection.removeAccountChangeListener(id);
        resolve(account.lamports);
      });
    });
    // Let the subscription reach the server before the account changes.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await send([SystemProgram.transfer({ fromPubkey: devWallet.publicKey, toPubkey: recipient, lamports: 42_000_000 })]);
    expect(await changed).toBe(42_000_000);
  });

  it('serves raw subscriptions on the RPC port too', async () => {
    const socket = new WebSocket(localnet.rpcUrl.replace('http:', 'ws:'));
    const messages: unknown[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    await once(socket, 'open');
    const next = async () => {
      while (messages.length === 0) await once(socket, 'message');
      return messages.shift();
    };

    const transaction = new Transaction({ feePayer: devWallet.publicKey, ...(await connection.getLatestBlockhash()) });
    transaction.add(SystemProgram.transfer({ fromPubkey: devWallet.publicKey, toPubkey: Keypair.generate().publicKey, lamports: LAMPORTS_PER_SOL }));
    transaction.sign(devWallet);
    const signature = encodeBase58(transaction.signature!);
    socket.send(JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'signatureSubscribe', params: [signature, { commitment: 'confirmed' }] }));
    const reply = (await next()) as { result: number };
    expect(reply).toEqual({ jsonrpc: '2.0', result: expect.any(Number), id: 7 });

    await connection.sendRawTransaction(transaction.serialize());
    expect(await next()).toEqual({
      jsonrpc: '2.0',
      method: 'signatureNotification',
      params: { result: { context: { slot: expect.any(Number) }, value: { err: null } }, subscription: reply.result },
    });
    socket.close();
  });

  it('answers JSON-RPC errors and batches like a validator', async () => {
    expect(await rpc({ jsonrpc: '2.0', id: 1, method: 'noSuchMethod', params: [] })).toEqual({
      jsonrpc: '2.0',
      id: 1,
      error: { code: -32601, message: 'Method not found' },
    });
    const batch = await rpc([
      { jsonrpc: '2.0', id: 1, method: 'getHealth' },
      { jsonrpc: '2.0', id: 2, method: 'getBalance', params: ['not a key'] },
    ]);
    expect(batch).toEqual([
      { jsonrpc: '2.0', id: 1, result: 'ok' },
      { jsonrpc: '2.0', id: 2, error: { code: -32602, message: 'Invalid param: Invalid' } },
    ]);
  });
});

describe('solana localnet lifecycle', () => {
  it('stops cleanly and frees its ports', async () => {
    const instance = await startSolanaLocalnet({ port: 0 });
    const client = new Connection(instance.rpcUrl, 'confirmed');
    let subscription = 0;
    await new Promise<void>((resolve) => {
      subscription = client.onSlotChange(() => resolve());
    });
    await client.removeSlotChangeListener(subscription);

    await instance.stop();
    await expect(client.getSlot()).rejects.toThrow();
    const again = await startSolanaLocalnet({ port: instance.port });
    expect(again.rpcUrl).toBe(instance.rpcUrl);
    await again.stop();
  });
});

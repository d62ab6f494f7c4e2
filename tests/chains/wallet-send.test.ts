import {
  createAssociatedTokenAccountIdempotentInstruction,
  createInitializeMint2Instruction,
  createMintToInstruction,
  getAssociatedTokenAddressSync,
  MINT_SIZE,
  TOKEN_2022_PROGRAM_ID,
} from '@solana/spl-token';
import { Keypair, SystemProgram } from '@solana/web3.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { localnetTokens } from '../../lib/chains/ethereum/localnet';
import { addDevWallet, anvil, solanaRpcCounter, withSnapshot } from '../support/chain';
import { api } from '../support/http';
import { addSolanaDevWallet, devKeypair, freshAddress, lamports, sendRaw, svm, tokenUnits, usdcMint } from '../support/solana';

type Sent = { signature: string; status: number; amount: string; token: string; toAddress: string; fee: number };

const send = (body: Record<string, unknown>, headers?: Record<string, string>) => api('/wallet/send', { body, headers });
const evmUsdc = localnetTokens.find((token) => token.symbol === 'USDC')!.address;
const freshEvmAddress = () => `0x${[...crypto.getRandomValues(new Uint8Array(20))].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;

async function erc20Balance(token: string, owner: string): Promise<bigint> {
  return BigInt(await anvil<string>('eth_call', [{ to: token, data: `0x70a08231${owner.slice(2).toLowerCase().padStart(64, '0')}` }, 'latest']));
}

let solanaDev: string;
let evmDev: string;

beforeAll(async () => {
  [solanaDev, evmDev] = await Promise.all([addSolanaDevWallet(), addDevWallet()]);
});

describe('POST /wallet/send on Solana', () => {
  it('sends SOL to a fresh address', async () => {
    const to = freshAddress();
    const before = await lamports(solanaDev);
    await solanaRpcCounter.reset();
    const response = await send({ chain: 'solana', network: 'localnet', address: solanaDev, toAddress: to, amount: '0.25' });
    const body = await response.json<Sent>();
    // Simulation, blockhash and priority fees in parallel, then the send and one status poll.
    const { methods } = await solanaRpcCounter.read();
    expect(methods.sort()).toEqual(['getLatestBlockhash', 'getRecentPrioritizationFees', 'getSignatureStatuses', 'sendTransaction', 'simulateTransaction']);
    expect(body).toEqual({ signature: expect.any(String), status: 1, amount: '0.25', token: 'SOL', toAddress: to, fee: expect.any(Number) });
    expect(await lamports(to)).toBe(0.25e9);
    expect(await lamports(solanaDev)).toBe(before - 0.25e9 - Math.round(body.fee * 1e9));
    const poll = await (await api('/chains/solana/poll', { body: { network: 'localnet', signature: body.signature } })).json();
    expect(poll).toMatchObject({ txStatus: 1, fee: body.fee });
  });

  it('sends USDC to a fresh address, creating its token account', async () => {
    const to = freshAddress();
    const before = await tokenUnits(solanaDev);
    const body = await (await send({ chain: 'solana', network: 'localnet', address: solanaDev, toAddress: to, amount: 12.5, token: 'USDC' })).json<Sent>();
    expect(body).toMatchObject({ status: 1, amount: '12.5', token: 'USDC', toAddress: to });
    expect(await tokenUnits(to)).toBe(12_500_000n);
    expect(await tokenUnits(solanaDev)).toBe(before - 12_500_000n);
    expect(await (await api('/chains/solana/balances', { body: { network: 'localnet', address: to } })).json()).toEqual({ balances: { SOL: 0, USDC: 12.5 } });
  });

  it('sends a Token-2022 token added to the list', async () => {
    const mint = Keypair.generate();
    const holder = getAssociatedTokenAddressSync(mint.publicKey, devKeypair.publicKey, false, TOKEN_2022_PROGRAM_ID);
    const rent = await svm<number>('getMinimumBalanceForRentExemption', [MINT_SIZE]);
    await sendRaw(
      [
        SystemProgram.createAccount({ fromPubkey: devKeypair.publicKey, newAccountPubkey: mint.publicKey, space: MINT_SIZE, lamports: rent, programId: TOKEN_2022_PROGRAM_ID }),
        createInitializeMint2Instruction(mint.publicKey, 2, devKeypair.publicKey, null, TOKEN_2022_PROGRAM_ID),
        createAssociatedTokenAccountIdempotentInstruction(devKeypair.publicKey, holder, devKeypair.publicKey, mint.publicKey, TOKEN_2022_PROGRAM_ID),
        createMintToInstruction(mint.publicKey, holder, devKeypair.publicKey, 250n, [], TOKEN_2022_PROGRAM_ID),
      ],
      [devKeypair, mint],
    );
    const token = { name: 'Test 2022', symbol: 'T22', address: mint.publicKey.toBase58(), decimals: 2 };
    expect((await api('/tokens', { body: { chain: 'solana', network: 'localnet', token } })).status).toBe(200);
    try {
      const to = freshAddress();
      const body = await (await send({ chain: 'solana', network: 'localnet', address: solanaDev, toAddress: to, amount: '1.5', token: 'T22' })).json<Sent>();
      expect(body).toMatchObject({ status: 1, amount: '1.5', token: 'T22' });
      expect(await tokenUnits(to, mint.publicKey, TOKEN_2022_PROGRAM_ID)).toBe(150n);
      const balances = await (await api('/chains/solana/balances', { body: { network: 'localnet', address: solanaDev, tokens: ['T22'] } })).json();
      expect(balances).toEqual({ balances: { T22: 1 } });
    } finally {
      // Other files read the dev wallet's listed tokens.
      await api(`/tokens/${token.address}?chain=solana&network=localnet`, { method: 'DELETE' });
    }
  });

  it('never sends a retried request twice (Idempotency-Key)', async () => {
    const to = freshAddress();
    const headers = { 'idempotency-key': `send-${crypto.randomUUID()}` };
    const request = { chain: 'solana', network: 'localnet', address: solanaDev, toAddress: to, amount: '0.1' };
    const first = await (await send(request, headers)).json<Sent>();
    const held = await lamports(solanaDev);
    const retry = await (await send(request, headers)).json<Sent>();
    expect(retry).toEqual(first);
    expect(await lamports(solanaDev)).toBe(held);
    expect(await lamports(to)).toBe(0.1e9);
  });

  it('refuses a transfer that would fail, and sends nothing', async () => {
    const signatures = (await svm<unknown[]>('getSignaturesForAddress', [solanaDev])).length;
    const response = await send({ chain: 'solana', network: 'localnet', address: solanaDev, toAddress: freshAddress(), amount: '2000000', token: 'USDC' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'SIMULATION_FAILED', message: expect.stringContaining('insufficient funds') });
    expect((await svm<unknown[]>('getSignaturesForAddress', [solanaDev])).length).toBe(signatures);
  });
});

describe('POST /wallet/send on Ethereum', () => {
  it('sends ETH and USDC, and the chain agrees', async () => {
    await withSnapshot(async () => {
      const to = freshEvmAddress();
      const eth = await (await send({ chain: 'ethereum', network: 'localnet', address: evmDev, toAddress: to, amount: '0.5' })).json<Sent>();
      expect(eth).toMatchObject({ status: 1, amount: '0.5', token: 'ETH', fee: expect.any(Number) });
      expect(BigInt(await anvil<string>('eth_getBalance', [to, 'latest']))).toBe(5n * 10n ** 17n);
      const before = await erc20Balance(evmUsdc, evmDev);
      const usdc = await (await send({ chain: 'ethereum', network: 'localnet', address: evmDev, toAddress: to, amount: '42.000001', token: 'USDC' })).json<Sent>();
      expect(usdc).toMatchObject({ status: 1, amount: '42.000001', token: 'USDC' });
      expect(await erc20Balance(evmUsdc, to)).toBe(42_000_001n);
      expect(await erc20Balance(evmUsdc, evmDev)).toBe(before - 42_000_001n);
    });
  });

  it('never sends a retried request twice (Idempotency-Key)', async () => {
    await withSnapshot(async () => {
      const headers = { 'idempotency-key': `send-${crypto.randomUUID()}` };
      const request = { chain: 'ethereum', network: 'localnet', address: evmDev, toAddress: freshEvmAddress(), amount: '1' };
      const first = await (await send(request, headers)).json<Sent>();
      const nonce = await anvil<string>('eth_getTransactionCount', [evmDev, 'latest']);
      expect(await (await send(request, headers)).json()).toEqual(first);
      expect(await anvil('eth_getTransactionCount', [evmDev, 'latest'])).toBe(nonce);
    });
  });
});

describe('POST /wallet/send bad input', () => {
  it('answers clear 4xx errors and sends nothing', async () => {
    const tokenAccount = getAssociatedTokenAddressSync(usdcMint, devKeypair.publicKey).toBase58();
    const solana = { chain: 'solana', network: 'localnet', address: solanaDev, toAddress: freshAddress(), amount: '1' };
    const ethereum = { chain: 'ethereum', network: 'localnet', address: evmDev, toAddress: freshEvmAddress(), amount: '1' };
    const stranger = freshAddress();
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ ...solana, network: 'testnet' }, 400, /Unknown network 'testnet' for solana/],
      [{ ...ethereum, network: 'goerli' }, 400, /Unknown network 'goerli' for ethereum/],
      [{ ...solana, chain: 'bitcoin' }, 400, /chain/],
      [{ ...solana, toAddress: 'invalid-address' }, 400, /toAddress: 'invalid-address' is not a Solana address/],
      [{ ...ethereum, toAddress: '0x1234' }, 400, /toAddress: '0x1234' is not an Ethereum address/],
      [{ ...solana, address: 'nope' }, 400, /address: 'nope' is not a Solana address/],
      [{ ...solana, token: 'USDC', toAddress: tokenAccount }, 400, /toAddress: .* is not a wallet address/],
      [{ ...solana, amount: '0' }, 400, /amount: must be greater than 0/],
      [{ ...solana, amount: '-1' }, 400, /amount: must be a decimal number/],
      [{ ...ethereum, amount: 'NaN' }, 400, /amount: must be a decimal number/],
      [{ ...ethereum, amount: 0 }, 400, /amount: must be greater than 0/],
      [{ ...solana, token: 'UNKNOWN_TOKEN' }, 404, /Token UNKNOWN_TOKEN not found in solana\/localnet/],
      [{ ...ethereum, token: 'UNKNOWN_TOKEN' }, 404, /Token UNKNOWN_TOKEN not found in ethereum\/localnet/],
      [{ ...solana, address: stranger }, 404, new RegExp(`Wallet not found for address: ${stranger}`)],
      [{ ...ethereum, address: '0x000000000000000000000000000000000000dEaD' }, 404, /Wallet not found/],
    ];
    const signatures = (await svm<unknown[]>('getSignaturesForAddress', [solanaDev])).length;
    const nonce = await anvil<string>('eth_getTransactionCount', [evmDev, 'latest']);
    for (const [body, status, message] of cases) {
      const response = await send(body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect((await response.json<{ message: string }>()).message, JSON.stringify(body)).toMatch(message);
    }
    expect((await svm<unknown[]>('getSignaturesForAddress', [solanaDev])).length).toBe(signatures);
    expect(await anvil('eth_getTransactionCount', [evmDev, 'latest'])).toBe(nonce);
  });
});

import { env } from 'cloudflare:test';
import { ACCOUNT_SIZE, NATIVE_MINT } from '@solana/spl-token';
import { Keypair, PublicKey, SystemProgram } from '@solana/web3.js';
import bs58 from 'bs58';
import { beforeAll, describe, expect, it } from 'vitest';
import { solanaRpcCounter } from '../support/chain';
import { api } from '../support/http';
import { addSolanaDevWallet, devKeypair, freshAddress, fundedSolanaWallet, lamports, sendRaw, svm, tokenUnits } from '../support/solana';

type Balances = { balances: Record<string, number> };
type Wrapped = { signature: string; status: number; data: { fee: string; amount: string; wrappedAddress: string; nativeToken: string; wrappedToken: string } };

const sol = (units: number | bigint) => Number(units) / 1e9;
let dev: string;

beforeAll(async () => {
  dev = await addSolanaDevWallet();
});

describe('/chains/solana reads', () => {
  it('reports status and the current slot of localnet', async () => {
    const slot = await svm<number>('getSlot');
    const body = await (await api('/chains/solana/status?network=localnet')).json<Record<string, unknown>>();
    expect(body).toEqual({
      chain: 'solana',
      network: 'localnet',
      rpcUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      rpcProvider: 'url',
      currentBlockNumber: expect.any(Number),
      nativeCurrency: 'SOL',
      swapProvider: 'jupiter/router',
    });
    expect(body.currentBlockNumber).toBeGreaterThanOrEqual(slot);
  });

  it('estimates the priority fee in lamports per compute unit, within the network bounds', async () => {
    const body = await (await api('/chains/solana/estimate-gas?network=localnet')).json<Record<string, number | string>>();
    expect(body).toMatchObject({ denomination: 'lamports', computeUnits: 200000, feeAsset: 'SOL', priorityFeeLevel: 'High', priorityFeePerCUEstimate: expect.any(Number) });
    // localnet bounds: minPriorityFeePerCU 0.01, maxPriorityFeePerCU 1.
    expect(body.feePerComputeUnit).toBeGreaterThanOrEqual(0.01);
    expect(body.feePerComputeUnit).toBeLessThanOrEqual(1);
    expect(body.fee).toBeCloseTo(((body.feePerComputeUnit as number) * 200000 + 5000) / 1e9, 12);
  });

  it('reads SOL and USDC of any address in ONE RPC request', async () => {
    const [held, usdc] = await Promise.all([lamports(dev), tokenUnits(dev)]);
    await solanaRpcCounter.reset();
    const body = await (await api('/chains/solana/balances', { body: { network: 'localnet', address: dev, tokens: ['SOL', 'USDC', 'WSOL'] } })).json();
    expect(body).toEqual({ balances: { SOL: sol(held), USDC: Number(usdc) / 1e6, WSOL: 0 } });
    expect(await solanaRpcCounter.read()).toEqual({ requests: 1, methods: ['getMultipleAccounts'] });
  });

  it('answers SOL plus the held listed tokens when none are named, and SOL 0 for an address never seen', async () => {
    const all = await (await api('/chains/solana/balances', { body: { network: 'localnet', address: dev, tokens: [] } })).json<Balances>();
    expect(Object.keys(all.balances).sort()).toEqual(['SOL', 'USDC']);
    const nobody = await (await api('/chains/solana/balances', { body: { network: 'localnet', address: freshAddress() } })).json();
    expect(nobody).toEqual({ balances: { SOL: 0 } });
  });

  it('reads a mint outside the list by its address', async () => {
    const unlisted = await (await api('/chains/solana/balances', { body: { network: 'localnet', address: dev, tokens: [NATIVE_MINT.toBase58()] } })).json();
    expect(unlisted).toEqual({ balances: { WSOL: 0 } }); // listed under its symbol
    const wallet = Keypair.generate().publicKey.toBase58();
    const notAMint = await api('/chains/solana/balances', { body: { network: 'localnet', address: dev, tokens: [wallet] } });
    expect(notAMint.status).toBe(404);
    expect((await notAMint.json<{ message: string }>()).message).toMatch(/no SPL token mint at that address/);
  });
});

describe('/chains/solana/poll', () => {
  it('reports a confirmed, a failed and an unknown signature', async () => {
    const payer = Keypair.generate();
    const airdrop = await svm<string>('requestAirdrop', [payer.publicKey.toBase58(), 1e9]);
    const confirmed = await (await api('/chains/solana/poll', { body: { network: 'localnet', signature: airdrop } })).json<Record<string, unknown>>();
    expect(confirmed).toMatchObject({ signature: airdrop, txStatus: 1, txBlock: expect.any(Number), fee: 0.000005, txData: expect.objectContaining({ err: null }) });
    expect(confirmed).not.toHaveProperty('error');

    // More SOL than held, sent around Colibri (which would refuse it): it lands and fails.
    const failing = await sendRaw([SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: devKeypair.publicKey, lamports: 5e9 })], [payer]);
    const failed = await (await api('/chains/solana/poll', { body: { network: 'localnet', signature: failing } })).json();
    expect(failed).toMatchObject({ txStatus: -1, txBlock: expect.any(Number), fee: 0.000005, error: expect.stringContaining('InstructionError') });

    const unknown = await api('/chains/solana/poll', { body: { network: 'localnet', signature: bs58.encode(crypto.getRandomValues(new Uint8Array(64))) } });
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toMatchObject({ txStatus: 0, txBlock: null, fee: null, txData: null, currentBlock: expect.any(Number) });
  });
});

describe('/chains/solana wrap and unwrap', () => {
  it('wraps, then unwraps the whole WSOL account, and the balances follow', async () => {
    const wallet = await fundedSolanaWallet(10);
    const rent = await svm<number>('getMinimumBalanceForRentExemption', [ACCOUNT_SIZE]);
    const before = await lamports(wallet);
    const wrapped = await (await api('/chains/solana/wrap', { body: { network: 'localnet', address: wallet, amount: '1.5' } })).json<Wrapped>();
    expect(wrapped).toMatchObject({ status: 1, data: { amount: '1.5', wrappedAddress: NATIVE_MINT.toBase58(), nativeToken: 'SOL', wrappedToken: 'WSOL' } });
    const wrapFee = Math.round(Number(wrapped.data.fee) * 1e9);
    expect(wrapFee).toBeGreaterThanOrEqual(5000);
    expect(await lamports(wallet)).toBe(before - 1.5e9 - rent - wrapFee);
    expect(await (await api('/chains/solana/balances', { body: { network: 'localnet', address: wallet, tokens: ['WSOL'] } })).json()).toEqual({ balances: { WSOL: 1.5 } });

    const tooMuch = await api('/chains/solana/unwrap', { body: { network: 'localnet', address: wallet, amount: '2' } });
    expect(tooMuch.status).toBe(400);
    expect((await tooMuch.json<{ message: string }>()).message).toBe('Insufficient WSOL balance. Available: 1.5, Required: 2');

    const middle = await lamports(wallet);
    const unwrapped = await (await api('/chains/solana/unwrap', { body: { network: 'localnet', address: wallet } })).json<Wrapped>();
    expect(unwrapped).toMatchObject({ status: 1, data: { amount: '1.5', wrappedToken: 'WSOL' } });
    expect(await lamports(wallet)).toBe(middle + 1.5e9 + rent - Math.round(Number(unwrapped.data.fee) * 1e9));
    expect(await (await api('/chains/solana/balances', { body: { network: 'localnet', address: wallet, tokens: ['WSOL'] } })).json()).toEqual({ balances: { WSOL: 0 } });

    const nothing = await api('/chains/solana/unwrap', { body: { network: 'localnet', address: wallet } });
    expect(nothing.status).toBe(400);
    expect((await nothing.json<{ message: string }>()).message).toMatch(/Nothing to unwrap: .* has no WSOL account/);
  });

  it('refuses to wrap more than the balance, and sends nothing', async () => {
    const wallet = await fundedSolanaWallet(1);
    const history = async () => (await svm<unknown[]>('getSignaturesForAddress', [wallet])).length;
    const [held, signatures] = await Promise.all([lamports(wallet), history()]);
    const response = await api('/chains/solana/wrap', { body: { network: 'localnet', address: wallet, amount: '5' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'SIMULATION_FAILED', message: expect.stringMatching(/would fail and was not sent: .*insufficient lamports/) });
    expect(await lamports(wallet)).toBe(held);
    expect(await history()).toBe(signatures);
  });

  it('answers a retried unwrap (Idempotency-Key) with the first transaction, though its account is gone', async () => {
    const wallet = await fundedSolanaWallet(3);
    await api('/chains/solana/wrap', { body: { network: 'localnet', address: wallet, amount: 1 } });
    const request = { body: { network: 'localnet', address: wallet }, headers: { 'idempotency-key': `unwrap-${crypto.randomUUID()}` } };
    const first = await (await api('/chains/solana/unwrap', request)).json<Wrapped>();
    const held = await lamports(wallet);
    const retry = await api('/chains/solana/unwrap', request);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual(first);
    expect(first).toMatchObject({ status: 1, data: { amount: '1' } });
    expect(await lamports(wallet)).toBe(held);
  });
});

describe('/chains/solana bad input', () => {
  it('answers clear 4xx errors and sends nothing', async () => {
    const stranger = freshAddress();
    const cases: [string, unknown, number, RegExp][] = [
      ['/chains/solana/balances', { network: 'testnet' }, 400, /Unknown network 'testnet' for solana; expected one of: devnet, localnet, mainnet-beta/],
      ['/chains/solana/balances', { network: 'localnet', address: 'not-an-address' }, 400, /address: 'not-an-address' is not a Solana address/],
      ['/chains/solana/balances', { network: 'localnet', address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' }, 400, /is not a Solana address/],
      ['/chains/solana/balances', { network: 'localnet', address: dev, tokens: ['NOPE'] }, 404, /Token NOPE not found in solana\/localnet/],
      ['/chains/solana/wrap', { network: 'localnet', address: dev, amount: '0' }, 400, /amount: must be greater than 0/],
      ['/chains/solana/wrap', { network: 'localnet', address: dev, amount: '-1' }, 400, /amount: must be a plain decimal number/],
      ['/chains/solana/wrap', { network: 'localnet', address: dev, amount: 'NaN' }, 400, /amount: must be a plain decimal number/],
      ['/chains/solana/wrap', { network: 'localnet', address: dev, amount: '0.0000000001' }, 400, /at most 9 decimal places/],
      ['/chains/solana/wrap', { network: 'localnet', address: stranger, amount: '1' }, 404, new RegExp(`Wallet not found for address: ${stranger}`)],
      ['/chains/solana/unwrap', { network: 'localnet', address: dev, amount: 'abc' }, 400, /amount: must be a plain decimal number/],
      ['/chains/solana/poll', { network: 'localnet', signature: 'abc' }, 400, /signature: 'abc' is not a Solana transaction signature/],
      ['/chains/solana/poll', { network: 'localnet', signature: `0x${'ab'.repeat(32)}` }, 400, /is not a Solana transaction signature/],
    ];
    const signatures = (await svm<unknown[]>('getSignaturesForAddress', [dev])).length;
    for (const [path, body, status, message] of cases) {
      const response = await api(path, { body });
      expect(response.status, `${path} ${JSON.stringify(body)}`).toBe(status);
      expect((await response.json<{ message: string }>()).message, path).toMatch(message);
    }
    expect((await svm<unknown[]>('getSignaturesForAddress', [dev])).length).toBe(signatures);
    expect((await api('/chains/solana/status?network=testnet')).status).toBe(400);
  });
});

describe('Solana RPC failures', () => {
  it('turns an RPC 429 into a 429 naming the RPC host, and an unreachable RPC into a 503', async () => {
    await api('/config/update', { body: { namespace: 'solana-devnet', path: 'nodeURL', value: env.TEST_RATE_LIMITED_RPC_URL } });
    await api('/config/update', { body: { namespace: 'solana-mainnet-beta', path: 'nodeURL', value: 'http://127.0.0.1:1' } });
    const owner = new PublicKey(dev).toBase58();
    for (const limited of [await api('/chains/solana/status?network=devnet'), await api('/chains/solana/balances', { body: { network: 'devnet', address: owner } })]) {
      expect(limited.status).toBe(429);
      expect(await limited.json()).toMatchObject({ error: 'TooManyRequestsError', message: expect.stringMatching(/RPC rate limit reached at 127\.0\.0\.1:\d+ \(solana-devnet\)/) });
    }
    for (const down of [await api('/chains/solana/status?network=mainnet-beta'), await api('/chains/solana/balances', { body: { network: 'mainnet-beta', address: owner } })]) {
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ error: 'ServiceUnavailableError', message: expect.stringContaining('RPC provider unavailable: 127.0.0.1:1 (solana-mainnet-beta)') });
    }
  });

  it('falls back to minPriorityFeePerCU when the node cannot estimate priority fees', async () => {
    const response = await api('/chains/solana/estimate-gas?network=devnet');
    expect(response.status).toBe(200);
    const body = await response.json<Record<string, unknown>>();
    expect(body).toMatchObject({ feePerComputeUnit: 0.01, denomination: 'lamports', fee: (0.01 * 200000 + 5000) / 1e9 });
    expect(body).not.toHaveProperty('priorityFeePerCUEstimate');
  });
});

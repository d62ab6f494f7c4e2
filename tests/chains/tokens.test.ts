import { describe, expect, it } from 'vitest';
import { localnetTokens } from '../../lib/chains/ethereum/localnet';
import { api } from '../support/http';

const usdc = localnetTokens.find((token) => token.symbol === 'USDC')!;

describe('/tokens', () => {
  it('serves the shipped lists: Uniswap default list on mainnet, the dev deployment on localnet', async () => {
    const mainnet = await (await api('/tokens?chain=ethereum&network=mainnet')).json<{ tokens: { symbol: string }[] }>();
    expect(mainnet.tokens.length).toBeGreaterThan(100);
    expect(mainnet.tokens.map((token) => token.symbol)).toEqual(expect.arrayContaining(['USDC', 'WETH', 'DAI']));
    const localnet = await (await api('/tokens?chainNetwork=ethereum-localnet')).json<{ tokens: { symbol: string }[] }>();
    expect(localnet.tokens.map((token) => token.symbol).sort()).toEqual(['DAI', 'USDC', 'WETH']);
  });

  it('searches symbol, name and address case-insensitively', async () => {
    const { tokens } = await (await api('/tokens?chain=ethereum&network=localnet&search=usd')).json<{ tokens: { symbol: string }[] }>();
    expect(tokens.map((token) => token.symbol)).toEqual(['USDC']);
  });

  it('answers an empty list without a network, 404 for an unknown one, 400 for an unknown chain', async () => {
    expect(await (await api('/tokens')).json()).toEqual({ tokens: [] });
    expect((await api('/tokens?chain=ethereum&network=invalid')).status).toBe(404);
    expect((await api('/tokens?chain=bitcoin&network=mainnet')).status).toBe(400);
  });

  it('finds a token by symbol or by address', async () => {
    const bySymbol = await api('/tokens/usdc?chain=ethereum&network=localnet');
    expect(await bySymbol.json()).toEqual({ token: usdc, chain: 'ethereum', network: 'localnet' });
    const byAddress = await api(`/tokens/${usdc.address.toLowerCase()}?chainNetwork=ethereum-localnet`);
    expect((await byAddress.json<{ token: { symbol: string } }>()).token.symbol).toBe('USDC');
    const missing = await api('/tokens/INVALID?chain=ethereum&network=localnet');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ message: 'Token INVALID not found in ethereum/localnet' });
  });

  it('adds, replaces and removes a token on one network only', async () => {
    const token = { name: 'Test Token', symbol: 'TST', address: '0x1111111111111111111111111111111111111111', decimals: 18 };
    const added = await api('/tokens', { body: { chain: 'ethereum', network: 'sepolia', token } });
    expect(await added.json()).toEqual({ message: 'Token TST added/updated successfully in ethereum/sepolia.' });
    expect((await api('/tokens/TST?chain=ethereum&network=sepolia')).status).toBe(200);
    expect((await api('/tokens/TST?chain=ethereum&network=mainnet')).status).toBe(404);

    const replacement = { ...token, address: '0x2222222222222222222222222222222222222222' };
    await api('/tokens', { body: { chainNetwork: 'ethereum-sepolia', token: replacement } });
    const found = await (await api('/tokens/TST?chain=ethereum&network=sepolia')).json<{ token: { address: string } }>();
    expect(found.token.address).toBe(replacement.address);
    expect((await api(`/tokens/${token.address}?chain=ethereum&network=sepolia`)).status).toBe(404);

    const removed = await api(`/tokens/${replacement.address}`, { method: 'DELETE', body: { chain: 'ethereum', network: 'sepolia' } });
    expect(await removed.json()).toEqual({ message: `Token with address ${replacement.address} removed successfully from ethereum/sepolia.` });
    expect((await api('/tokens/TST?chain=ethereum&network=sepolia')).status).toBe(404);
    expect((await api(`/tokens/${replacement.address}?chain=ethereum&network=sepolia`, { method: 'DELETE' })).status).toBe(404);
  });

  it('refuses a non-checksummed or malformed address, an address under another symbol, and bad decimals', async () => {
    const base = { name: 'Bad', symbol: 'BAD', decimals: 18 };
    const wrongChecksum = await api('/tokens', { body: { chain: 'ethereum', network: 'sepolia', token: { ...base, address: usdc.address.toLowerCase() } } });
    expect(wrongChecksum.status).toBe(400);
    expect((await wrongChecksum.json<{ message: string }>()).message).toContain('Invalid Ethereum address checksum. Expected:');
    const malformed = await api('/tokens', { body: { chain: 'ethereum', network: 'sepolia', token: { ...base, address: '0x123' } } });
    expect(malformed.status).toBe(400);
    const taken = await api('/tokens', { body: { chain: 'ethereum', network: 'localnet', token: { ...base, address: usdc.address } } });
    expect(taken.status).toBe(409);
    const decimals = await api('/tokens', { body: { chain: 'ethereum', network: 'sepolia', token: { ...base, address: usdc.address, decimals: 300 } } });
    expect(decimals.status).toBe(400);
    expect(await decimals.json()).toMatchObject({ validation: [{ field: 'token.decimals' }] });
    const solana = await api('/tokens', { body: { chain: 'solana', network: 'devnet', token: { ...base, address: 'not-base58!' } } });
    expect(solana.status).toBe(400);
  });
});

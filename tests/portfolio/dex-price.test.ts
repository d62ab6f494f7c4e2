import { encodeDeployData, encodeFunctionData, erc20Abi, getAddress, parseAbi, parseUnits, type Abi, type Address, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { localnetContracts, localnetDevWallet, localnetTokens } from '../../lib/chains/ethereum/localnet';
import testErc20 from '../../tools/localnet/evm/contracts/TestERC20.json';
import { addDevWallet, anvil, withSnapshot } from '../support/chain';
import { api } from '../support/http';

type Row = { token: string; units: number; price: number; value: number; price_missing?: true };

/** anvil's account #9: it provides the new pool's liquidity. */
const PROVIDER: Address = '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720';
const USDC = localnetTokens.find((entry) => entry.symbol === 'USDC')!;
const ROUTER = localnetContracts.uniswapV2.router02;
const FACTORY = localnetContracts.uniswapV2.factory;
const mintAbi = parseAbi(['function mint(address to, uint256 amount)']);
const routerAbi = parseAbi(['function addLiquidity(address tokenA, address tokenB, uint256 amountADesired, uint256 amountBDesired, uint256 amountAMin, uint256 amountBMin, address to, uint256 deadline) returns (uint256, uint256, uint256)']);
const factoryAbi = parseAbi(['function getPair(address tokenA, address tokenB) view returns (address)']);

/** A transaction from PROVIDER straight to anvil, once mined; the contract it created, if any. */
async function send(to: Address | undefined, data: Hex): Promise<Address | undefined> {
  await anvil('anvil_impersonateAccount', [PROVIDER]);
  const hash = await anvil<Hex>('eth_sendTransaction', [{ from: PROVIDER, ...(to ? { to } : {}), data, gas: '0x1000000' }]);
  type Receipt = { status: Hex; contractAddress: Address | null };
  let receipt: Receipt | null = null;
  while (!receipt) receipt = await anvil<Receipt | null>('eth_getTransactionReceipt', [hash]);
  if (receipt.status !== '0x1') throw new Error(`transaction ${hash} reverted`);
  return receipt.contractAddress ? getAddress(receipt.contractAddress) : undefined;
}

/** A new TestERC20 listed on ethereum/localnet, `units` of it minted to the dev wallet. */
async function listedToken(symbol: string, units: string): Promise<Address> {
  const address = (await send(undefined, encodeDeployData({ abi: testErc20.abi as Abi, bytecode: testErc20.bytecode as Hex, args: [`Colibri ${symbol}`, symbol, 18] })))!;
  await send(address, encodeFunctionData({ abi: mintAbi, functionName: 'mint', args: [localnetDevWallet.address, parseUnits(units, 18)] }));
  const listed = await api('/tokens', { body: { chain: 'ethereum', network: 'localnet', token: { chainId: 31337, name: `Colibri ${symbol}`, symbol, address, decimals: 18 } } });
  expect(listed.status, await listed.clone().text()).toBe(200);
  return address;
}

/** A Uniswap V2 pair of `token` and USDC at `usdcPerToken`, listed in /pools; its address. */
async function listedUsdcPair(token: Address, tokenAmount: string, usdcAmount: string): Promise<Address> {
  const [tokenUnits, usdcUnits] = [parseUnits(tokenAmount, 18), parseUnits(usdcAmount, USDC.decimals)];
  await send(token, encodeFunctionData({ abi: mintAbi, functionName: 'mint', args: [PROVIDER, tokenUnits] }));
  await send(USDC.address, encodeFunctionData({ abi: mintAbi, functionName: 'mint', args: [PROVIDER, usdcUnits] }));
  for (const asset of [token, USDC.address]) await send(asset, encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [ROUTER, 2n ** 255n] }));
  await send(ROUTER, encodeFunctionData({ abi: routerAbi, functionName: 'addLiquidity', args: [token, USDC.address, tokenUnits, usdcUnits, 0n, 0n, PROVIDER, 2n ** 40n] }));
  const data = encodeFunctionData({ abi: factoryAbi, functionName: 'getPair', args: [token, USDC.address] });
  const pair = getAddress(`0x${(await anvil<Hex>('eth_call', [{ to: FACTORY, data }, 'latest'])).slice(-40)}`);
  const saved = await api(`/pools/save/${pair}?chain=ethereum&network=localnet&connector=uniswap`, { method: 'POST' });
  expect(saved.status, await saved.clone().text()).toBe(200);
  return pair;
}

describe('/portfolio/state wallet tokens', () => {
  it('prices a token only the local Uniswap pools trade from a DEX quote, and shows one without any price as 0, flagged', async () => {
    await addDevWallet();
    await withSnapshot(async () => {
      const dexOnly = await listedToken('CLBDEX', '10');
      const pair = await listedUsdcPair(dexOnly, '1000', '2500');
      const unpriced = await listedToken('CLBNONE', '3');
      try {
        const response = await api('/portfolio/state', { body: { account_names: ['master_account'], refresh: true } });
        expect(response.status).toBe(200);
        const wallet = (await response.json<Record<string, Record<string, Row[]>>>()).master_account['ethereum-localnet'];

        // The price of selling one token on the network's default swap provider, in USDC (counted as 1 USDT).
        const quote = await (await api('/trading/swap/quote?chainNetwork=ethereum-localnet&baseToken=CLBDEX&quoteToken=USDC&amount=1&side=SELL')).json<{ price: number }>();
        expect(quote.price).toBeGreaterThan(2.4);
        expect(quote.price).toBeLessThan(2.5);
        const priced = wallet.find((row) => row.token === 'CLBDEX')!;
        expect(priced).toMatchObject({ units: 10, price: quote.price });
        expect(priced.price_missing).toBeUndefined();
        expect(priced.value).toBeCloseTo(10 * quote.price, 6);

        expect(wallet.find((row) => row.token === 'CLBNONE')).toEqual({ token: 'CLBNONE', units: 3, price: 0, value: 0, available_units: 3, price_missing: true });
      } finally {
        // The chain is reverted below: the lists must not keep what it forgets.
        expect((await api(`/pools/${pair}?chainNetwork=ethereum-localnet&connector=uniswap&type=amm`, { method: 'DELETE' })).status).toBe(200);
        for (const address of [dexOnly, unpriced]) expect((await api(`/tokens/${address}?chain=ethereum&network=localnet`, { method: 'DELETE' })).status).toBe(200);
      }
    });
  });
});

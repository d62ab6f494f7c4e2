import { env } from 'cloudflare:test';
import { localnetDevWallet } from '../../lib/chains/ethereum/localnet';
import type { RpcFaultRule } from '../../tools/rpc-proxy';
import { api } from './http';

/** A JSON-RPC call straight to anvil (not through the counting proxy). */
export async function anvil<T = unknown>(method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(env.TEST_ANVIL_URL, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  const body = await response.json<{ result: T; error?: { message: string } }>();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

/** Runs the test body on a snapshot of the chain and restores it afterwards. */
export async function withSnapshot(run: () => Promise<void>): Promise<void> {
  const id = await anvil<string>('evm_snapshot');
  try {
    await run();
  } finally {
    await anvil('evm_revert', [id]);
  }
}

/**
 * HTTP requests the workers sent to a node since the last reset, as counted by its RPC proxy; `fail`
 * makes the proxy fail requests carrying a method (tools/rpc-proxy.ts), until `reset`.
 */
function counter(proxyUrl: () => string | undefined) {
  return {
    reset: () => fetch(`${proxyUrl()}/__reset`, { method: 'POST' }),
    read: async () => (await fetch(`${proxyUrl()}/__stats`)).json<{ requests: number; methods: string[] }>(),
    fail: (rule: RpcFaultRule) => fetch(`${proxyUrl()}/__fault`, { method: 'POST', body: JSON.stringify(rule) }),
  };
}

export const rpcCounter = counter(() => env.EVM_LOCALNET_RPC_URL);
export const solanaRpcCounter = counter(() => env.SOLANA_LOCALNET_RPC_URL);

/** Registers anvil's first account (the dev wallet) as a wallet Colibri signs with. */
export async function addDevWallet(): Promise<string> {
  await api('/wallet/add', { body: { chain: 'ethereum', privateKey: localnetDevWallet.privateKey, setDefault: true } });
  return localnetDevWallet.address;
}

// The JSON-RPC 2.0 envelope, shared by the HTTP and the WebSocket endpoints.
import { PublicKey } from '@solana/web3.js';
import { RpcError } from './errors.js';

export type RpcMethod = (params: unknown[]) => unknown;

export interface JsonRpcRequest {
  jsonrpc: '2.0';
  method: string;
  params?: unknown[];
  id?: number | string | null;
}

export function handleRequest(methods: Record<string, RpcMethod>, request: unknown) {
  if (!isRequest(request)) return failure(null, -32600, 'Invalid request');
  const id = request.id ?? null;
  if (!Object.hasOwn(methods, request.method)) return failure(id, -32601, 'Method not found');
  try {
    return { jsonrpc: '2.0', result: methods[request.method](request.params ?? []), id };
  } catch (error) {
    if (error instanceof RpcError) return failure(id, error.code, error.message, error.data);
    return failure(id, -32603, `Internal error: ${(error as Error).message}`);
  }
}

export function failure(id: JsonRpcRequest['id'], code: number, message: string, data?: unknown) {
  return { jsonrpc: '2.0', error: { code, message, ...(data === undefined ? {} : { data }) }, id };
}

function isRequest(value: unknown): value is JsonRpcRequest {
  const request = value as JsonRpcRequest;
  return (
    typeof request === 'object' &&
    request !== null &&
    request.jsonrpc === '2.0' &&
    typeof request.method === 'string' &&
    (request.params === undefined || Array.isArray(request.params))
  );
}

// Parameter readers: a wrong parameter is the client's error (-32602), not the server's.
export function stringParam(value: unknown): string {
  if (typeof value !== 'string') throw new RpcError(-32602, 'Invalid params: expected a string');
  return value;
}

export function pubkeyParam(value: unknown): PublicKey {
  try {
    return new PublicKey(stringParam(value));
  } catch {
    throw new RpcError(-32602, 'Invalid param: Invalid');
  }
}

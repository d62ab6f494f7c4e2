/** The host only: provider keys often sit in the URL's path or query and must not reach a response. */
export function rpcHost(url: string | undefined): string {
  try {
    return url ? new URL(url).host : 'the RPC node';
  } catch {
    return 'the RPC node';
  }
}

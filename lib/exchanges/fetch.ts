/**
 * CCXT's fetch for workerd. CCXT asks for `redirect: 'error'` (exchange APIs never redirect), which
 * workerd rejects ("Invalid redirect value"); `manual` hands a redirect back unfollowed, which CCXT
 * then reports as an error response, so nothing is followed either way. workerd reports a refused or
 * dropped connection as a plain Error ("Network connection lost."); CCXT recognises the TypeError
 * fetch throws elsewhere as a network failure, so that is what it gets.
 */
export async function workerdFetch(url: string, init: RequestInit & { timeout?: unknown; agent?: unknown } = {}): Promise<Response> {
  try {
    return await fetch(url, {
      method: init.method,
      headers: init.headers,
      body: init.body,
      signal: init.signal,
      redirect: init.redirect === 'error' || init.redirect === undefined ? 'manual' : init.redirect,
    });
  } catch (error) {
    if (error instanceof Error && error.name !== 'AbortError' && error.name !== 'TimeoutError' && !(error instanceof TypeError)) {
      throw new TypeError(`fetch failed: ${error.message}`, { cause: error });
    }
    throw error;
  }
}

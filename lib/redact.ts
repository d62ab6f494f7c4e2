// RPC URLs often carry their provider's API key (`/v3/<key>`, `?api-key=<key>`, `user:key@host`).
// Every response shows them masked: a key in a URL is a secret like any other.

export const MASK = '***';

/** Query parameters whose value is a credential whatever it looks like. */
const SECRET_PARAMETER = /key|token|secret|auth|pass|signature|credential/i;
/** A path segment or query value that looks like a key: long, URL-safe, with letters and digits. */
function looksLikeKey(value: string): boolean {
  return value.length >= 16 && /^[A-Za-z0-9_\-.~=+]+$/.test(value) && /\d/.test(value) && /[A-Za-z]/.test(value);
}

/** `url` with credentials (user info, key-like path segments and query values) replaced by `***`; other text unchanged. */
export function maskUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.username) parsed.username = MASK;
  if (parsed.password) parsed.password = MASK;
  parsed.pathname = parsed.pathname
    .split('/')
    .map((segment) => (looksLikeKey(decodeURIComponent(segment)) ? MASK : segment))
    .join('/');
  for (const [name, value] of [...parsed.searchParams]) {
    if (SECRET_PARAMETER.test(name) || looksLikeKey(value)) parsed.searchParams.set(name, MASK);
  }
  // URL encodes the mask's asterisks in some positions; show them plainly.
  return parsed.toString().replaceAll('%2A', '*');
}

const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;

/** Every URL inside free text (an error message) masked. */
export function maskUrlsInText(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => maskUrl(url));
}

/** A JSON value with every URL string in it masked (config documents). */
export function maskUrls<T>(value: T): T {
  if (typeof value === 'string') return maskUrlsInText(value) as T;
  if (Array.isArray(value)) return value.map((item) => maskUrls(item)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskUrls(item)])) as T;
  return value;
}

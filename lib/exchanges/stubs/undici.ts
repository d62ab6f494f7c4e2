// Stands in for `undici` inside workerd (wired by the wrangler and vitest `alias`): CCXT imports it
// lazily for Node's connection pooling, and falls back to the platform's fetch when it offers nothing.
export {};

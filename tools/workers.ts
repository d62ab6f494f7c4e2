/** Every worker and its wrangler config: the edge first (in `wrangler dev` it gets the port). */
export const WORKERS = [
  { name: 'edge', config: 'wrangler.toml' },
  ...['chains', 'connectors', 'gateway', 'trading', 'portfolio', 'market-data', 'bots', 'webhooks'].map((name) => ({ name, config: `workers/${name}/wrangler.toml` })),
] as const;

export const ROUTER_WORKERS = WORKERS.slice(1);

export const WRANGLER_ENV = { WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };

/** The router workers behind the edge, by service binding name. */
export type Upstream = 'CHAINS' | 'CONNECTORS' | 'GATEWAY' | 'TRADING' | 'PORTFOLIO' | 'MARKET_DATA' | 'BOTS' | 'WEBHOOKS';

export type EdgeEnv = Record<Upstream, Fetcher> & {
  /** HTTP Basic credentials (what hummingbot-api clients send). */
  USERNAME?: string;
  PASSWORD?: string;
  /** Bearer API key (what Gateway clients send); Bearer auth is off while unset. */
  API_KEY?: string;
  /** `development` locally; anything else is production, where default credentials are refused. */
  ENVIRONMENT?: string;
  /** Comma-separated allowed CORS origins; none when unset, plus any localhost origin in development. */
  CORS_ORIGINS?: string;
  /** Largest request body accepted, in bytes (default 1 MB); larger ones get 413 before any work. */
  MAX_BODY_BYTES?: string;
  RATE_LIMITER?: RateLimit;
  /** Swagger UI's files (swagger-ui-dist) for /docs. */
  ASSETS?: Fetcher;
};

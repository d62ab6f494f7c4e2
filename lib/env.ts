/** Bindings every router worker has. */
export interface RouterEnv {
  /** Postgres connection string (Neon in production, a local Postgres in dev and tests). */
  DATABASE_URL: string;
  /** Local only: the Neon-driver proxy (tools/neon-proxy.ts) that bridges the driver to plain Postgres. */
  NEON_PROXY_URL?: string;
  /** Root secret for encryption at rest (a Workers secret). */
  MASTER_KEY?: string;
  /** `development` locally; anything else is treated as production. */
  ENVIRONMENT?: string;
}

export type AppEnv<Bindings extends object = RouterEnv> = {
  Bindings: Bindings;
  Variables: { requestId: string };
};

import type { ExchangeUrlEnv } from '../../lib/exchanges/base-urls';
import type { PortfolioEnv as PortfolioLibEnv } from '../../lib/portfolio/state';

export interface PortfolioEnv extends PortfolioLibEnv, ExchangeUrlEnv {
  /** Minutes between portfolio snapshots (default 5); the cron trigger runs every minute and skips the others. */
  PORTFOLIO_SNAPSHOT_INTERVAL_MINUTES?: string;
}

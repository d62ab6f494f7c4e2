import { createWorkerApp } from '../../lib/app';
import { mountHealth } from '../../lib/health';
import { log } from '../../lib/log';
import { takeSnapshot } from '../../lib/portfolio/snapshot';
import type { PortfolioEnv } from './env';
import * as handlers from './portfolio.handlers';
import * as routes from './portfolio.routes';

const app = createWorkerApp<PortfolioEnv>({ name: 'portfolio', description: 'Portfolio state across exchange accounts and wallets, its snapshots and distribution.' });
mountHealth(app, 'portfolio', '/portfolio', 'Portfolio');

app
  .openapi(routes.state, handlers.state)
  .openapi(routes.history, handlers.history)
  .openapi(routes.distribution, handlers.distribution)
  .openapi(routes.accountsDistribution, handlers.accountsDistribution);

const DEFAULT_SNAPSHOT_INTERVAL_MINUTES = 5;

/** Whether the cron tick at `time` is one the snapshot interval asks for (the trigger runs every minute). */
export function snapshotDue(env: PortfolioEnv, time: number): boolean {
  const configured = Number(env.PORTFOLIO_SNAPSHOT_INTERVAL_MINUTES);
  const every = Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_SNAPSHOT_INTERVAL_MINUTES;
  return Math.floor(time / 60_000) % every === 0;
}

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    if (!snapshotDue(env, controller.scheduledTime)) return;
    ctx.waitUntil(
      takeSnapshot(env, new Date(controller.scheduledTime)).then(
        (written) => log('info', 'portfolio snapshot', { accountStates: written.accountStates, tokenStates: written.tokenStates }),
        (error: unknown) => log('error', 'portfolio snapshot failed', { error: error instanceof Error ? error.message : String(error) }),
      ),
    );
  },
} satisfies ExportedHandler<PortfolioEnv>;

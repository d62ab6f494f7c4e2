import type { AppRouter } from '../../lib/app';
import type { BotsEnv } from './env';
import * as handlers from './backtesting.handlers';
import * as routes from './backtesting.routes';

/** The backtesting router (hummingbot-api's `/backtesting`). */
export function mountBacktesting(app: AppRouter<BotsEnv>): void {
  app
    .openapi(routes.runBacktest, handlers.runBacktestHandler)
    .openapi(routes.submitTask, handlers.submitTaskHandler)
    .openapi(routes.listTasks, handlers.listTasksHandler)
    .openapi(routes.getTask, handlers.getTaskHandler)
    .openapi(routes.deleteTask, handlers.deleteTaskHandler)
    .openapi(routes.getTaskSeries, handlers.getTaskSeriesHandler);
}

import { createWorkerApp } from '../../lib/app';
import { mountHealth } from '../../lib/health';
import type { BotCommandMessage } from '../../schemas/bot-commands';
import { mountBacktesting } from './backtesting.index';
import { consumeBotCommands } from './consumer';
import type { BotsEnv } from './env';
import * as executorHandlers from './executors.handlers';
import * as executorRoutes from './executors.routes';
import { getCommandHandler, sendCommandHandler } from './handlers';
import { getCommand, sendCommand } from './routes';

export { ExecutorRuntime } from '../../lib/executors/runtime/executor-runtime';

const app = createWorkerApp<BotsEnv>({ name: 'bots', description: 'Bot orchestration over the bot-commands queue; executors, each in its own Durable Object.' });
mountHealth(app, 'bots', '/bot-orchestration', 'Bot orchestration');
app.openapi(sendCommand, sendCommandHandler).openapi(getCommand, getCommandHandler);
// Fixed paths before `/executors/{executor_id}`.
app
  .openapi(executorRoutes.createExecutor, executorHandlers.createExecutorHandler)
  .openapi(executorRoutes.searchExecutors, executorHandlers.searchExecutorsHandler)
  .openapi(executorRoutes.executorSummary, executorHandlers.executorSummaryHandler)
  .openapi(executorRoutes.executorPerformance, executorHandlers.executorPerformanceHandler)
  .openapi(executorRoutes.positionsSummary, executorHandlers.positionsSummaryHandler)
  .openapi(executorRoutes.getPositionHeld, executorHandlers.getPositionHeldHandler)
  .openapi(executorRoutes.clearPositionHeld, executorHandlers.clearPositionHeldHandler)
  .openapi(executorRoutes.executorTypes, executorHandlers.executorTypesHandler)
  .openapi(executorRoutes.executorConfigSchema, executorHandlers.executorConfigSchemaHandler)
  .openapi(executorRoutes.getExecutor, executorHandlers.getExecutorHandler)
  .openapi(executorRoutes.getExecutorLogs, executorHandlers.getExecutorLogsHandler)
  .openapi(executorRoutes.stopExecutor, executorHandlers.stopExecutorHandler);
mountBacktesting(app);

export { BacktestTask } from '../../lib/backtesting/task-runner';

export default {
  fetch: app.fetch,
  queue: consumeBotCommands,
} satisfies ExportedHandler<BotsEnv, BotCommandMessage>;

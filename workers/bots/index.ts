import { createWorkerApp } from '../../lib/app';
import { mountHealth } from '../../lib/health';
import type { BotCommandMessage } from '../../schemas/bot-commands';
import { mountBacktesting } from './backtesting.index';
import { consumeBotCommands } from './consumer';
import type { BotsEnv } from './env';
import { getCommandHandler, sendCommandHandler } from './handlers';
import { getCommand, sendCommand } from './routes';

const app = createWorkerApp<BotsEnv>({ name: 'bots', description: 'Bot orchestration over the bot-commands queue.' });
mountHealth(app, 'bots', '/bot-orchestration', 'Bot orchestration');
app.openapi(sendCommand, sendCommandHandler).openapi(getCommand, getCommandHandler);
mountBacktesting(app);

export { BacktestTask } from '../../lib/backtesting/task-runner';

export default {
  fetch: app.fetch,
  queue: consumeBotCommands,
} satisfies ExportedHandler<BotsEnv, BotCommandMessage>;

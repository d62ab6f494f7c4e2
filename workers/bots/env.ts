import type { BacktestTask } from '../../lib/backtesting/task-runner';
import type { RouterEnv } from '../../lib/env';
import type { ExecutorRuntime, ExecutorRuntimeEnv } from '../../lib/executors/runtime/executor-runtime';
import type { ExchangeSessionsEnv } from '../../lib/exchanges/session-client';
import type { BotCommandMessage } from '../../schemas/bot-commands';

export interface BotsEnv extends RouterEnv, ExchangeSessionsEnv, ExecutorRuntimeEnv {
  BOT_COMMANDS: Queue<BotCommandMessage>;
  /** One Durable Object per backtest task (lib/backtesting/task-runner.ts). */
  BACKTEST_TASKS: DurableObjectNamespace<BacktestTask>;
  /** One Durable Object per executor: its core's state, stepped on alarms. */
  EXECUTORS: DurableObjectNamespace<ExecutorRuntime>;
}

import type { RouterEnv } from '../../lib/env';
import type { ExecutorRuntime, ExecutorRuntimeEnv } from '../../lib/executors/runtime/executor-runtime';
import type { BotCommandMessage } from '../../schemas/bot-commands';

export interface BotsEnv extends RouterEnv, ExecutorRuntimeEnv {
  BOT_COMMANDS: Queue<BotCommandMessage>;
  /** One Durable Object per executor: its core's state, stepped on alarms. */
  EXECUTORS: DurableObjectNamespace<ExecutorRuntime>;
}

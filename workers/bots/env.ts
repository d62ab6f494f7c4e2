import type { RouterEnv } from '../../lib/env';
import type { BotCommandMessage } from '../../schemas/bot-commands';

export interface BotsEnv extends RouterEnv {
  BOT_COMMANDS: Queue<BotCommandMessage>;
}

import type { BotsEnv } from '../../workers/bots/env';
import type { EdgeEnv } from '../../workers/edge/env';

declare global {
  namespace Cloudflare {
    // The test isolate carries every worker's bindings (tests/support/stack.ts).
    interface Env extends EdgeEnv, BotsEnv {}
  }
}

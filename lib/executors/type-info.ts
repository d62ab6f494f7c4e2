import type { ExecutorCore } from './core';

/** An executor type as the registry and `/executors/types/available` list it. */
export interface ExecutorTypeInfo {
  core: ExecutorCore<unknown, unknown>;
  /** One line: what the executor does. */
  description: string;
  /** One line: when a trader uses it. */
  useCase: string;
}

/**
 * A core with its config and state types erased for the registry. Sound as long as the runtime hands
 * `start` only what the same core's `configSchema` parsed, and `step`/`report` only states that core returned.
 */
export function executorType<Config, State>(core: ExecutorCore<Config, State>, description: string, useCase: string): ExecutorTypeInfo {
  return { core: core as unknown as ExecutorCore<unknown, unknown>, description, useCase };
}

import { bollingerV1 } from './bollinger_v1';
import type { ControllerCore } from './core';

/** A controller core of any config and state: the runtime only passes them back to the core that made them. */
export type AnyControllerCore = ControllerCore<unknown, unknown>;

/** Every controller by its `controller_name`. */
export const CONTROLLERS: Readonly<Record<string, AnyControllerCore>> = {
  bollinger_v1: bollingerV1 as AnyControllerCore,
};

export function controllerCore(name: string): AnyControllerCore | undefined {
  return Object.hasOwn(CONTROLLERS, name) ? CONTROLLERS[name] : undefined;
}

// Placeholder replaced below.
import type { Server } from 'node:http';
export function attachStreams(_server: Server, _deps: unknown): { close(): Promise<void> } {
  return { close: async () => undefined };
}

import { createRoute } from '@hono/zod-openapi';
import type { AppRouter } from './app';
import { checkDatabase } from './db/health';
import type { RouterEnv } from './env';
import { WorkerHealthSchema } from '../schemas/health';
import { commonErrorResponses } from '../schemas/errors';

/** Mounts `GET <prefix>/health`: the worker's own liveness and its database reachability. */
export function mountHealth<Bindings extends RouterEnv>(app: AppRouter<Bindings>, worker: string, prefix: string, tag: string) {
  const route = createRoute({
    method: 'get',
    path: `${prefix}/health`,
    tags: [tag],
    summary: `Health of the ${worker} worker and its database`,
    responses: {
      200: { description: 'Worker is up; `database` tells whether Postgres answers', content: { 'application/json': { schema: WorkerHealthSchema } } },
      401: commonErrorResponses[401],
    },
  });
  app.openapi(route, async (c) => {
    const database = await checkDatabase(c.env);
    return c.json({ status: database.reachable ? ('ok' as const) : ('degraded' as const), worker, database }, 200);
  });
}

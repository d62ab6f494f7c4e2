import type { Context } from 'hono';
import type { AppEnv } from '../../lib/env';
import type { AppRouter } from '../../lib/app';
import type { EdgeEnv } from './env';
import { UPSTREAMS } from './routing';

type OpenApiDocument = {
  paths?: Record<string, Record<string, { security?: unknown[] } & Record<string, unknown>>>;
  components?: { schemas?: Record<string, unknown> };
  tags?: { name: string }[];
};

const PUBLIC_SECURITY: unknown[] = [];

async function fragment(env: EdgeEnv, upstream: (typeof UPSTREAMS)[number]): Promise<OpenApiDocument> {
  const response = await env[upstream].fetch('https://router.internal/openapi.json');
  return response.ok ? response.json() : {};
}

/**
 * The public document: the edge's own routes plus every router worker's fragment, fetched over the
 * service bindings so each worker stays the only source of its contract.
 */
export async function mergedDocument(edge: AppRouter<EdgeEnv>, c: Context<AppEnv<EdgeEnv>>) {
  const document = edge.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Colibri',
      version: '0.1.0',
      description:
        'Open trading gateway: the Hummingbot Gateway and Hummingbot API surfaces on Cloudflare Workers. ' +
        'Authenticate with HTTP Basic (USERNAME/PASSWORD) or `Authorization: Bearer <API_KEY>`.',
    },
    servers: [{ url: new URL(c.req.url).origin }],
    security: [{ basicAuth: [] }, { bearerAuth: [] }],
  }) as ReturnType<typeof edge.getOpenAPI31Document> & OpenApiDocument;
  for (const methods of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(methods)) operation.security = PUBLIC_SECURITY;
  }
  const fragments = await Promise.all(UPSTREAMS.map((upstream) => fragment(c.env, upstream)));
  const paths = { ...document.paths } as Record<string, unknown>;
  const schemas = { ...document.components?.schemas } as Record<string, unknown>;
  const tags = new Map<string, { name: string }>();
  for (const part of fragments) {
    Object.assign(paths, part.paths);
    Object.assign(schemas, part.components?.schemas);
    for (const tag of part.tags ?? []) tags.set(tag.name, tag);
  }
  return {
    ...document,
    paths,
    tags: [...tags.values()],
    components: {
      ...document.components,
      schemas,
      securitySchemes: {
        basicAuth: { type: 'http', scheme: 'basic' },
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'The API_KEY secret' },
      },
    },
  };
}

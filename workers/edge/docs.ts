import type { Handler } from 'hono';
import type { AppEnv } from '../../lib/env';
import { NotFoundError } from '../../lib/errors';
import type { EdgeEnv } from './env';

/** Swagger UI's files, served from the edge's static assets (swagger-ui-dist) so /docs works offline too. */
const DOCS_ASSETS = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png']);

export const docsPage: Handler<AppEnv<EdgeEnv>> = (c) =>
  c.html(`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Colibri API</title>
    <link rel="icon" href="/docs/assets/favicon-32x32.png" />
    <link rel="stylesheet" href="/docs/assets/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/assets/swagger-ui-bundle.js"></script>
    <script>
      window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true });
    </script>
  </body>
</html>`);

export const docsAsset: Handler<AppEnv<EdgeEnv>> = async (c) => {
  const file = c.req.param('file') ?? '';
  if (!DOCS_ASSETS.has(file) || !c.env.ASSETS) throw new NotFoundError(`Route GET:${c.req.path} not found`);
  const response = await c.env.ASSETS.fetch(new URL(`/${file}`, c.req.url));
  const headers = new Headers(response.headers);
  headers.set('cache-control', 'public, max-age=86400');
  return new Response(response.body, { status: response.status, headers });
};

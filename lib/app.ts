import { OpenAPIHono, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import type { AppEnv } from './env';
import {
  BadRequestError,
  HttpError,
  NotFoundError,
  ServiceUnavailableError,
  ValidationError,
  errorBody,
  internalErrorBody,
  type FieldIssue,
} from './errors';
import { isDatabaseUnavailable } from './db/unavailable';
import { describeError, log } from './log';

export const REQUEST_ID_HEADER = 'x-request-id';

function fieldIssues(error: ZodError, target: string): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : target,
    reason: issue.message,
  }));
}

/** A router whose validation failures become one 400 `ValidationError` naming each field. */
export function createRouter<Bindings extends object>() {
  return new OpenAPIHono<AppEnv<Bindings>>({
    strict: false,
    defaultHook: (result) => {
      if (!result.success) throw new ValidationError(fieldIssues(result.error, result.target));
    },
  });
}

export type AppRouter<Bindings extends object> = ReturnType<typeof createRouter<Bindings>>;

const requestId: MiddlewareHandler<AppEnv<object>> = async (c, next) => {
  c.set('requestId', c.req.header(REQUEST_ID_HEADER) ?? crypto.randomUUID());
  await next();
  c.header(REQUEST_ID_HEADER, c.get('requestId'));
};

/** C0 controls but tab, LF and CR, and DEL: no field holds them, and Postgres refuses NUL outright (a 500 if it got there). */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The first string in `value` (walked without recursion: nesting depth is the client's) holding a control character. */
function controlCharacterField(value: unknown, root: string): string | undefined {
  const pending: [string, unknown][] = [[root, value]];
  while (pending.length) {
    const [path, item] = pending.pop()!;
    if (typeof item === 'string') {
      if (CONTROL_CHARACTER.test(item)) return path;
    } else if (item && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        const childPath = Array.isArray(item) ? `${path}.${key}` : key && path !== root ? `${path}.${key}` : key;
        if (CONTROL_CHARACTER.test(key)) return childPath;
        pending.push([childPath, child]);
      }
    }
  }
  return undefined;
}

/** The path as route parameters see it; a malformed escape stays as sent (no parameter decodes it either). */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * Refuses control characters in the path, query values and JSON bodies of every route at once, before any
 * handler stores or looks them up (names, symbols, addresses all end in Postgres).
 */
const refuseControlCharacters: MiddlewareHandler<AppEnv<object>> = async (c, next) => {
  const issues: FieldIssue[] = [];
  if (CONTROL_CHARACTER.test(decodedPath(c.req.path))) issues.push({ field: 'path', reason: 'must not contain control characters' });
  for (const [name, values] of Object.entries(c.req.queries())) {
    if (values.some((value) => CONTROL_CHARACTER.test(value)) || CONTROL_CHARACTER.test(name)) issues.push({ field: name.slice(0, 100), reason: 'must not contain control characters' });
  }
  if (/^application\/([\w.-]+\+)?json/i.test(c.req.header('content-type') ?? '')) {
    // Malformed JSON is the validator's to report; only a parsed body is walked.
    const body: unknown = await c.req.json().catch(() => undefined);
    const field = controlCharacterField(body, 'body');
    if (field) issues.push({ field: field.slice(0, 100), reason: 'must not contain control characters' });
  }
  if (issues.length) throw new ValidationError(issues);
  await next();
};

function toHttpError(err: unknown): HttpError | undefined {
  if (err instanceof HttpError) return err;
  // Hono's own validators throw these for bodies that are not JSON at all.
  if (err instanceof HTTPException && err.status < 500) {
    return err.status === 400 ? new BadRequestError(err.message || 'Malformed request') : new HttpError(err.status, err.message);
  }
  if (isDatabaseUnavailable(err)) return new ServiceUnavailableError('The database cannot be reached; retry shortly', 'DATABASE_UNAVAILABLE');
  return undefined;
}

export function renderError<Bindings extends object>(err: unknown, c: Context<AppEnv<Bindings>>): Response {
  const id = c.get('requestId');
  const httpError = toHttpError(err);
  if (httpError?.code === 'DATABASE_UNAVAILABLE') log('warn', 'database unavailable', { requestId: id, path: c.req.path, ...describeError(err) });
  if (httpError) {
    if (httpError.retryAfterSeconds !== undefined) c.header('Retry-After', String(httpError.retryAfterSeconds));
    return c.json(errorBody(httpError, id), httpError.statusCode);
  }
  log('error', 'unhandled error', {
    requestId: id,
    path: c.req.path,
    ...describeError(err),
  });
  return c.json(internalErrorBody(id), 500);
}

export interface WorkerAppOptions {
  /** Worker name, also the OpenAPI document's title suffix. */
  name: string;
  description: string;
}

/** An app with request ids, a JSON 404 and the one error handler: what every worker starts from. */
export function createApp<Bindings extends object>(): AppRouter<Bindings> {
  const app = createRouter<Bindings>();
  app.use('*', requestId);
  app.notFound((c) => {
    const err = new NotFoundError(`Route ${c.req.method}:${c.req.path} not found`);
    return c.json(errorBody(err, c.get('requestId')), 404);
  });
  app.onError(renderError);
  return app;
}

/**
 * A router worker's app: `createApp` plus its OpenAPI fragment at `/openapi.json`, which the edge
 * merges into the public document (router workers are reachable only through the edge).
 */
export function createWorkerApp<Bindings extends object>(options: WorkerAppOptions): AppRouter<Bindings> {
  const app = createApp<Bindings>();
  app.use('*', refuseControlCharacters);
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: `Colibri ${options.name}`, version: '0.1.0', description: options.description },
  });
  return app;
}

/** A handler typed by its route contract: input already validated, output checked against the schema. */
export type AppRouteHandler<R extends RouteConfig, Bindings extends object> = RouteHandler<R, AppEnv<Bindings>>;

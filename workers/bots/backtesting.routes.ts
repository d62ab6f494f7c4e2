import { createRoute, z } from '@hono/zod-openapi';
import {
  BacktestRequestSchema,
  BacktestResultSchema,
  MAX_RUN_CANDLES,
  MAX_TASK_CANDLES,
  SERIES_NAMES,
  SeriesPageSchema,
  SeriesQuerySchema,
  TaskDeletedSchema,
  TaskIdSchema,
  TaskSchema,
  TaskSubmittedSchema,
} from '../../schemas/backtesting';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';

const tags = ['Backtesting'];
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const body = { body: { content: { 'application/json': { schema: BacktestRequestSchema } }, required: true } };
const badRequest = errorResponse(
  'Invalid request or config, naming the field: end_time not after start_time, a range over the limit, an unsupported resolution (the supported ones listed), trade_cost outside [0, 1), a pair the connector does not list',
);
const params = z.object({ task_id: TaskIdSchema });

export const runBacktest = createRoute({
  method: 'post',
  path: '/backtesting/run',
  tags,
  summary: 'Run a backtest now and answer its result',
  description:
    `For short ranges: at most ${MAX_RUN_CANDLES} candles (35 days of 1m) with the warm-up; longer ones go to \`/backtesting/tasks\`. ` +
    "The live controller and executor cores over held candles (fetched once from the exchange). Hummingbot answers 200 with `{error}` on a failure; this answers the 4xx.",
  request: body,
  responses: {
    200: json(BacktestResultSchema, "Hummingbot's backtest payload"),
    ...commonErrorResponses,
    400: badRequest,
    404: errorResponse('Unknown controller (config.controller_name), stored config, or connector'),
  },
});

export const submitTask = createRoute({
  method: 'post',
  path: '/backtesting/tasks',
  tags,
  summary: 'Queue a backtest task',
  description: `Checked at once (the same 4xx as /run), then run off the request path in its own Durable Object; at most ${MAX_TASK_CANDLES} candles. Persisted in Postgres: a restart resumes it.`,
  request: body,
  responses: {
    200: json(TaskSubmittedSchema, 'Queued'),
    ...commonErrorResponses,
    400: badRequest,
    404: errorResponse('Unknown controller (config.controller_name), stored config, or connector'),
  },
});

export const listTasks = createRoute({
  method: 'get',
  path: '/backtesting/tasks',
  tags,
  summary: 'Backtest tasks, newest first (without results)',
  responses: { 200: json(z.array(TaskSchema.omit({ result: true })), 'Tasks'), ...commonErrorResponses },
});

export const getTask = createRoute({
  method: 'get',
  path: '/backtesting/tasks/{task_id}',
  tags,
  summary: 'A backtest task: status, progress (candles done of all), result once completed',
  request: { params },
  responses: { 200: json(TaskSchema, 'The task'), 404: errorResponse('No task with that id'), ...commonErrorResponses },
});

export const deleteTask = createRoute({
  method: 'delete',
  path: '/backtesting/tasks/{task_id}',
  tags,
  summary: 'Cancel a running task, or delete a finished one',
  description: 'A pending or running task is cancelled (its runner stops within one progress report, about 100,000 candles) and kept as `cancelled`; any other is deleted.',
  request: { params },
  responses: { 200: json(TaskDeletedSchema, 'Cancelled or deleted'), 404: errorResponse('No task with that id'), ...commonErrorResponses },
});

export const getTaskSeries = createRoute({
  method: 'get',
  path: '/backtesting/tasks/{task_id}/series/{series}',
  tags,
  summary: "A page of a completed task's full time series (one row per bar)",
  description: 'The result keeps 1000 sampled rows of each series; this pages through every bar.',
  request: { params: params.extend({ series: z.enum(SERIES_NAMES).openapi({ param: { name: 'series', in: 'path' } }) }), query: SeriesQuerySchema },
  responses: { 200: json(SeriesPageSchema, 'Rows offset … offset+limit'), 404: errorResponse('No task with that id, or not completed'), ...commonErrorResponses },
});

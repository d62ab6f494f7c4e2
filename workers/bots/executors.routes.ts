import { createRoute, z } from '@hono/zod-openapi';
import { SafeNameSchema } from '../../schemas/accounts';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';
import {
  CreatedExecutorSchema,
  CreateExecutorRequestSchema,
  ExecutorConfigSchemaSchema,
  ExecutorLogsSchema,
  ExecutorPageSchema,
  ExecutorSchema,
  ExecutorSummarySchema,
  ExecutorTypesSchema,
  PerformanceReportSchema,
  PositionHoldSchema,
  PositionsSummarySchema,
  SearchExecutorsRequestSchema,
  StopExecutorRequestSchema,
  StopExecutorResponseSchema,
} from '../../schemas/executors';

const tags = ['Executors'];
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const path = (name: string) => z.string().min(1).max(200).openapi({ param: { name, in: 'path' } });
const ControllerQuery = z.object({ controller_id: z.string().max(64).optional() });
const PositionPath = z.object({ connector_name: path('connector_name'), trading_pair: path('trading_pair') });
const PositionQuery = z.object({ account_name: SafeNameSchema.default('master_account'), controller_id: z.string().max(64).default('main') });

export const createExecutor = createRoute({
  method: 'post',
  path: '/executors',
  tags,
  summary: 'Create and start an executor',
  description:
    'Validates the config against its type, the account, its credentials and the pair, then starts the executor in its own Durable Object. ' +
    'Orders carry client order ids derived from (executor id, order number): a crash or a restart never sends one twice. ' +
    'Not enough balance: the executor ends at once INSUFFICIENT_BALANCE (status TERMINATED) without sending an order.',
  request: body(CreateExecutorRequestSchema),
  responses: { 201: json(CreatedExecutorSchema, 'Started (or ended at once, e.g. INSUFFICIENT_BALANCE)'), 404: errorResponse('Unknown account or connector'), ...commonErrorResponses },
});

export const searchExecutors = createRoute({
  method: 'post',
  path: '/executors/search',
  tags,
  summary: 'Search executors',
  description: 'Every value of a multi-value filter counts (any of them matches). Newest first; `next_cursor` pages on.',
  request: body(SearchExecutorsRequestSchema),
  responses: { 200: json(ExecutorPageSchema, 'One page'), ...commonErrorResponses },
});

export const executorSummary = createRoute({
  method: 'get',
  path: '/executors/summary',
  tags,
  summary: 'Counts and totals over every executor',
  responses: { 200: json(ExecutorSummarySchema, 'The summary'), ...commonErrorResponses },
});

export const executorPerformance = createRoute({
  method: 'get',
  path: '/executors/performance',
  tags,
  summary: 'Performance report over all matching executors',
  description: 'Sharpe ratio (mean / sample standard deviation of per-executor PnL), win rate and PnL over completed executors; by-type counts include running ones.',
  request: { query: ControllerQuery },
  responses: { 200: json(PerformanceReportSchema, 'The report'), ...commonErrorResponses },
});

export const positionsSummary = createRoute({
  method: 'get',
  path: '/executors/positions/summary',
  tags,
  summary: 'Positions held by executors that ended POSITION_HOLD',
  request: { query: ControllerQuery },
  responses: { 200: json(PositionsSummarySchema, 'The positions'), ...commonErrorResponses },
});

export const getPositionHeld = createRoute({
  method: 'get',
  path: '/executors/positions/{connector_name}/{trading_pair}',
  tags,
  summary: 'The position held on one pair',
  request: { params: PositionPath, query: PositionQuery },
  responses: { 200: json(PositionHoldSchema, 'The position'), 404: errorResponse('No position held there'), ...commonErrorResponses },
});

export const clearPositionHeld = createRoute({
  method: 'delete',
  path: '/executors/positions/{connector_name}/{trading_pair}',
  tags,
  summary: 'Clear (forget) the position held on one pair',
  request: { params: PositionPath, query: PositionQuery },
  responses: {
    200: json(z.object({ message: z.string(), connector_name: z.string(), trading_pair: z.string() }), 'Cleared'),
    404: errorResponse('No position held there'),
    ...commonErrorResponses,
  },
});

export const executorTypes = createRoute({
  method: 'get',
  path: '/executors/types/available',
  tags,
  summary: 'The executor types',
  responses: { 200: json(ExecutorTypesSchema, 'The types'), ...commonErrorResponses },
});

export const executorConfigSchema = createRoute({
  method: 'get',
  path: '/executors/types/{executor_type}/config',
  tags,
  summary: "An executor type's config fields",
  description: "Derived from the type's zod schema, the one that validates `POST /executors/`.",
  request: { params: z.object({ executor_type: path('executor_type') }) },
  responses: { 200: json(ExecutorConfigSchemaSchema, 'The fields'), 404: errorResponse('Unknown executor type'), ...commonErrorResponses },
});

export const getExecutor = createRoute({
  method: 'get',
  path: '/executors/{executor_id}',
  tags,
  summary: 'One executor',
  request: { params: z.object({ executor_id: path('executor_id') }) },
  responses: { 200: json(ExecutorSchema, 'The executor'), 404: errorResponse('Unknown executor'), ...commonErrorResponses },
});

export const getExecutorLogs = createRoute({
  method: 'get',
  path: '/executors/{executor_id}/logs',
  tags,
  summary: "An executor's logs, newest last",
  request: {
    params: z.object({ executor_id: path('executor_id') }),
    query: z.object({ limit: z.string().regex(/^\d{1,4}$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(1).max(1000)).default(50).openapi({ type: 'integer' }), level: z.enum(['INFO', 'WARNING', 'ERROR']).optional() }),
  },
  responses: { 200: json(ExecutorLogsSchema, 'The logs'), 404: errorResponse('Unknown executor'), ...commonErrorResponses },
});

export const stopExecutor = createRoute({
  method: 'post',
  path: '/executors/{executor_id}/stop',
  tags,
  summary: 'Stop an executor',
  description: '`keep_position`: keep what it filled as a position hold (POSITION_HOLD) instead of closing it (EARLY_STOP).',
  request: { params: z.object({ executor_id: path('executor_id') }), ...body(StopExecutorRequestSchema) },
  responses: { 200: json(StopExecutorResponseSchema, 'Stopping'), 404: errorResponse('Unknown executor'), ...commonErrorResponses, 400: errorResponse('Invalid input, or the executor already finished') },
});

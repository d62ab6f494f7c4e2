import { createRoute, z } from '@hono/zod-openapi';
import { BotCommandRequestSchema, BotCommandResponseSchema } from '../../schemas/bot-commands';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';

const tags = ['Bot orchestration'];

export const sendCommand = createRoute({
  method: 'post',
  path: '/bot-orchestration/commands',
  tags,
  summary: 'Queue a command for a bot',
  description:
    'Records the command, then puts it on the `bot-commands` queue (where Hummingbot publishes to MQTT). ' +
    'Retrying with the same `command_id` returns the recorded command and never queues it twice.',
  request: { body: { content: { 'application/json': { schema: BotCommandRequestSchema } }, required: true } },
  responses: {
    202: { description: 'Queued', content: { 'application/json': { schema: BotCommandResponseSchema } } },
    200: { description: 'Already known (idempotent retry)', content: { 'application/json': { schema: BotCommandResponseSchema } } },
    409: errorResponse('`command_id` already used for a different command'),
    ...commonErrorResponses,
  },
});

export const getCommand = createRoute({
  method: 'get',
  path: '/bot-orchestration/commands/{id}',
  tags,
  summary: 'A queued command and whether it was consumed',
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: {
    200: { description: 'The command', content: { 'application/json': { schema: BotCommandResponseSchema } } },
    404: errorResponse('No command with that id'),
    ...commonErrorResponses,
  },
});

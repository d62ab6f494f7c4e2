import { createRoute, z } from '@hono/zod-openapi';
import { ConfigUpdateRequestSchema } from '../../schemas/config';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';

const tags = ['Config'];
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

export const getConfig = createRoute({
  method: 'get',
  path: '/config',
  tags,
  summary: 'Configuration of every namespace, or of one',
  description: 'A `chain-network` namespace (e.g. `ethereum-localnet`) answers its chain fields merged with its network fields.',
  request: { query: z.object({ namespace: z.string().optional().openapi({ example: 'ethereum-localnet' }) }) },
  responses: { 200: json(z.record(z.string(), z.unknown()), 'Configuration values'), 404: errorResponse("Namespace 'x' not found"), ...commonErrorResponses },
});

export const updateConfig = createRoute({
  method: 'post',
  path: '/config/update',
  tags,
  summary: 'Set one configuration value (validated, stored, applied at once)',
  request: { body: { content: { 'application/json': { schema: ConfigUpdateRequestSchema } }, required: true } },
  responses: { 200: json(z.object({ message: z.string() }), 'Stored'), 404: errorResponse('Unknown namespace'), ...commonErrorResponses },
});

export const listChains = createRoute({
  method: 'get',
  path: '/config/chains',
  tags,
  summary: 'Chains and their networks',
  responses: { 200: json(z.object({ chains: z.array(z.object({ chain: z.string(), networks: z.array(z.string()) })) }), 'Chains'), ...commonErrorResponses },
});

export const listConnectors = createRoute({
  method: 'get',
  path: '/config/connectors',
  tags,
  summary: 'DEX connectors, their trading types and networks',
  responses: {
    200: json(
      z.object({ connectors: z.array(z.object({ name: z.string(), trading_types: z.array(z.enum(['router', 'amm', 'clmm'])), chain: z.string(), networks: z.array(z.string()) })) }),
      'Connectors',
    ),
    ...commonErrorResponses,
  },
});

export const listNamespaces = createRoute({
  method: 'get',
  path: '/config/namespaces',
  tags,
  summary: 'Configuration namespaces',
  responses: { 200: json(z.object({ namespaces: z.array(z.string()) }), 'Namespaces'), ...commonErrorResponses },
});

export const restart = createRoute({
  method: 'post',
  path: '/restart',
  tags,
  summary: 'Kept for Hummingbot clients: configuration changes already apply at once',
  responses: { 200: json(z.object({}), 'Nothing to restart'), ...commonErrorResponses },
});

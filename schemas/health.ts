import { z } from '@hono/zod-openapi';

export const DatabaseHealthSchema = z
  .object({
    reachable: z.boolean(),
    latencyMs: z.number().optional().openapi({ description: 'Round trip of `select 1`' }),
    error: z.string().optional().openapi({ description: 'Why the database could not be reached' }),
  })
  .openapi('DatabaseHealth');

export const WorkerHealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    worker: z.string().openapi({ example: 'chains' }),
    database: DatabaseHealthSchema,
  })
  .openapi('WorkerHealth');

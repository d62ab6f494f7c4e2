import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { executorTypes } from '../../lib/executors/registry';

describe('executor registry', () => {
  it('lists each type under its own name, with a description and a use case', () => {
    for (const [type, info] of Object.entries(executorTypes)) {
      expect(info.core.type).toBe(type);
      expect(info.description.length).toBeGreaterThan(10);
      expect(info.useCase.length).toBeGreaterThan(10);
    }
    expect(Object.keys(executorTypes)).toEqual(expect.arrayContaining(['position_executor', 'grid_executor', 'dca_executor', 'twap_executor', 'arbitrage_executor', 'xemm_executor', 'lp_executor']));
  });

  it('derives a JSON Schema of the input from every config schema (for /executors/types/{type}/config)', () => {
    for (const info of Object.values(executorTypes)) {
      const schema = z.toJSONSchema(info.core.configSchema, { io: 'input', unrepresentable: 'any' });
      expect(schema).toMatchObject({ type: 'object' });
      expect(Object.keys((schema as { properties: object }).properties)).toContain('type');
    }
  });
});

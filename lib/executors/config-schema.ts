import { z } from '@hono/zod-openapi';
import type { ExecutorType } from './core';
import type { ExecutorTypeInfo } from './type-info';

// `GET /executors/types/{type}/config`: the fields of a type's config, read from the very zod schema
// that validates `POST /executors/` (as JSON Schema of its input), in Hummingbot API's shape.

interface JsonSchema {
  type?: string | string[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  [constraint: string]: unknown;
}

const CONSTRAINTS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'pattern'];

/** The alternatives of a field, `null` dropped (nullish fields are optional, not a type). */
const alternatives = (schema: JsonSchema): JsonSchema[] => (schema.anyOf ?? [schema]).filter((option) => option.type !== 'null');

function typeName(schema: JsonSchema, nested: string | undefined): string {
  const names = alternatives(schema).map((option) => {
    if (option.properties) return nested ?? 'object';
    if (option.type === 'array') return `List[${option.items ? typeName(option.items, undefined) : 'Any'}]`;
    if (option.enum || option.const !== undefined) return 'enum';
    if (option.type === 'number' || option.type === 'integer') return option.type === 'integer' ? 'int' : 'Decimal';
    return typeof option.type === 'string' ? ({ string: 'str', boolean: 'bool' }[option.type] ?? option.type) : 'Any';
  });
  return [...new Set(names)].join(' | ');
}

function fieldsOf(schema: JsonSchema, nestedTypes: Record<string, unknown>) {
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const objectOption = alternatives(property).find((option) => option.properties);
    const nestedName = objectOption ? name.split('_').map((word) => word[0].toUpperCase() + word.slice(1)).join('') : undefined;
    if (objectOption && nestedName) nestedTypes[nestedName] = { description: objectOption.description ?? name, fields: fieldsOf(objectOption, nestedTypes) };
    const enumValues = alternatives(property).flatMap((option) => option.enum ?? (option.const !== undefined ? [option.const] : []));
    const constraints = Object.fromEntries(alternatives(property).flatMap((option) => CONSTRAINTS.filter((key) => option[key] !== undefined).map((key) => [key, option[key]])));
    return {
      name,
      required: (schema.required ?? []).includes(name) && property.default === undefined,
      type: typeName(property, nestedName),
      ...(property.description ? { description: property.description } : {}),
      ...(property.default !== undefined ? { default: property.default } : {}),
      ...(Object.keys(constraints).length ? { constraints } : {}),
      ...(enumValues.length ? { enum_values: enumValues } : {}),
    };
  });
}

export function executorConfigSchema(type: ExecutorType, info: ExecutorTypeInfo) {
  const json = z.toJSONSchema(info.core.configSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const nestedTypes: Record<string, unknown> = {};
  const fields = fieldsOf(json, nestedTypes);
  const configClass = type.split('_').map((word) => word[0].toUpperCase() + word.slice(1)).join('').replace('Executor', 'ExecutorConfig');
  return { executor_type: type, config_class: configClass, description: info.description, fields, nested_types: nestedTypes };
}

import { ValidationError, type FieldIssue } from '../errors';
import type { ExchangeConnector } from './connectors';
import type { HummingbotCredentials } from './create-exchange';

/**
 * `body` as `connector`'s credentials: every required field present and non-empty, every field one of
 * the connector's (Hummingbot's names), secrets as strings. A 400 names each field that is not.
 */
export function checkCredentials(connector: ExchangeConnector, body: Record<string, string | boolean>): HummingbotCredentials {
  const issues: FieldIssue[] = [];
  const known = new Map(connector.credentials.map((field) => [field.name, field]));
  for (const name of Object.keys(body)) {
    if (!known.has(name)) issues.push({ field: name, reason: `not a ${connector.name} credential field (expected ${[...known.keys()].join(', ')})` });
  }
  for (const field of connector.credentials) {
    const value = body[field.name];
    if (value === undefined || value === '') {
      if (field.required) issues.push({ field: field.name, reason: 'required' });
    } else if (field.type === 'bool' ? typeof value !== 'boolean' && typeof value !== 'string' : typeof value !== 'string') {
      issues.push({ field: field.name, reason: field.type === 'bool' ? 'must be a boolean' : 'must be a string' });
    } else if (field.allowedValues && !field.allowedValues.includes(String(value))) {
      issues.push({ field: field.name, reason: `must be one of ${field.allowedValues.join(', ')}` });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return body;
}

import { describe, expect, it } from 'vitest';
import { errorBody, HttpError, NotFoundError, TooManyRequestsError, ValidationError } from '../../lib/errors';
import { decodeError, encodeError, toResult, unwrapResult } from '../../lib/rpc';

/** What an error looks like after a hop: encoded, passed as structured-clone data, decoded. */
const acrossAHop = (error: HttpError) => decodeError(structuredClone(encodeError(error)));

describe('the result codec', () => {
  it('keeps a 429 whole across a hop: name, code, message, extra fields and Retry-After', () => {
    const rebuilt = acrossAHop(new TooManyRequestsError('Rate limited by the RPC provider', 'RPC_RATE_LIMITED', { host: 'rpc.example' }, 7));
    expect(rebuilt).toBeInstanceOf(TooManyRequestsError);
    expect((rebuilt as TooManyRequestsError).retryAfterSeconds).toBe(7);
    expect(errorBody(rebuilt)).toEqual(errorBody(new TooManyRequestsError('Rate limited by the RPC provider', 'RPC_RATE_LIMITED', { host: 'rpc.example' }, 7)));
    expect(errorBody(rebuilt).error).toBe('TooManyRequestsError');
  });

  it('keeps the name of a typed error and the field list of a validation error', () => {
    expect(errorBody(acrossAHop(new NotFoundError('Token not found', 'TOKEN_NOT_FOUND')))).toMatchObject({ statusCode: 404, error: 'NotFoundError', code: 'TOKEN_NOT_FOUND' });
    const validation = acrossAHop(new ValidationError([{ field: 'amount', reason: 'must be positive' }]));
    expect(errorBody(validation)).toMatchObject({ statusCode: 400, error: 'Validation Error', validation: [{ field: 'amount', reason: 'must be positive' }] });
  });

  it('carries a value through, and rethrows an HttpError as itself on the other side', async () => {
    expect(unwrapResult(await toResult(async () => 42))).toBe(42);
    const result = await toResult(async () => {
      throw new NotFoundError('Pool not found', 'POOL_NOT_FOUND');
    });
    expect(() => unwrapResult(structuredClone(result))).toThrowError(expect.objectContaining({ statusCode: 404, code: 'POOL_NOT_FOUND', errorName: 'NotFoundError' }));
  });

  it('lets any other error through as a bug (a 500), never as a value', async () => {
    const bug = toResult(async () => {
      throw new TypeError('boom');
    });
    await expect(bug).rejects.toThrow(TypeError);
  });
});

import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { logSafeError, sqlStateOf } from './query-errors';

/** A pg / PGlite error as the drivers raise it. */
function databaseError(code: string, message: string, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(message), { code, severity: 'ERROR', ...extra });
}

describe('sqlStateOf', () => {
  it('finds the SQLSTATE under drizzle’s wrapper', () => {
    const cause = databaseError('22P02', 'invalid input syntax for type uuid: "nope"');
    expect(sqlStateOf(new DrizzleQueryError('select 1', ['nope'], cause))).toBe('22P02');
  });

  it('does not take a node error code for one', () => {
    expect(sqlStateOf(Object.assign(new Error('broken pipe'), { code: 'EPIPE' }))).toBeUndefined();
  });
});

describe('logSafeError', () => {
  it('keeps the SQL of a failed query but none of its parameters', () => {
    const secret = 'marie@example.com';
    const cause = databaseError(
      '23505',
      'duplicate key value violates unique constraint "users_email_unique"',
      {
        detail: `Key (email)=(${secret}) already exists.`,
        constraint: 'users_email_unique',
        table: 'users',
      },
    );
    const err = new DrizzleQueryError('insert into "users" ("email") values ($1)', [secret], cause);
    const safe = logSafeError(err) as Error & { cause: Error & Record<string, unknown> };
    const seen = JSON.stringify([
      safe.message,
      safe.stack,
      { ...safe },
      safe.cause.message,
      safe.cause.stack,
      { ...safe.cause },
    ]);
    expect(seen).not.toContain(secret);
    expect(safe.message).toContain('insert into "users"');
    expect(safe.cause.code).toBe('23505');
    expect(safe.cause.constraint).toBe('users_email_unique');
    expect(safe.stack).toMatch(/^\s+at /m);
  });

  it('redacts the value a data error quotes', () => {
    const cause = databaseError('22003', 'value "99999999999999" is out of range for type integer');
    const safe = logSafeError(new DrizzleQueryError('select $1', [99999999999999], cause)) as Error & {
      cause: Error;
    };
    expect(safe.cause.message).toBe('value "[redacted]" is out of range for type integer');
    expect(`${safe.message}${safe.stack}${safe.cause.stack}`).not.toContain('99999999999999');
  });

  it('leaves other errors as they are', () => {
    const err = new TypeError('x is undefined');
    expect(logSafeError(err)).toBe(err);
    expect(logSafeError('text')).toBe('text');
  });
});

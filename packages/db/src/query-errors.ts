// Database errors as the rest of the code needs them: their SQLSTATE, and what of them may reach a
// log. drizzle's DrizzleQueryError carries the bound parameters
// (in `params` and in its message and stack), and PostgreSQL's data errors quote the offending value
// ('invalid input syntax for type uuid: "..."'); both can hold what a person typed: emails, post
// text, tokens from a query string. The SQL text (with its $n placeholders), the SQLSTATE and the
// names of tables, columns and constraints stay: they are what a maintainer needs.

const QUOTED = /"(?:[^"\\]|\\.)*"/g;

/** Fields of a pg / PGlite error that name things, not values (`detail` and `where` may quote rows). */
const SAFE_DB_FIELDS = ['code', 'severity', 'schema', 'table', 'column', 'constraint', 'routine'] as const;

/** The log's `type` is the constructor's name: these say what was scrubbed. */
class FailedQuery extends Error {}
class DatabaseFailure extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function isQueryError(err: Record<string, unknown>): boolean {
  return typeof err.query === 'string' && 'params' in err;
}

// Five characters, at least one a digit: 23505, 22P02, XX000 (node's EPIPE is not one).
const isSqlState = (code: unknown): code is string =>
  typeof code === 'string' && /^(?=.*\d)[0-9A-Z]{5}$/.test(code);

function isDatabaseError(err: Record<string, unknown>): boolean {
  return isSqlState(err.code) && typeof err.message === 'string';
}

/** The SQLSTATE of a database error (e.g. 23505), also when drizzle wrapped it in a DrizzleQueryError. */
export function sqlStateOf(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; isObject(e) && depth < 5; depth++) {
    if (isSqlState(e.code)) return e.code;
    e = e.cause;
  }
  return undefined;
}

/** Only the "    at ..." frames: a stack's first lines repeat the message, parameters included. */
function framesOf(stack: unknown): string {
  if (typeof stack !== 'string') return '';
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}

function withStack(error: Error, stack: unknown): Error {
  error.stack = `${error.name}: ${error.message}\n${framesOf(stack)}`;
  return error;
}

function safeDatabaseError(err: Record<string, unknown>): Error {
  const code = String(err.code);
  // Class 22 (data exception) messages quote the value that did not fit the type.
  const message = code.startsWith('22')
    ? String(err.message).replace(QUOTED, '"[redacted]"')
    : String(err.message);
  const safe = withStack(new DatabaseFailure(message), err.stack) as Error & Record<string, unknown>;
  for (const field of SAFE_DB_FIELDS) if (err[field] !== undefined) safe[field] = err[field];
  return safe;
}

/**
 * A copy of `err` fit for a log: failed queries keep their SQL but lose their parameters, database
 * errors lose the values they quote. Anything else is returned as it is.
 */
export function logSafeError(err: unknown, depth = 0): unknown {
  if (!isObject(err) || depth > 5) return err;
  // First: PGlite's own errors carry a SQLSTATE *and* the query's params.
  if (isDatabaseError(err)) return safeDatabaseError(err);
  if (isQueryError(err)) {
    const safe = withStack(new FailedQuery(`Failed query: ${String(err.query)}`), err.stack);
    if (err.cause !== undefined) safe.cause = logSafeError(err.cause, depth + 1);
    // Loggers print a cause's message but not its fields: lift the SQLSTATE next to the query.
    const sqlState = sqlStateOf(err.cause);
    return sqlState ? Object.assign(safe, { sqlState }) : safe;
  }
  if (err instanceof Error && err.cause !== undefined) {
    const cause = logSafeError(err.cause, depth + 1);
    if (cause !== err.cause) {
      const copy = Object.assign(Object.create(Object.getPrototypeOf(err) as object), err) as Error;
      copy.message = err.message;
      copy.stack = err.stack ?? '';
      copy.cause = cause;
      return copy;
    }
  }
  return err;
}

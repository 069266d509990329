// The API answers every failure as { error: { code, message, details } }; this turns that into an
// exception react-query can carry, with the per-field problems forms show beside their inputs.
// The shapes come from the API's OpenAPI document (schema.d.ts), so a field the API stops sending
// fails the web app's typecheck rather than its users.
import type { components } from './schema';

type FieldProblem = components['schemas']['FieldProblem'];
/** What an error may say besides field problems: currentVersion, violations, gap, at... */
export type ErrorFacts = components['schemas']['ErrorFacts'];
export type ErrorDetails = NonNullable<components['schemas']['Error']['error']['details']>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetails | undefined,
    /** The message's code in the shared catalogue, when the API gave one: screens word it themselves. */
    readonly said?: { messageCode: string; params?: Record<string, string | number | string[]> },
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Validation problems keyed by field path without its "body." prefix ("workspace.timezone"). */
  get fieldErrors(): Record<string, string> {
    if (!Array.isArray(this.details)) return {};
    const out: Record<string, string> = {};
    for (const item of this.details) {
      if (!isFieldProblem(item)) continue;
      const field = item.field.replace(/^body\./, '');
      out[field] ??= item.message;
    }
    return out;
  }

  /** The reason codes of field problems that carry one, keyed like fieldErrors. */
  get fieldReasons(): Record<string, string> {
    if (!Array.isArray(this.details)) return {};
    const out: Record<string, string> = {};
    for (const item of this.details as unknown[]) {
      if (!isFieldProblem(item) || typeof item.reason !== 'string') continue;
      out[item.field.replace(/^body\./, '')] ??= item.reason;
    }
    return out;
  }

  /** The facts of a refusal (a conflict's current version, the charter's violations...), if any. */
  get facts(): ErrorFacts {
    return this.details && !Array.isArray(this.details) ? this.details : {};
  }
}

function isFieldProblem(v: unknown): v is FieldProblem {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as FieldProblem).field === 'string' &&
    typeof (v as FieldProblem).message === 'string'
  );
}

interface ErrorBody {
  error?: {
    code?: unknown;
    message?: unknown;
    messageCode?: unknown;
    params?: unknown;
    details?: ErrorDetails;
  };
}

/** The catalogue code and parameters of an error body, when it has them. */
export function saidOf(error: { messageCode?: unknown; params?: unknown } | undefined): ApiError['said'] {
  if (typeof error?.messageCode !== 'string') return undefined;
  const params = typeof error.params === 'object' && error.params !== null ? error.params : {};
  return { messageCode: error.messageCode, params: params as Record<string, string | number | string[]> };
}

/** Unwraps an openapi-fetch result: the data, or an ApiError built from the error body. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  const body = (result.error ?? {}) as ErrorBody;
  const code = typeof body.error?.code === 'string' ? body.error.code : 'http_error';
  const message =
    typeof body.error?.message === 'string' ? body.error.message : `HTTP ${result.response.status}`;
  throw new ApiError(result.response.status, code, message, body.error?.details, saidOf(body.error));
}

export const isApiError = (e: unknown, status?: number): e is ApiError =>
  e instanceof ApiError && (status === undefined || e.status === status);

// One error type for the whole domain. The HTTP edge maps each code to a status in one table;
// the domain never knows about HTTP.
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  /** A write that must name the version it read (If-Match or body.version) named none: 428. */
  | 'precondition_required'
  | 'unprocessable'
  | 'limit_reached'
  | 'rate_limited'
  | 'payload_too_large'
  /** The server is stopping (a deploy, a restart): retry on another instance or in a moment. */
  | 'shutting_down'
  | 'internal';

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'Your role does not allow this', details?: unknown) =>
  new AppError('forbidden', message, details);
export const conflict = (message: string, details?: unknown) => new AppError('conflict', message, details);
/** A per-person or per-workspace cap (tokens, feeds, workspaces, invitations) is reached: 422. */
export const limitReached = (message: string, details: { limit: string; max: number }) =>
  new AppError('limit_reached', message, details);
export const unprocessable = (message: string, details?: unknown) =>
  new AppError('unprocessable', message, details);

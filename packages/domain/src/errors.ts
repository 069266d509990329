// One error type for the whole domain. The HTTP edge maps each code to a status in one table;
// the domain never knows about HTTP. An error may name its sentence in the shared catalogue
// (`say`): the edge then words it in the reader's language; its `message` stays the English
// sentence, for logs and for English readers.
import { type MessageCode, type MessageParams, type MessageRef, translate } from '@cadence/messages';
import type { DomainErrorCode, NotFoundThing } from '@cadence/names';

export type ErrorCode = DomainErrorCode;

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: unknown,
    public readonly say?: MessageRef,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** An error whose words come from the catalogue: its English sentence is its message. */
export function sayError(
  code: ErrorCode,
  messageCode: MessageCode,
  params: MessageParams = {},
  details?: unknown,
) {
  return new AppError(code, translate('en', messageCode, params), details, { messageCode, params });
}

export const notFound = (what: NotFoundThing) => sayError('not_found', `errors.notFound.${what}`);
export const forbidden = (message = 'Your role does not allow this', details?: unknown) =>
  new AppError('forbidden', message, details);
export const conflict = (message: string, details?: unknown) => new AppError('conflict', message, details);
/** A per-person or per-workspace cap (tokens, feeds, workspaces, invitations) is reached: 422. */
export const limitReached = (message: string, details: { limit: string; max: number }) =>
  new AppError('limit_reached', message, details);
export const unprocessable = (message: string, details?: unknown) =>
  new AppError('unprocessable', message, details);

// One error type for the whole domain. The HTTP edge maps each code to a status in one table;
// the domain never knows about HTTP. Every error names its sentence in the shared catalogue
// (`say`, a message code with parameters): the edge words it in the reader's language; its
// `message` is the English sentence, for logs. A field problem carries a reason code
// (`validation.<reason>`) and parameters, never words.
import {
  fieldSentence,
  type MessageCode,
  type MessageParams,
  type MessageRef,
  translate,
  type ValidationReason,
} from '@cadence/messages';
import type { DomainErrorCode, NotFoundThing } from '@cadence/names';

export type ErrorCode = DomainErrorCode;

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    public readonly say: MessageRef,
    public readonly details?: unknown,
    /** The English sentence when it says more than `say` (every field problem, not the first). */
    english?: string,
  ) {
    super(english ?? translate('en', say.messageCode, say.params));
    this.name = 'AppError';
  }
}

/** An error by its catalogue code and parameters. */
export function sayError(
  code: ErrorCode,
  messageCode: MessageCode,
  params: MessageParams = {},
  details?: unknown,
) {
  return new AppError(code, { messageCode, params }, details);
}

export const notFound = (what: NotFoundThing) => sayError('not_found', `errors.notFound.${what}`);
export const forbidden = (
  messageCode: MessageCode = 'errors.code.forbidden',
  params: MessageParams = {},
  details?: unknown,
) => sayError('forbidden', messageCode, params, details);
export const conflict = (messageCode: MessageCode, params: MessageParams = {}, details?: unknown) =>
  sayError('conflict', messageCode, params, details);
/** A per-person or per-workspace cap (tokens, feeds, workspaces, invitations) is reached: 422. */
export const limitReached = (
  messageCode: MessageCode,
  params: MessageParams,
  details: { limit: string; max: number },
) => sayError('limit_reached', messageCode, params, details);
export const unprocessable = (messageCode: MessageCode, params: MessageParams = {}, details?: unknown) =>
  sayError('unprocessable', messageCode, params, details);

/** One field's problem: its path, a reason code and parameters; `message` is the English sentence. */
export interface FieldProblem {
  field: string;
  reason: ValidationReason;
  params?: MessageParams;
  message: string;
}

export function fieldProblem(
  field: string,
  reason: ValidationReason,
  params: MessageParams = {},
): FieldProblem {
  return { field, reason, params, message: fieldSentence('en', field, { reason, params }) };
}

/** A refusal naming fields; it says the first problem's sentence. */
export function fieldsError(problems: FieldProblem[], code: ErrorCode = 'validation_failed'): AppError {
  const first = problems[0];
  if (!first) return sayError(code, `errors.code.${code}`);
  const say = {
    messageCode: `validation.${first.reason}` as const,
    params: { ...first.params, field: first.field },
  };
  return new AppError(code, say, problems, problems.map((p) => p.message).join(' '));
}

/** A refusal naming one field (400 validation_failed unless another code is given). */
export const invalidField = (
  field: string,
  reason: ValidationReason,
  params: MessageParams = {},
  code: ErrorCode = 'validation_failed',
) => fieldsError([fieldProblem(field, reason, params)], code);

// The one error shape of the API and the one table from domain codes to HTTP statuses.
import { messageParamsSchema, violationSchema } from '@cadence/domain/charter/schemas';
import type { ErrorCode } from '@cadence/domain/errors';
import { rowErrorSchema } from '@cadence/domain/import-export/schemas';
import { z } from 'zod';

const fieldProblemSchema = z
  .object({
    field: z
      .string()
      .describe('Where the problem is, from the request root: body.requestedSchedule.timezone'),
    message: z.string().describe('The problem as a sentence naming the field, in the language of the answer'),
    reason: z
      .string()
      .optional()
      .describe(
        'A code for the problem, for clients that word it themselves: required, invalid_uuid, too_long, ' +
          'not_one_of, unknown_field...',
      ),
  })
  .meta({ id: 'FieldProblem' });

/**
 * What `error.details` may hold besides a list of field problems. Every key is optional (each
 * error fills the ones it has) and others may be added later, so clients read what they know.
 */
const errorFactsSchema = z
  .looseObject({
    reason: z
      .string()
      .optional()
      .describe(
        'Why, as a code: nonexistent_local_time, in_the_past, needs_approval, no_queue_slots, ' +
          'no_common_slot, queue_search_exhausted, last_owner, owner_only, already_member...',
      ),
    field: z.string().optional().describe('The field the refusal is about (body.requestedSchedule.local)'),
    currentVersion: z.number().int().optional().describe('409 on a stale version: the version now'),
    currentContentRevision: z.number().int().optional().describe('409: the content revision now'),
    status: z.string().optional().describe('409: the post status now'),
    allowedFrom: z.array(z.string()).optional().describe('409: the statuses this step may start from'),
    approvals: z.number().int().optional(),
    approvalsRequired: z.number().int().optional(),
    violations: z.array(violationSchema).optional().describe('422: the charter rules that block'),
    gap: z
      .object({ from: z.string(), to: z.string() })
      .optional()
      .describe('nonexistent_local_time: the wall-clock hours the clocks skip that day (02:00 to 03:00)'),
    timezone: z.string().optional(),
    at: z.string().optional().describe('in_the_past: the instant (ISO, UTC) the requested time resolved to'),
    channelIds: z.array(z.string()).optional(),
    targets: z.array(z.object({ channelId: z.string(), status: z.string() })).optional(),
    errors: z.array(rowErrorSchema).optional().describe('CSV import: every problem by row and column'),
    limit: z.string().optional().describe('limit_reached: which cap'),
    max: z.number().int().optional().describe('limit_reached: the cap'),
    retryAfter: z.union([z.number(), z.string()]).optional().describe('429: seconds to wait'),
  })
  .meta({ id: 'ErrorFacts' });

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('validation_failed, conflict, unprocessable, precondition_required...'),
      message: z
        .string()
        .describe(
          'For people, in the language of the answer: Accept-Language (fr or en, q-values honoured), ' +
            "else the workspace's language on a workspace route, else English",
        ),
      messageCode: z
        .string()
        .optional()
        .describe(
          'The code of that sentence in the message catalogue (errors.notFound.post), when it has one',
        ),
      params: messageParamsSchema.optional().describe('The parameters of messageCode'),
      details: z.union([z.array(fieldProblemSchema), errorFactsSchema]).optional(),
      requestId: z.string().optional().describe('Also the X-Request-Id header, and in the server logs'),
    }),
  })
  .meta({ id: 'Error' });

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  precondition_required: 428,
  unprocessable: 422,
  limit_reached: 422,
  rate_limited: 429,
  internal: 500,
  shutting_down: 503,
};

/** Error responses every route may give, for the OpenAPI document. */
export const errorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  422: errorBodySchema,
  429: errorBodySchema,
} as const;

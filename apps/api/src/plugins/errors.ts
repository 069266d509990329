import { AppError } from '@cadence/domain/errors';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { STATUS_BY_CODE } from '../http/errors';

interface FieldProblem {
  field: string;
  message: string;
}

function send(reply: FastifyReply, status: number, code: string, message: string, details?: unknown) {
  return reply.code(status).send({ error: { code, message, details, requestId: String(reply.request.id) } });
}

interface ValidationParams {
  keys?: string[];
  issue?: { path?: PropertyKey[]; code?: string; keys?: string[] };
}

function zodProblems(err: FastifyError): FieldProblem[] {
  const context = err.validationContext ?? 'body';
  return (err.validation ?? []).flatMap((v) => {
    const params = (v.params ?? {}) as ValidationParams;
    // fastify-type-provider-zod reports the path as a JSON pointer (instancePath); older builds
    // only carried the zod issue. Accept both so a dependency update cannot unname the fields.
    const path = v.instancePath
      ? v.instancePath.split('/').filter(Boolean).map(decodePointer)
      : (params.issue?.path ?? []).map(String);
    const base = [context, ...path].join('.');
    // Unknown fields are reported on the object; name each field itself.
    const unknownKeys =
      v.keyword === 'unrecognized_keys' || params.issue?.code === 'unrecognized_keys'
        ? (params.keys ?? params.issue?.keys ?? [])
        : [];
    if (unknownKeys.length > 0) {
      return unknownKeys.map((key) => ({ field: `${base}.${key}`, message: 'is not a known field' }));
    }
    return [{ field: base, message: v.message ?? 'is invalid' }];
  });
}

const decodePointer = (segment: string) => segment.replaceAll('~1', '/').replaceAll('~0', '~');

/** A problem with the body as a whole (it does not parse, is too large...), named like a field. */
function sendBodyProblem(reply: FastifyReply, status: number, code: string, message: string) {
  return send(reply, status, code, `body: ${message}`, [{ field: 'body', message }]);
}

/** The database error code (e.g. 23505), which drizzle wraps in a DrizzleQueryError's cause. */
function sqlStateOf(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`),
  );

  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      const status = STATUS_BY_CODE[err.code];
      if (status >= 500) request.log.error({ err }, 'internal error');
      return status >= 500
        ? send(reply, status, 'internal', 'Internal error')
        : send(reply, status, err.code, err.message, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const problems = zodProblems(err);
      const message = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
      return send(reply, 400, 'validation_failed', message || 'Invalid request', problems);
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err }, 'response did not match its schema');
      return send(reply, 500, 'internal', 'Internal error');
    }
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendBodyProblem(reply, 413, 'payload_too_large', 'is too large for this server');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendBodyProblem(reply, 415, 'unsupported_media_type', 'must be sent as application/json');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendBodyProblem(reply, 400, 'bad_request', 'is empty; a JSON body is required');
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return sendBodyProblem(reply, 400, 'bad_request', 'is not valid JSON');
    }
    if (err.statusCode === 429) {
      return send(reply, 429, 'rate_limited', 'Too many requests, slow down', {
        retryAfter: reply.getHeader('retry-after'),
      });
    }
    if (err instanceof SyntaxError || (err.statusCode === 400 && err.message.includes('JSON'))) {
      return sendBodyProblem(reply, 400, 'bad_request', 'is not valid JSON');
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(reply, err.statusCode, 'bad_request', err.message);
    }
    // A unique index caught a race the use case's own check could not (two concurrent inserts).
    if (sqlStateOf(err) === '23505') {
      return send(reply, 409, 'conflict', 'This already exists');
    }
    request.log.error({ err }, 'unhandled error');
    return send(reply, 500, 'internal', 'Internal error');
  });
}

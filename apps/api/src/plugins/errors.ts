import { AppError } from '@cadence/domain/errors';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { STATUS_BY_CODE } from '../http/errors';

interface FieldProblem {
  field: string;
  message: string;
}

function send(
  reply: import('fastify').FastifyReply,
  status: number,
  code: string,
  message: string,
  details?: unknown,
) {
  return reply.code(status).send({ error: { code, message, details, requestId: String(reply.request.id) } });
}

function zodProblems(err: FastifyError): FieldProblem[] {
  const context = err.validationContext ?? 'body';
  return (err.validation ?? []).map((v) => {
    const params = v.params as { issue?: { path?: PropertyKey[]; code?: string; keys?: string[] } };
    const issue = params.issue;
    const path = issue?.path ?? [];
    // Unknown fields are reported on the object; name the field itself.
    const keys = issue?.code === 'unrecognized_keys' ? (issue.keys ?? []) : [];
    const base = [context, ...path.map(String)].join('.');
    const field = keys.length === 1 ? `${base}.${keys[0]}` : base;
    return { field, message: v.message ?? 'is invalid' };
  });
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
        return send(reply, 413, 'payload_too_large', 'body: the request body is too large');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, 415, 'unsupported_media_type', 'body: send application/json');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, 400, 'bad_request', 'body: a JSON body is required');
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return send(reply, 400, 'bad_request', 'body: is not valid JSON');
    }
    if (err.statusCode === 429) {
      return send(reply, 429, 'rate_limited', 'Too many requests, slow down', {
        retryAfter: reply.getHeader('retry-after'),
      });
    }
    if (err instanceof SyntaxError || (err.statusCode === 400 && err.message.includes('JSON'))) {
      return send(reply, 400, 'bad_request', 'body: is not valid JSON');
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(reply, err.statusCode, 'bad_request', err.message);
    }
    if ((err as { code?: string }).code === '23505') {
      return send(reply, 409, 'conflict', 'This already exists');
    }
    request.log.error({ err }, 'unhandled error');
    return send(reply, 500, 'internal', 'Internal error');
  });
}

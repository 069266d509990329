// Every failure becomes the one documented error shape here: domain errors by the code table,
// validation problems by field, the framework's own errors (router, body parser, unknown route,
// malformed HTTP) by their Fastify code, and database data errors as a last line of defence.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { sqlStateOf } from '@cadence/db/query-errors';
import { AppError } from '@cadence/domain/errors';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { STATUS_BY_CODE } from '../http/errors';
import { type FieldProblem, sendError, sendPartProblem } from '../http/send-error';

interface ValidationParams {
  keys?: string[];
}

function zodProblems(err: FastifyError): FieldProblem[] {
  const context = err.validationContext ?? 'body';
  return (err.validation ?? []).flatMap((v) => {
    // fastify-type-provider-zod reports the zod issue's path as a JSON pointer: /requestedSchedule/timezone.
    const path = (v.instancePath ?? '').split('/').filter(Boolean).map(decodePointer);
    const base = [context, ...path].join('.');
    // Unknown fields are reported on the object; name each field itself.
    const unknownKeys = v.keyword === 'unrecognized_keys' ? ((v.params as ValidationParams).keys ?? []) : [];
    if (unknownKeys.length > 0) {
      return unknownKeys.map((key) => ({ field: `${base}.${key}`, message: 'is not a known field' }));
    }
    return [{ field: base, message: v.message ?? 'is invalid' }];
  });
}

const decodePointer = (segment: string) => segment.replaceAll('~1', '/').replaceAll('~0', '~');

/** Fastify's own errors, by code: the body parser's and the router's. */
const FRAMEWORK_ERRORS: Record<string, { status: number; code: string; part: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'payload_too_large',
    part: 'body',
    message: 'is too large for this server',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    part: 'body',
    message: 'must be sent as application/json',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'bad_request',
    part: 'body',
    message: 'is empty; a JSON body is required',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'bad_request',
    part: 'body',
    message: 'is not valid JSON',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'bad_request',
    part: 'headers.content-length',
    message: 'does not match the body',
  },
  // A path segment longer than the router's maxParamLength (100): no id of this API is that long.
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: 'uri_too_long',
    part: 'params',
    message: 'a path segment is longer than 100 characters',
  },
  FST_ERR_BAD_URL: {
    status: 400,
    code: 'bad_request',
    part: 'url',
    message: 'is not a valid URL (bad percent-encoding)',
  },
};

/** The code of any other 4xx the framework or a plugin raises, by status. */
const CODE_BY_STATUS: Record<number, string> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  428: 'precondition_required',
  429: 'rate_limited',
  431: 'headers_too_large',
};

// PostgreSQL data exceptions a request value can cause (bad uuid text, number out of range,
// date/time out of range or malformed, text too long). Inputs are validated before they reach a
// query; this answers 400 instead of 500 should a new route forget one.
const DATA_EXCEPTIONS = new Set(['22P02', '22003', '22008', '22007', '22001']);

/** Router errors arrive before any route or hook runs (Fastify's `frameworkErrors` option). */
export function handleFrameworkError(err: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const known = FRAMEWORK_ERRORS[err.code];
  if (known) return sendPartProblem(reply, known.status, known.code, known.part, known.message);
  reply.log.error({ err }, 'router error');
  return sendError(reply, 500, 'internal', 'Internal error');
}

/**
 * Malformed HTTP (bad request line, headers too large, a request that timed out) never becomes a
 * request: Node hands Fastify the socket. It still gets the error shape and a request id.
 */
export function handleClientError(err: NodeJS.ErrnoException, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request_timeout', 'The request took too long to arrive']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers_too_large', 'The request headers are too large']
        : [400, 'bad_request', 'The request is not valid HTTP'];
  const requestId = randomUUID();
  const body = JSON.stringify({ error: { code, message, requestId } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${code.replaceAll('_', ' ')}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`),
  );

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      const status = STATUS_BY_CODE[err.code];
      if (status >= 500) request.log.error({ err }, 'internal error');
      return status >= 500
        ? sendError(reply, status, 'internal', 'Internal error')
        : sendError(reply, status, err.code, err.message, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const problems = zodProblems(err);
      const message = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
      return sendError(reply, 400, 'validation_failed', message || 'Invalid request', problems);
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err }, 'response did not match its schema');
      return sendError(reply, 500, 'internal', 'Internal error');
    }
    const known = FRAMEWORK_ERRORS[err.code];
    if (known) return sendPartProblem(reply, known.status, known.code, known.part, known.message);
    if (err.statusCode === 429) {
      return sendError(reply, 429, 'rate_limited', 'Too many requests, slow down', {
        retryAfter: reply.getHeader('retry-after'),
      });
    }
    if (err instanceof SyntaxError || (err.statusCode === 400 && err.message.includes('JSON'))) {
      return sendPartProblem(reply, 400, 'bad_request', 'body', 'is not valid JSON');
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendError(reply, err.statusCode, CODE_BY_STATUS[err.statusCode] ?? 'bad_request', err.message);
    }
    const sqlState = sqlStateOf(err);
    // A unique index caught a race the use case's own check could not (two concurrent inserts).
    if (sqlState === '23505') return sendError(reply, 409, 'conflict', 'This already exists');
    if (sqlState && DATA_EXCEPTIONS.has(sqlState)) {
      // Logged (without the values: see the logger's err serializer) so the missing check gets written.
      request.log.warn({ err }, 'a request value reached the database unvalidated');
      return sendError(
        reply,
        400,
        'validation_failed',
        'A value in the request is out of range or malformed',
      );
    }
    request.log.error({ err }, 'unhandled error');
    return sendError(reply, 500, 'internal', 'Internal error');
  });
}

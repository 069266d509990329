// Every failure becomes the one documented error shape here: domain errors by the code table,
// validation problems by field, the framework's own errors (router, body parser, unknown route,
// malformed HTTP) by their Fastify code, and database data errors as a last line of defence.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { sqlStateOf } from '@cadence/db/query-errors';
import { AppError } from '@cadence/domain/errors';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { MessageCode } from '@cadence/messages';
import type { Locale } from '@cadence/names';
import { appErrorWords, codeWords, type FieldProblem, issueProblem, saying } from '../http/error-words';
import { STATUS_BY_CODE } from '../http/errors';
import { requestLocale } from '../http/request-language';
import { sendError, sendPartProblem } from '../http/send-error';

interface ValidationParams {
  keys?: string[];
}

function zodProblems(err: FastifyError, locale: Locale): FieldProblem[] {
  const context = err.validationContext ?? 'body';
  return (err.validation ?? []).flatMap((v) => {
    // fastify-type-provider-zod reports the zod issue's path as a JSON pointer: /requestedSchedule/timezone.
    const path = (v.instancePath ?? '').split('/').filter(Boolean).map(decodePointer);
    const base = [context, ...path].join('.');
    const issue = { code: v.keyword, message: v.message, params: v.params as Record<string, unknown> };
    // Unknown fields are reported on the object; name each field itself.
    const unknownKeys = v.keyword === 'unrecognized_keys' ? ((v.params as ValidationParams).keys ?? []) : [];
    if (unknownKeys.length > 0)
      return unknownKeys.map((key) => issueProblem(locale, `${base}.${key}`, issue));
    return [issueProblem(locale, base, issue)];
  });
}

const decodePointer = (segment: string) => segment.replaceAll('~1', '/').replaceAll('~0', '~');

interface FrameworkProblem {
  status: number;
  code: string;
  part: string;
  say: MessageCode;
}

const INVALID_JSON: FrameworkProblem = {
  status: 400,
  code: 'bad_request',
  part: 'body',
  say: 'validation.body_invalid_json',
};

/** Fastify's own errors, by code: the body parser's and the router's, each with its sentence. */
const FRAMEWORK_ERRORS: Record<string, FrameworkProblem> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'payload_too_large',
    part: 'body',
    say: 'validation.body_too_large',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    part: 'body',
    say: 'validation.body_not_json',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'bad_request',
    part: 'body',
    say: 'validation.body_empty',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: INVALID_JSON,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'bad_request',
    part: 'headers.content-length',
    say: 'validation.content_length',
  },
  // A path segment longer than the router's maxParamLength (100): no id of this API is that long.
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: 'uri_too_long',
    part: 'params',
    say: 'validation.param_too_long',
  },
  FST_ERR_BAD_URL: { status: 400, code: 'bad_request', part: 'url', say: 'validation.bad_url' },
};

function sendFrameworkProblem(reply: FastifyReply, locale: Locale, known: FrameworkProblem) {
  const words = saying(locale, known.say);
  return sendPartProblem(reply, known.status, known.code, known.part, {
    ...words,
    say: { messageCode: known.say },
  });
}

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
export function handleFrameworkError(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const known = FRAMEWORK_ERRORS[err.code];
  if (known) return sendFrameworkProblem(reply, requestLocale(request), known);
  reply.log.error({ err }, 'router error');
  return sendError(reply, 500, 'internal', codeWords(requestLocale(request), 'internal').message);
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
  app.setNotFoundHandler((request, reply) => {
    const params = { method: request.method, path: request.url.split('?')[0] ?? '' };
    return sendError(
      reply,
      404,
      'not_found',
      saying(requestLocale(request), 'errors.notFound.route', params),
    );
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    const locale = requestLocale(request);
    // A bare 500: no catalogue code either, nothing a client could act on.
    const internal = () => sendError(reply, 500, 'internal', codeWords(locale, 'internal').message);
    if (err instanceof AppError) {
      const status = STATUS_BY_CODE[err.code];
      if (status >= 500) request.log.error({ err }, 'internal error');
      if (status >= 500) return internal();
      const { details, ...words } = appErrorWords(locale, err);
      return sendError(reply, status, err.code, words, details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const problems = zodProblems(err, locale);
      const message = problems.map((p) => p.message).join(' ');
      const words = message ? { message } : codeWords(locale, 'validation_failed');
      return sendError(reply, 400, 'validation_failed', words, problems);
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err }, 'response did not match its schema');
      return internal();
    }
    const known = FRAMEWORK_ERRORS[err.code];
    if (known) return sendFrameworkProblem(reply, locale, known);
    if (err.statusCode === 429) {
      return sendError(reply, 429, 'rate_limited', saying(locale, 'errors.rateLimited'), {
        retryAfter: reply.getHeader('retry-after'),
      });
    }
    if (err instanceof SyntaxError || (err.statusCode === 400 && err.message.includes('JSON'))) {
      return sendFrameworkProblem(reply, locale, INVALID_JSON);
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const code = CODE_BY_STATUS[err.statusCode] ?? 'bad_request';
      // A plugin's own English sentence; other readers get the code's.
      return sendError(reply, err.statusCode, code, locale === 'en' ? err.message : codeWords(locale, code));
    }
    const sqlState = sqlStateOf(err);
    // A unique index caught a race the use case's own check could not (two concurrent inserts).
    if (sqlState === '23505')
      return sendError(reply, 409, 'conflict', saying(locale, 'errors.alreadyExists'));
    if (sqlState && DATA_EXCEPTIONS.has(sqlState)) {
      // Logged (without the values: see the logger's err serializer) so the missing check gets written.
      request.log.warn({ err }, 'a request value reached the database unvalidated');
      return sendError(reply, 400, 'validation_failed', saying(locale, 'errors.valueMalformed'));
    }
    request.log.error({ err }, 'unhandled error');
    return internal();
  });
}

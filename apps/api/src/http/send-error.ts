// The one way an error answer leaves the server, so every one of them (the domain's, the
// validator's, the router's, the body parser's, a missing route's) has the documented shape
// `{ error: { code, message, messageCode?, params?, details?, requestId } }` and the X-Request-Id
// header. The message is already in the reader's language (error-words.ts).
import type { FastifyReply } from 'fastify';
import type { FieldProblem, Words } from './error-words';

export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  words: Words | string,
  details?: unknown,
) {
  const requestId = String(reply.request.id);
  const { message, say } = typeof words === 'string' ? { message: words, say: undefined } : words;
  // Set here too: some answers (router errors) are sent before any onRequest hook has run.
  reply.header('x-request-id', requestId);
  return reply.code(status).send({
    error: { code, message, messageCode: say?.messageCode, params: say?.params, details, requestId },
  });
}

/** A problem with one part of the request (body, url, params...) as a whole, named like a field. */
export function sendPartProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  part: string,
  words: Words & { say: NonNullable<Words['say']> },
) {
  const details: FieldProblem[] = [
    { field: part, message: words.message, reason: words.say.messageCode.replace(/^validation\./, '') },
  ];
  return sendError(reply, status, code, words, details);
}

// The one way an error answer leaves the server, so every one of them (the domain's, the
// validator's, the router's, the body parser's, a missing route's) has the documented shape
// `{ error: { code, message, details?, requestId } }` and the X-Request-Id header.
import type { FastifyReply } from 'fastify';

export interface FieldProblem {
  field: string;
  message: string;
}

export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details?: unknown,
) {
  const requestId = String(reply.request.id);
  // Set here too: some answers (router errors) are sent before any onRequest hook has run.
  reply.header('x-request-id', requestId);
  return reply.code(status).send({ error: { code, message, details, requestId } });
}

/** A problem with one part of the request (body, url, params...) as a whole, named like a field. */
export function sendPartProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  part: string,
  message: string,
) {
  const details: FieldProblem[] = [{ field: part, message }];
  return sendError(reply, status, code, `${part}: ${message}`, details);
}

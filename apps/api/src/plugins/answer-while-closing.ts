// While the server drains (SIGTERM, a deploy), a request that arrives is refused at once with 503 in
// the documented error shape and Connection: close, so clients and load balancers retry elsewhere.
// Fastify's own answer for this (return503OnClosing) is a fixed body in another shape.
import type { FastifyInstance } from 'fastify';
import { saying } from '../http/error-words';
import { requestLocale } from '../http/request-language';
import { sendError } from '../http/send-error';

export function answerWhileClosing(app: FastifyInstance) {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!closing) return;
    reply.header('connection', 'close');
    reply.header('retry-after', '5');
    return sendError(
      reply,
      503,
      'shutting_down',
      saying(requestLocale(request), 'errors.code.shutting_down'),
    );
  });
}

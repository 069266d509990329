// What a request looks like in the logs: Fastify's default fields, with secrets that travel in
// URLs masked. An OAuth callback carries a one-time `code` and the `state` that binds it to a
// person; an ICS feed's address is its credential. Headers are never logged at all.
import type { FastifyRequest } from 'fastify';

const SECRET_QUERY_PARAMS = new Set(['code', 'state', 'token', 'access_token', 'id_token', 'code_verifier']);
const REDACTED = '[redacted]';

/** The URL with secret query values and ICS feed tokens replaced, for logging. */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const path = (queryAt === -1 ? url : url.slice(0, queryAt)).replace(
    /(\/ics\/)[^/?#]+?(\.ics)?$/,
    `$1${REDACTED}$2`,
  );
  if (queryAt === -1) return path;
  const query = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const name = pair.split('=')[0] ?? '';
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replaceAll('+', ' '));
      } catch {
        // A malformed name is logged as sent; only known names are secrets.
      }
      return SECRET_QUERY_PARAMS.has(decoded.toLowerCase()) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${path}?${query}`;
}

export const logSerializers = {
  req(request: FastifyRequest) {
    return {
      method: request.method,
      url: redactUrl(request.url),
      host: request.host,
      remoteAddress: request.ip,
      remotePort: request.socket?.remotePort,
    };
  },
};

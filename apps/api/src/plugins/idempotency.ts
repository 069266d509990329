// Idempotency-Key for creating POSTs (routes that declare `config: { idempotent: true }`), so an
// API client can retry after a timeout without creating the thing twice:
// - same caller + same key + same request (method, path, canonical body) within 24 h: the first
//   response is replayed (status and body) with `Idempotent-Replayed: true`;
// - same key with another request: 409 idempotency_key_reused;
// - same key while the first request is still running: wait for it (up to 5 s) and replay,
//   else 409 idempotency_key_in_progress.
// The lock is a row: INSERT … ON CONFLICT DO NOTHING on the unique (caller_scope, key) lets exactly
// one of any number of concurrent requests run. Only successful (2xx) responses are kept: a failed
// request changed nothing (use cases run in transactions), so its key is released for a retry.
// See docs/decisions/0051-idempotency-keys.md.
import { idempotencyKeys } from '@cadence/db';
import { sha256 } from '@cadence/domain/security/tokens';
import { and, eq, lt, or } from 'drizzle-orm';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onSendHookHandler,
  preHandlerHookHandler,
  preValidationHookHandler,
  RouteOptions,
} from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This POST creates something: it honours the Idempotency-Key header. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotencyHash?: string;
    idempotencyClaim?: string;
  }
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY = /^[\x21-\x7E]{1,255}$/;
const RETENTION_MS = 24 * 60 * 60 * 1000;
/** An in-progress claim older than this belongs to a request that died: it may be taken over. */
const ABANDONED_MS = 2 * 60 * 1000;
const WAIT_MS = 5_000;
const REPLAYED_HEADERS = ['content-type', 'location', 'etag'] as const;

/** JSON with object keys sorted, so two bodies that mean the same hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function callerScope(request: FastifyRequest): string | null {
  const auth = request.auth;
  if (auth.kind === 'token') return `token:${auth.token.id}`;
  if (auth.kind === 'session') return `user:${auth.user.id}`;
  return null;
}

function fail(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send({ error: { code, message, requestId: String(reply.request.id) } });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function registerIdempotency(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx.database;

  async function claim(scope: string, key: string, requestHash: string): Promise<string | null> {
    const now = ctx.clock();
    // Expired keys and abandoned claims make way before the insert that takes the lock.
    await db
      .delete(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.callerScope, scope),
          eq(idempotencyKeys.key, key),
          or(
            lt(idempotencyKeys.createdAt, new Date(now.getTime() - RETENTION_MS)),
            and(
              eq(idempotencyKeys.state, 'in_progress'),
              lt(idempotencyKeys.createdAt, new Date(now.getTime() - ABANDONED_MS)),
            ),
          ),
        ),
      );
    const [row] = await db
      .insert(idempotencyKeys)
      .values({ callerScope: scope, key, requestHash, createdAt: now })
      .onConflictDoNothing({ target: [idempotencyKeys.callerScope, idempotencyKeys.key] })
      .returning({ id: idempotencyKeys.id });
    return row?.id ?? null;
  }

  // The body as the client sent it, before validation fills in defaults: what "same body" means.
  const preValidation: preValidationHookHandler = async (request) => {
    if (request.headers[IDEMPOTENCY_HEADER] === undefined) return;
    request.idempotencyHash = sha256(
      canonicalJson({ method: request.method, url: request.url, body: request.body }),
    );
  };

  const preHandler: preHandlerHookHandler = async (request, reply) => {
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (key === undefined) return;
    if (typeof key !== 'string' || !KEY.test(key)) {
      return fail(
        reply,
        400,
        'validation_failed',
        'headers.idempotency-key: 1 to 255 visible ASCII characters',
      );
    }
    const scope = callerScope(request);
    if (scope === null) return;
    const requestHash = request.idempotencyHash;
    if (requestHash === undefined) return;
    const deadline = Date.now() + WAIT_MS;
    for (let pause = 20; ; pause = Math.min(pause * 2, 250)) {
      const claimed = await claim(scope, key, requestHash);
      if (claimed) {
        request.idempotencyClaim = claimed;
        return;
      }
      const [row] = await db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.callerScope, scope), eq(idempotencyKeys.key, key)));
      if (!row) continue; // released by a failed first attempt: try to claim it again
      if (row.requestHash !== requestHash) {
        return fail(
          reply,
          409,
          'idempotency_key_reused',
          'This Idempotency-Key was used for a different request',
        );
      }
      if (row.state === 'completed' && row.responseStatus !== null) {
        return reply
          .code(row.responseStatus)
          .headers({ ...row.responseHeaders, 'idempotent-replayed': 'true' })
          .send(row.responseBody ?? '');
      }
      if (Date.now() + pause > deadline) {
        return fail(
          reply,
          409,
          'idempotency_key_in_progress',
          'A request with this Idempotency-Key is still being processed; retry shortly',
        );
      }
      await sleep(pause);
    }
  };

  const onSend: onSendHookHandler = async (request, reply, payload) => {
    const id = request.idempotencyClaim;
    if (!id) return payload;
    request.idempotencyClaim = undefined;
    const body =
      typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
    if (reply.statusCode >= 200 && reply.statusCode < 300 && body !== null) {
      const headers: Record<string, string> = {};
      for (const name of REPLAYED_HEADERS) {
        const value = reply.getHeader(name);
        if (typeof value === 'string') headers[name] = value;
      }
      await db
        .update(idempotencyKeys)
        .set({
          state: 'completed',
          responseStatus: reply.statusCode,
          responseBody: body,
          responseHeaders: headers,
          completedAt: ctx.clock(),
        })
        .where(eq(idempotencyKeys.id, id));
    } else {
      await db.delete(idempotencyKeys).where(eq(idempotencyKeys.id, id));
    }
    return payload;
  };

  const asArray = <T>(hook: T | T[] | undefined): T[] =>
    hook === undefined ? [] : Array.isArray(hook) ? hook : [hook];

  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.config?.idempotent) return;
    const methods = asArray(route.method);
    if (methods.some((m) => m !== 'POST'))
      throw new Error(`${route.url}: only POST routes can be idempotent`);
    route.preValidation = [...asArray(route.preValidation), preValidation];
    route.preHandler = [...asArray(route.preHandler), preHandler];
    route.onSend = [...asArray(route.onSend), onSend];
    // Documented in the OpenAPI document; checked by the hook itself (other headers pass through).
    if (route.schema && route.schema.headers === undefined) {
      route.schema.headers = z.looseObject({
        [IDEMPOTENCY_HEADER]: z
          .string()
          .optional()
          .describe('Retries with the same key and body within 24 h replay the first response'),
      });
    }
  });
}

// Idempotency-Key for creating POSTs (routes that declare `config: { idempotent: true }`), so an
// API client can retry after a timeout without creating the thing twice:
// - same caller + same key + same request (method, path, canonical body) within 24 h: the first
//   response is replayed (status and body) with `Idempotent-Replayed: true`;
// - same key with another request: 409 idempotency_key_reused;
// - same key while the first request is still running: wait for it (up to 5 s) and replay,
//   else 409 idempotency_key_in_progress.
// The claim, the effect and the recorded response are one transaction, held by the request from
// its preHandler to its onSend (http/held-transaction.ts): the key's row becomes visible only
// together with what the request did, so a crash anywhere leaves either both or neither, and a
// retry after a crash finds the outcome or runs at once. "In progress" is the live transaction
// itself: a concurrent request with the same key waits on the row's unique index until the first
// commits (then replays) or rolls back or dies (then runs). Only 2xx responses are kept.
// The store itself (claim, answer, retention) is the domain's (packages/domain/src/idempotency/);
// this plugin wires it to the request's hooks. See docs/decisions/0051-idempotency-keys.md.
import { canonicalJson } from '@cadence/domain/idempotency/canonical-json';
import { claimIdempotencyKey, type IdempotencyClaim } from '@cadence/domain/idempotency/claim-key';
import { recordIdempotentResponse } from '@cadence/domain/idempotency/record-response';
import { sha256 } from '@cadence/domain/security/tokens';
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
import { type HeldTransaction, holdTransaction, runInTransaction } from '../http/held-transaction';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This POST creates something: it honours the Idempotency-Key header. */
    idempotent?: boolean;
    /**
     * Top-level response fields never written to the idempotency store (secrets shown once): a
     * replay answers without them.
     */
    idempotentOmit?: readonly string[];
  }
  interface FastifyRequest {
    idempotencyHash?: string;
    /** The claimed key's row and the transaction that will commit it with the effect. */
    idempotencyClaim?: { id: string; held: HeldTransaction };
  }
}

const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY = /^[\x21-\x7E]{1,255}$/;
/** How long a request waits for another one running the same key before answering 409. */
const WAIT_MS = 5_000;
const REPLAYED_HEADERS = ['content-type', 'location', 'etag'] as const;

function callerScope(request: FastifyRequest): string | null {
  const auth = request.auth;
  if (auth.kind === 'token') return `token:${auth.token.id}`;
  if (auth.kind === 'session') return `user:${auth.user.id}`;
  return null;
}

function fail(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send({ error: { code, message, requestId: String(reply.request.id) } });
}

export function registerIdempotency(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx.database;

  const lockWaitMs = ctx.database.driver === 'pg' ? WAIT_MS : null;

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
    const held = await holdTransaction(db);
    let outcome: IdempotencyClaim;
    try {
      outcome = await claimIdempotencyKey(
        { tx: held.tx, clock: ctx.clock, lockWaitMs },
        { scope },
        { key, requestHash },
      );
    } catch (e) {
      await held.rollback();
      throw e;
    }
    if (outcome.kind === 'claimed') {
      request.idempotencyClaim = { id: outcome.id, held };
      return;
    }
    await held.rollback();
    if (outcome.kind === 'busy') {
      return fail(
        reply,
        409,
        'idempotency_key_in_progress',
        'A request with this Idempotency-Key is still being processed; retry shortly',
      );
    }
    const row = outcome.row;
    if (row.requestHash !== requestHash) {
      return fail(
        reply,
        409,
        'idempotency_key_reused',
        'This Idempotency-Key was used for a different request',
      );
    }
    return reply
      .code(row.responseStatus ?? 200)
      .headers({ ...row.responseHeaders, 'idempotent-replayed': 'true' })
      .send(row.responseBody ?? '');
  };

  // The response is recorded in the held transaction, which then commits: the client never
  // reads an answer whose effect and key are not both durable.
  const onSend: onSendHookHandler = async (request, reply, payload) => {
    const claim = request.idempotencyClaim;
    if (!claim) return payload;
    request.idempotencyClaim = undefined;
    const body =
      typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
    if (reply.statusCode < 200 || reply.statusCode >= 300 || body === null) {
      await claim.held.rollback();
      return payload;
    }
    const stored = withoutFields(body, request.routeOptions.config.idempotentOmit);
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name);
      if (typeof value === 'string') headers[name] = value;
    }
    try {
      await recordIdempotentResponse(
        { tx: claim.held.tx, clock: ctx.clock },
        { id: claim.id },
        { status: reply.statusCode, body: stored, headers },
      );
      await claim.held.commit();
    } catch (e) {
      await claim.held.rollback().catch(() => {});
      throw e;
    }
    return payload;
  };

  // Whatever happened to the request (an abort, an error before onSend), its transaction ends.
  const release = async (request: FastifyRequest) => {
    const claim = request.idempotencyClaim;
    request.idempotencyClaim = undefined;
    await claim?.held.rollback();
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
    route.onResponse = [...asArray(route.onResponse), release];
    route.onRequestAbort = [...asArray(route.onRequestAbort), release];
    // The handler's queries (its use case's transaction becomes a savepoint) join the claim's.
    const handler = route.handler;
    route.handler = function idempotentHandler(this: FastifyInstance, request, reply) {
      const claim = request.idempotencyClaim;
      return claim
        ? runInTransaction(claim.held, () => handler.call(this, request, reply))
        : handler.call(this, request, reply);
    };
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

/** The JSON body without the named top-level fields, for storage; unchanged when none are named. */
function withoutFields(body: string, fields: readonly string[] | undefined): string {
  if (!fields || fields.length === 0) return body;
  const parsed: unknown = JSON.parse(body);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return body;
  const kept = Object.fromEntries(Object.entries(parsed).filter(([key]) => !fields.includes(key)));
  return JSON.stringify(kept);
}

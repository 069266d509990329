// An OAuth 2.0 authorisation server as the networks document theirs: /authorize approves at once
// and redirects with code + state (standing in for the person clicking "Allow"), the token
// endpoint checks the client, the redirect URI and the PKCE verifier (RFC 7636 S256), refresh
// tokens rotate, and revocation (RFC 7009) makes a token unknown.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface OAuthServerOptions {
  authorizePath: string;
  tokenPath: string;
  revokePath?: string;
  clientId: string;
  clientSecret: string;
  clientAuth: 'basic' | 'body';
  tokenMethod?: 'POST' | 'GET';
  pkce: boolean;
  expiresIn?: number;
  /** Fields the network adds to its token answer (Instagram's user_id). */
  extraTokenFields?: Record<string, unknown>;
  /** Grants beyond the standard two (Meta's fb_exchange_token). */
  extraGrants?: Record<string, (fields: Record<string, string>) => { status: number; body: unknown }>;
  /** The error body shape on refusal. */
  errorBody?: (error: string, description: string) => unknown;
}

export interface OAuthServerState {
  codes: Map<string, { redirectUri: string; challenge: string | undefined; scope: string }>;
  accessTokens: Set<string>;
  refreshTokens: Set<string>;
  authorizeRequests: Record<string, string>[];
  revoked: string[];
}

const token = () => randomBytes(16).toString('hex');

export function oauthServer(app: FastifyInstance, o: OAuthServerOptions): OAuthServerState {
  const state: OAuthServerState = {
    codes: new Map(),
    accessTokens: new Set(),
    refreshTokens: new Set(),
    authorizeRequests: [],
    revoked: [],
  };
  const refuse = (status: number, error: string, description: string) => ({
    status,
    body: o.errorBody ? o.errorBody(error, description) : { error, error_description: description },
  });

  app.get(o.authorizePath, async (request, reply) => {
    const q = request.query as Record<string, string>;
    state.authorizeRequests.push(q);
    if (q.client_id !== o.clientId || q.response_type !== 'code')
      return reply.code(400).send({ error: 'invalid_request' });
    if (o.pkce && (q.code_challenge_method !== 'S256' || !q.code_challenge))
      return reply.code(400).send({ error: 'invalid_request' });
    const code = token();
    state.codes.set(code, {
      redirectUri: q.redirect_uri ?? '',
      challenge: q.code_challenge,
      scope: q.scope ?? '',
    });
    const target = new URL(q.redirect_uri ?? '');
    target.searchParams.set('code', code);
    if (q.state) target.searchParams.set('state', q.state);
    return reply.redirect(target.toString(), 302);
  });

  const clientOk = (request: FastifyRequest, fields: Record<string, string>) => {
    if (o.clientAuth === 'basic') {
      const header = request.headers.authorization ?? '';
      const [id, secret] = Buffer.from(header.replace(/^Basic /, ''), 'base64')
        .toString()
        .split(':')
        .map(decodeURIComponent);
      return id === o.clientId && secret === o.clientSecret;
    }
    return fields.client_id === o.clientId && fields.client_secret === o.clientSecret;
  };

  const issue = (scope: string) => {
    const access = token();
    const refresh = token();
    state.accessTokens.add(access);
    state.refreshTokens.add(refresh);
    return {
      access_token: access,
      token_type: 'bearer',
      expires_in: o.expiresIn ?? 7200,
      refresh_token: refresh,
      scope,
      ...o.extraTokenFields,
    };
  };

  const tokenHandler = async (request: FastifyRequest) => {
    const fields = (o.tokenMethod === 'GET' ? request.query : request.body) as Record<string, string>;
    if (!clientOk(request, fields)) return refuse(401, 'invalid_client', 'Client authentication failed');
    const extra = o.extraGrants?.[fields.grant_type ?? ''];
    if (extra) return extra(fields);
    if (fields.grant_type === 'authorization_code' || (fields.code && !fields.grant_type)) {
      const code = state.codes.get(fields.code ?? '');
      state.codes.delete(fields.code ?? '');
      if (!code) return refuse(400, 'invalid_grant', 'The authorization code is invalid or was already used');
      if (code.redirectUri !== fields.redirect_uri)
        return refuse(400, 'invalid_grant', 'redirect_uri does not match');
      if (o.pkce) {
        const expected = createHash('sha256')
          .update(fields.code_verifier ?? '')
          .digest('base64url');
        if (expected !== code.challenge) return refuse(400, 'invalid_grant', 'PKCE verification failed');
      }
      return { status: 200, body: issue(code.scope) };
    }
    if (fields.grant_type === 'refresh_token') {
      if (!state.refreshTokens.delete(fields.refresh_token ?? ''))
        return refuse(400, 'invalid_grant', 'The refresh token is invalid');
      return { status: 200, body: issue('') };
    }
    return refuse(400, 'unsupported_grant_type', String(fields.grant_type));
  };
  const send = async (request: FastifyRequest, reply: FastifyReply) => {
    const answer = await tokenHandler(request);
    return reply.code(answer.status).send(answer.body);
  };
  if (o.tokenMethod === 'GET') app.get(o.tokenPath, send);
  else app.post(o.tokenPath, send);

  if (o.revokePath) {
    app.post(o.revokePath, async (request, reply) => {
      const fields = request.body as Record<string, string>;
      if (!clientOk(request, fields)) return reply.code(401).send({ error: 'invalid_client' });
      const t = fields.token ?? '';
      state.revoked.push(t);
      state.accessTokens.delete(t);
      state.refreshTokens.delete(t);
      return reply.code(200).send({});
    });
  }
  return state;
}

// Bluesky sessions from handle + app password: com.atproto.server.createSession gives a short
// access JWT and a longer refresh JWT; refreshSession renews them. Sessions are kept per channel
// in memory, because createSession is itself rate-limited (30 per 5 minutes per account).
import { z } from 'zod';
import { readAnswer } from '../network-http/call';
import type { SafeHttpOptions } from '../safe-http';
import type { BlueskyCredentials } from './credentials';
import { XrpcError, xrpc } from './xrpc';

const sessionAnswer = z.object({
  accessJwt: z.string().min(1).max(8192),
  refreshJwt: z.string().min(1).max(8192),
  did: z.string().regex(/^did:[a-z]+:[a-zA-Z0-9._:%-]+$/),
  handle: z.string().min(1).max(253),
});
export type BlueskySession = z.infer<typeof sessionAnswer> & { service: string };

export interface SessionDeps {
  http: SafeHttpOptions;
  now: () => Date;
}

export async function createSession(
  creds: BlueskyCredentials,
  service: string,
  deps: SessionDeps,
  signal?: AbortSignal,
): Promise<BlueskySession> {
  const response = await xrpc(
    service,
    {
      method: 'POST',
      nsid: 'com.atproto.server.createSession',
      json: { identifier: creds.identifier, password: creds.appPassword },
    },
    deps.http,
    signal,
    deps.now,
  );
  return { ...readAnswer(sessionAnswer, response, 'Signing in to Bluesky', 'transient'), service };
}

export async function refreshSession(
  session: BlueskySession,
  deps: SessionDeps,
  signal?: AbortSignal,
): Promise<BlueskySession> {
  const response = await xrpc(
    session.service,
    { method: 'POST', nsid: 'com.atproto.server.refreshSession', token: session.refreshJwt },
    deps.http,
    signal,
    deps.now,
  );
  return {
    ...readAnswer(sessionAnswer, response, 'Refreshing the Bluesky session', 'transient'),
    service: session.service,
  };
}

/**
 * Keeps one session per channel. `withSession` runs a call, and when the PDS says the access
 * token expired, refreshes (or signs in again if the refresh token expired too) and runs it once more.
 */
export function sessionCache(deps: SessionDeps) {
  const sessions = new Map<string, { key: string; session: BlueskySession }>();
  const keyOf = (c: BlueskyCredentials, service: string) => `${service}|${c.identifier}|${c.appPassword}`;

  async function get(channelId: string, creds: BlueskyCredentials, service: string, signal?: AbortSignal) {
    const cached = sessions.get(channelId);
    if (cached && cached.key === keyOf(creds, service)) return cached.session;
    const session = await createSession(creds, service, deps, signal);
    sessions.set(channelId, { key: keyOf(creds, service), session });
    return session;
  }

  async function renew(
    channelId: string,
    creds: BlueskyCredentials,
    stale: BlueskySession,
    signal?: AbortSignal,
  ) {
    let session: BlueskySession;
    try {
      session = await refreshSession(stale, deps, signal);
    } catch (error) {
      if (!(error instanceof XrpcError) || error.failure.kind !== 'auth_revoked') throw error;
      session = await createSession(creds, stale.service, deps, signal);
    }
    sessions.set(channelId, { key: keyOf(creds, stale.service), session });
    return session;
  }

  return {
    async withSession<T>(
      channelId: string,
      creds: BlueskyCredentials,
      service: string,
      signal: AbortSignal | undefined,
      run: (session: BlueskySession) => Promise<T>,
    ): Promise<T> {
      const session = await get(channelId, creds, service, signal);
      try {
        return await run(session);
      } catch (error) {
        if (!(error instanceof XrpcError) || error.code !== 'ExpiredToken') throw error;
        return run(await renew(channelId, creds, session, signal));
      }
    },
    forget(channelId: string) {
      sessions.delete(channelId);
    },
  };
}

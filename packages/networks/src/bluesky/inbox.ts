// Bluesky's inbox: app.bsky.notification.listNotifications (reasons reply, mention, quote), newest
// first, paged with its cursor; positions are the notifications' indexedAt, which the AppView
// sets to the earlier of the record's createdAt and its own indexing time: a post that reaches
// the AppView late (a slow PDS or relay, a client clock behind) is listed below notifications
// already synced, so each sync reads back LATE_ARRIVAL_MS past the newest it stored. The post record
// carries its thread (reply.root / reply.parent), so no extra call is needed. A reply is a post
// record with reply refs to the item and its root, under a record key derived from the reply's
// id: a retry finds the first record instead of posting a second. A like is an
// app.bsky.feed.like record (subject: the item's uri + cid) under a record key derived from the
// like request, found again on a retry the same way; taking it back deletes that record. Hiding a
// reply under our post edits the thread's threadgate record (threadgate.ts).
import { safeExternalUrl } from '@cadence/domain/publishing/external-url';
import { z } from 'zod';
import { NetworkError } from '../errors';
import { readAnswer } from '../network-http/call';
import type { FetchedInboxItem, InboxCall, InboxReplied, NotificationsInbox } from '../inbox/types';
import type { BlueskySession } from './session';
import { setReplyHidden } from './threadgate';
import { XrpcError, xrpc } from './xrpc';
import type { SafeHttpOptions } from '../safe-http';

const PAGE = 50;
/** Federation and indexing delays are seconds as a rule; a quarter of an hour covers a slow PDS. */
const LATE_ARRIVAL_MS = 15 * 60_000;
const REASONS = new Set(['reply', 'mention', 'quote']);
const ref = z.object({ uri: z.string().startsWith('at://').max(500), cid: z.string().min(1).max(200) });
const notification = z.object({
  uri: z.string().startsWith('at://').max(500),
  cid: z.string().min(1).max(200),
  reason: z.string().max(50),
  indexedAt: z.string().max(100),
  author: z.object({
    did: z.string().max(200),
    handle: z.string().min(1).max(253),
    displayName: z.string().max(640).nullish(),
    avatar: z.string().max(2000).nullish(),
  }),
  record: z.object({
    text: z.string().max(100_000).default(''),
    createdAt: z.string().max(100).optional(),
    langs: z.array(z.string().max(20)).max(10).optional(),
    reply: z.object({ root: ref, parent: ref }).optional(),
  }),
});
/** What every entry has, likes and follows included: where the walk stands. */
const listed = z.object({ indexedAt: z.string().max(100) });
const page = z.object({
  notifications: z.array(z.unknown()).max(500),
  cursor: z.string().max(500).optional(),
});

export interface BlueskyInboxDeps {
  http: SafeHttpOptions;
  now: () => Date;
  /** Runs a call with the channel's session (the adapter's session cache). */
  withSession<T>(call: InboxCall, signal: AbortSignal, run: (s: BlueskySession) => Promise<T>): Promise<T>;
  /** The adapter's idempotent post: finds the record under rkey, or creates it. */
  post(
    session: BlueskySession,
    rkey: string,
    text: string,
    extra: Record<string, unknown>,
    signal: AbortSignal,
  ): Promise<{ uri: string; cid: string }>;
  rkeyFor(key: string): string;
}

const rkeyOf = (uri: string) => uri.split('/').pop() ?? '';
const LIKE = 'app.bsky.feed.like';

export function createBlueskyInbox(deps: BlueskyInboxDeps): NotificationsInbox {
  const repoCall = (
    session: BlueskySession,
    nsid: string,
    json: Record<string, unknown>,
    signal: AbortSignal,
  ) =>
    xrpc(
      session.service,
      {
        method: 'POST',
        nsid,
        token: session.accessJwt,
        json: { repo: session.did, collection: LIKE, ...json },
      },
      deps.http,
      signal,
      deps.now,
    );
  const likeExists = async (session: BlueskySession, rkey: string, signal: AbortSignal) => {
    try {
      await xrpc(
        session.service,
        {
          method: 'GET',
          nsid: 'com.atproto.repo.getRecord',
          query: { repo: session.did, collection: LIKE, rkey },
          token: session.accessJwt,
        },
        deps.http,
        signal,
        deps.now,
      );
      return true;
    } catch (error) {
      if (error instanceof XrpcError && error.code === 'RecordNotFound') return false;
      throw error;
    }
  };

  return {
    network: 'bluesky',
    replyRetrySafe: true,
    // ISO 8601 instants in UTC sort as strings.
    comparePositions: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
    rewindPosition(top) {
      const at = Date.parse(top);
      return Number.isNaN(at) ? top : new Date(at - LATE_ARRIVAL_MS).toISOString();
    },
    listPage(call, signal) {
      return deps.withSession(call, signal, async (session) => {
        const query: Record<string, string> = { limit: String(PAGE) };
        if (call.page) query.cursor = call.page;
        const response = await xrpc(
          session.service,
          { method: 'GET', nsid: 'app.bsky.notification.listNotifications', query, token: session.accessJwt },
          deps.http,
          signal,
          deps.now,
        );
        const answer = readAnswer(page, response, 'Reading Bluesky notifications', 'transient');
        const items: FetchedInboxItem[] = [];
        let newest: string | null = null;
        let oldest: { position: string; at: Date } | null = null;
        for (const raw of answer.notifications) {
          const seen = listed.safeParse(raw);
          if (!seen.success) continue;
          const at = new Date(seen.data.indexedAt);
          if (Number.isNaN(at.getTime())) continue;
          if (newest === null || seen.data.indexedAt > newest) newest = seen.data.indexedAt;
          if (oldest === null || seen.data.indexedAt < oldest.position)
            oldest = { position: seen.data.indexedAt, at };
          const parsed = notification.safeParse(raw);
          if (!parsed.success || !REASONS.has(parsed.data.reason)) continue;
          const n = parsed.data;
          const createdAt = new Date(n.record.createdAt ?? n.indexedAt);
          if (Number.isNaN(createdAt.getTime())) continue;
          const root = n.record.reply?.root ?? { uri: n.uri, cid: n.cid };
          items.push({
            externalId: n.uri,
            kind: n.reason === 'reply' ? 'reply' : n.reason === 'quote' ? 'quote' : 'mention',
            authorHandle: n.author.handle,
            authorName: n.author.displayName || null,
            authorAvatarUrl: safeExternalUrl(n.author.avatar),
            text: n.record.text,
            language: n.record.langs?.[0] ?? null,
            createdAt,
            link: safeExternalUrl(
              `https://bsky.app/profile/${encodeURIComponent(n.author.handle)}/post/${encodeURIComponent(rkeyOf(n.uri))}`,
            ),
            parentExternalId: n.record.reply?.parent.uri ?? null,
            threadRootExternalId: root.uri,
            replyRef: { uri: n.uri, cid: n.cid, rootUri: root.uri, rootCid: root.cid },
            position: n.indexedAt,
          });
        }
        // A full page may have more behind it; Bluesky also ends with no cursor.
        return {
          items,
          next: answer.notifications.length > 0 ? (answer.cursor ?? null) : null,
          newest,
          oldest,
        };
      });
    },
    reply(request, signal): Promise<InboxReplied> {
      return deps.withSession(request, signal, async (session) => {
        const r = request.parent.replyRef;
        const parent = { uri: r.uri ?? request.parent.externalId, cid: r.cid ?? '' };
        const root = { uri: r.rootUri ?? parent.uri, cid: r.rootCid ?? parent.cid };
        const rkey = deps.rkeyFor(`inbox-reply:${request.replyId}`);
        const made = await deps.post(session, rkey, request.text, { reply: { root, parent } }, signal);
        return {
          externalId: made.uri,
          externalUrl: `https://bsky.app/profile/${session.handle}/post/${rkey}`,
        };
      });
    },
    like(request, signal) {
      return deps.withSession(request, signal, async (session) => {
        const r = request.target.replyRef;
        const subject = { uri: r.uri ?? request.target.externalId, cid: r.cid ?? '' };
        const rkey = deps.rkeyFor(`inbox-like:${request.likeKey}`);
        const likeExternalId = `at://${session.did}/${LIKE}/${rkey}`;
        if (await likeExists(session, rkey, signal)) return { likeExternalId };
        const record = { $type: LIKE, subject, createdAt: deps.now().toISOString() };
        try {
          await repoCall(session, 'com.atproto.repo.createRecord', { rkey, record }, signal);
        } catch (error) {
          // Another attempt got there first (the key is taken): that record is this like.
          const taken = error instanceof NetworkError && error.failure.kind === 'permanent';
          if (!taken || !(await likeExists(session, rkey, signal))) throw error;
        }
        return { likeExternalId };
      });
    },
    unlike(request, signal) {
      return deps.withSession(request, signal, async (session) => {
        // Deleting a record that is already gone succeeds on a PDS: a retry is harmless.
        await repoCall(
          session,
          'com.atproto.repo.deleteRecord',
          { rkey: rkeyOf(request.likeExternalId) },
          signal,
        );
      });
    },
    hide(request, signal) {
      return deps.withSession(request, signal, (session) => {
        const r = request.target.replyRef;
        const replyUri = r.uri ?? request.target.externalId;
        const target = { replyUri, rootUri: r.rootUri ?? replyUri, hidden: request.hidden };
        return setReplyHidden(deps, session, target, signal);
      });
    },
  };
}

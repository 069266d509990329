// Mastodon's inbox: GET /api/v1/notifications?types[]=mention (replies to us mention us, so they
// come as mentions too), newest first, paged with max_id and cut with since_id; a reply's thread
// root from GET /api/v1/statuses/:id/context; replies are statuses with in_reply_to_id, posted
// with the reply's id as Idempotency-Key so a retry returns the first one. A like is
// POST /api/v1/statuses/:id/favourite (liking twice is a no-op on the instance), undone with
// /unfavourite; the like has no id of its own, so the status id stands for it.
import { hostOf, safeExternalUrl } from '@cadence/domain/publishing/external-url';
import { z } from 'zod';
import { NetworkError } from '../errors';
import { readAnswer, withQuery } from '../network-http/call';
import type { AdapterDeps } from '../network-http/compose';
import { assertSecureAtSend } from '../outgoing-url-policy';
import { compareNumericIds, htmlToText } from '../inbox/html-text';
import type { FetchedInboxItem, InboxCall, InboxReplied, NotificationsInbox } from '../inbox/types';
import { mastodonCredentialsSchema } from './credentials';
import { mastodonCall } from './http';

const PAGE = 40;
const id = z.string().min(1).max(100);
const account = z.object({
  id,
  acct: z.string().min(1).max(400),
  display_name: z.string().max(400).nullish(),
  avatar: z.string().max(2000).nullish(),
});
const status = z.object({
  id,
  created_at: z.string().max(100),
  in_reply_to_id: id.nullish(),
  content: z.string().max(100_000),
  language: z.string().max(20).nullish(),
  url: z.string().max(2000).nullish(),
  uri: z.string().max(2000).nullish(),
});
const notification = z.object({
  id,
  type: z.string().max(50),
  created_at: z.string().max(100),
  account,
  status: status.nullish(),
});
const posted = z.object({ id, url: z.string().nullish(), uri: z.string().nullish() });

export function createMastodonInbox(deps: AdapterDeps): NotificationsInbox {
  const now = deps.clock ?? (() => new Date());
  const open = (call: InboxCall) => {
    const parsed = mastodonCredentialsSchema.safeParse(call.credentials);
    if (!parsed.success)
      throw new NetworkError('auth_revoked', 'The Mastodon channel has no valid instance and token');
    if (!deps.baseUrl) assertSecureAtSend(parsed.data.instanceUrl, 'Mastodon instance', deps.http);
    const instanceUrl = deps.baseUrl ?? new URL(parsed.data.instanceUrl).origin;
    const hosts = [...hostOf(parsed.data.instanceUrl), ...hostOf(deps.baseUrl)];
    return { instanceUrl, token: parsed.data.accessToken, hosts };
  };
  const get = async (call: InboxCall, url: string, signal: AbortSignal) => {
    const { token } = open(call);
    return mastodonCall({ method: 'GET', url }, token, deps.http, signal, now);
  };

  const favourite = async (
    request: InboxCall & { target: { externalId: string } },
    action: 'favourite' | 'unfavourite',
    signal: AbortSignal,
  ) => {
    const { instanceUrl, token } = open(request);
    const url = `${instanceUrl}/api/v1/statuses/${encodeURIComponent(request.target.externalId)}/${action}`;
    readAnswer(
      z.object({ id }),
      await mastodonCall({ method: 'POST', url }, token, deps.http, signal, now),
      action === 'favourite' ? 'Liking on Mastodon' : 'Taking a like back on Mastodon',
      // Both are safe to repeat: an unreadable answer is retried.
      'transient',
    );
  };

  return {
    network: 'mastodon',
    replyRetrySafe: true,
    comparePositions: compareNumericIds,
    async listPage(call, signal) {
      const { instanceUrl } = open(call);
      const url = withQuery(`${instanceUrl}/api/v1/notifications`, {
        'types[]': 'mention',
        limit: String(PAGE),
        max_id: call.page ?? undefined,
        since_id: call.after ?? undefined,
      });
      const response = await get(call, url, signal);
      const list = readAnswer(
        z.array(z.unknown()).max(200),
        response,
        'Reading Mastodon notifications',
        'transient',
      );
      const items: FetchedInboxItem[] = [];
      let newest: string | null = null;
      let oldest: { position: string; at: Date } | null = null;
      for (const raw of list) {
        const parsed = notification.safeParse(raw);
        // One odd entry (a type this code does not know) does not stop the others.
        if (!parsed.success) continue;
        const n = parsed.data;
        const at = new Date(n.created_at);
        if (newest === null || compareNumericIds(n.id, newest) > 0) newest = n.id;
        if (!Number.isNaN(at.getTime()) && (oldest === null || compareNumericIds(n.id, oldest.position) < 0))
          oldest = { position: n.id, at };
        if (n.type !== 'mention' || !n.status) continue;
        const s = n.status;
        const createdAt = new Date(s.created_at);
        if (Number.isNaN(createdAt.getTime())) continue;
        items.push({
          externalId: s.id,
          kind: s.in_reply_to_id ? 'reply' : 'mention',
          authorHandle: n.account.acct,
          authorName: n.account.display_name || null,
          authorAvatarUrl: safeExternalUrl(n.account.avatar),
          text: htmlToText(s.content),
          language: s.language ?? null,
          createdAt,
          link: safeExternalUrl(s.url) ?? safeExternalUrl(s.uri),
          parentExternalId: s.in_reply_to_id ?? null,
          threadRootExternalId: s.in_reply_to_id ? null : s.id,
          replyRef: {},
          position: n.id,
        });
      }
      return { items, next: list.length >= PAGE && oldest ? oldest.position : null, newest, oldest };
    },
    async threadRoot(call, signal) {
      const { instanceUrl } = open(call);
      const url = `${instanceUrl}/api/v1/statuses/${encodeURIComponent(call.externalId)}/context`;
      const context = readAnswer(
        z.object({ ancestors: z.array(z.object({ id })).max(10_000) }),
        await get(call, url, signal),
        'Reading a Mastodon thread',
        'transient',
      );
      return context.ancestors[0]?.id ?? call.externalId;
    },
    async reply(request, signal): Promise<InboxReplied> {
      const { instanceUrl, token, hosts } = open(request);
      const answer = readAnswer(
        posted,
        await mastodonCall(
          {
            method: 'POST',
            url: `${instanceUrl}/api/v1/statuses`,
            headers: { 'idempotency-key': request.replyId },
            json: { status: request.text, in_reply_to_id: request.parent.externalId },
          },
          token,
          deps.http,
          signal,
          now,
        ),
        'Replying on Mastodon',
      );
      const externalUrl = safeExternalUrl(answer.url, hosts) ?? safeExternalUrl(answer.uri, hosts);
      return { externalId: answer.id, externalUrl };
    },
    async like(request, signal) {
      await favourite(request, 'favourite', signal);
      return { likeExternalId: request.target.externalId };
    },
    async unlike(request, signal) {
      await favourite(request, 'unfavourite', signal);
    },
  };
}

// Threads' inbox (Threads API v1.0 at graph.threads.net). Reading: the replies under each of our
// posts (`listPostComments`, GET /{media-id}/conversation, permission threads_read_replies) and the
// posts that mention us (`listPage`, GET /{threads-user-id}/mentions, threads_manage_mentions).
// Replying is publishing: a TEXT container with reply_to_id, then threads_publish
// (threads_manage_replies). Threads takes no idempotency key, so the container is remembered with
// the reply before it is published, and a retry asks the container's status first: PUBLISHED means
// the reply is out (its id is found under the parent, never posted again), FINISHED or IN_PROGRESS
// that it is published now, EXPIRED or ERROR that a new one is needed. Hiding is
// POST /{reply-id}/manage_reply with hide=true|false, for replies directly under our post only.
// Threads' API has no like.
import { hostOf, safeExternalUrl } from '@cadence/domain/publishing/external-url';
import { z } from 'zod';
import { NetworkError } from '../errors';
import { readAnswer, withQuery } from '../network-http/call';
import { type AdapterDeps, origin } from '../network-http/compose';
import { alreadyPublished, containerSteps } from '../meta/containers';
import { graphCall, readPermalink } from '../meta/graph';
import type { InboxAdapter, InboxCall, InboxReplyRequest } from '../inbox/types';
import { THREADS_GRAPH, THREADS_VERSION, threadsCredentialsSchema } from './credentials';
import {
  compareThreadsPositions,
  positionTime,
  readThreadsPage,
  THREADS_INBOX_FIELDS,
  threadsList,
} from './inbox-page';

const MENTIONS_PAGE = 50;
/** Where our lost reply is looked for: the parent's newest direct replies, one page. */
const OWN_REPLY_FIELDS = 'id,text,permalink,is_reply_owned_by_me';
const containerId = z.string().regex(/^\d{1,40}$/);
const draftSchema = z.object({ container: containerId });
const containerState = z.object({ status: z.string().max(50).optional() });

export function createThreadsInbox(deps: AdapterDeps & { pollIntervalMs?: number }): InboxAdapter {
  const now = deps.clock ?? (() => new Date());
  const graph = `${origin(THREADS_GRAPH, deps.baseUrl)}/${THREADS_VERSION}`;
  const hosts = ['threads.net', 'threads.com', ...hostOf(deps.baseUrl)];
  const open = (call: InboxCall) => {
    const parsed = threadsCredentialsSchema.safeParse(call.credentials);
    if (!parsed.success)
      throw new NetworkError('auth_revoked', 'The Threads channel has no valid profile and token');
    return { userId: parsed.data.userId, token: parsed.data.accessToken };
  };
  const get = async (url: string, what: string, signal: AbortSignal) =>
    readAnswer(
      threadsList,
      await graphCall({ method: 'GET', url }, deps.http, signal, now, 'Threads'),
      what,
      'transient',
    );

  /** Our reply under the parent, when an earlier attempt published it and lost the answer. */
  const findPublished = async (request: InboxReplyRequest, token: string, signal: AbortSignal) => {
    const url = withQuery(`${graph}/${encodeURIComponent(request.parent.externalId)}/replies`, {
      fields: OWN_REPLY_FIELDS,
      reverse: 'true',
      access_token: token,
    });
    const list = await get(url, 'Looking for our reply on Threads', signal);
    const own = z.object({
      id: containerId,
      text: z.string().optional(),
      permalink: z.string().optional(),
      is_reply_owned_by_me: z.literal(true),
    });
    for (const raw of list.data) {
      const mine = own.safeParse(raw);
      if (mine.success && (mine.data.text ?? '').trim() === request.text.trim())
        return { externalId: mine.data.id, externalUrl: safeExternalUrl(mine.data.permalink, hosts) };
    }
    // Published but not listed yet: retried later, never published again.
    throw alreadyPublished('Threads');
  };

  return {
    network: 'threads',
    comparePositions: compareThreadsPositions,
    // The container kept with the reply (`draft`) is published, never a second one.
    replyRetrySafe: true,
    async listPostComments(call, signal) {
      const { token } = open(call);
      const url = withQuery(`${graph}/${encodeURIComponent(call.postExternalId)}/conversation`, {
        fields: THREADS_INBOX_FIELDS,
        reverse: 'true',
        after: call.page ?? undefined,
        access_token: token,
      });
      return readThreadsPage(await get(url, 'Reading Threads replies', signal), 'reply', hosts);
    },
    async listPage(call, signal) {
      const { userId, token } = open(call);
      // `since` is in seconds and inclusive: the item at the floor comes again (stored once).
      const since = positionTime(call.after);
      const url = withQuery(`${graph}/${userId}/mentions`, {
        fields: THREADS_INBOX_FIELDS,
        limit: String(MENTIONS_PAGE),
        after: call.page ?? undefined,
        since: since ? String(Math.floor(since.getTime() / 1000)) : undefined,
        access_token: token,
      });
      return readThreadsPage(await get(url, 'Reading Threads mentions', signal), 'mention', hosts);
    },
    async reply(request, signal) {
      const { userId, token } = open(request);
      const memory = request.draft;
      if (!memory) throw new NetworkError('permanent', 'Threads replies need their container remembered');
      const steps = containerSteps({
        graph,
        token,
        network: 'Threads',
        statusField: 'status',
        pollIntervalMs: deps.pollIntervalMs,
        http: deps.http,
        signal,
        now,
        targetId: request.replyId,
        uploads: undefined,
      });
      const publish = async (container: string) => {
        const id = await steps.publish(`${userId}/threads_publish`, container, 'Replying on Threads');
        const externalUrl = await readPermalink(
          { graph, id, token, hosts },
          deps.http,
          signal,
          now,
          'Threads',
        );
        return { externalId: id, externalUrl };
      };
      const known = draftSchema.safeParse(memory.recalled);
      if (known.success) {
        const url = withQuery(`${graph}/${known.data.container}`, { fields: 'status', access_token: token });
        const { status } = readAnswer(
          containerState,
          await graphCall({ method: 'GET', url }, deps.http, signal, now, 'Threads'),
          'Checking the Threads reply',
          'transient',
        );
        if (status === 'PUBLISHED') return findPublished(request, token, signal);
        if (status === 'FINISHED' || status === 'IN_PROGRESS') return publish(known.data.container);
        // EXPIRED or ERROR: that container will never be published; a new one is made below.
      }
      const container = await steps.post(
        `${userId}/threads`,
        { media_type: 'TEXT', text: request.text, reply_to_id: request.parent.externalId },
        'Preparing the Threads reply',
      );
      await memory.remember({ container });
      return publish(container);
    },
    async hide(request, signal) {
      const { token } = open(request);
      const { parent, root } = request.target.replyRef;
      if (parent && root && parent !== root)
        throw new NetworkError(
          'permanent',
          'Threads hides only replies made directly under the post; hiding the reply this one answers hides it too',
        );
      const answer = readAnswer(
        z.object({ success: z.boolean() }),
        await graphCall(
          {
            method: 'POST',
            url: `${graph}/${encodeURIComponent(request.target.externalId)}/manage_reply`,
            form: { hide: String(request.hidden), access_token: token },
          },
          deps.http,
          signal,
          now,
          'Threads',
        ),
        request.hidden ? 'Hiding a Threads reply' : 'Showing a Threads reply again',
        // Setting a state: safe to repeat when the answer is unreadable.
        'transient',
      );
      if (!answer.success) throw new NetworkError('transient', 'Threads did not confirm the change');
    },
  };
}

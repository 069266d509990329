// Hiding a reply under our post on Bluesky: the thread's app.bsky.feed.threadgate record (lexicon
// app.bsky.feed.threadgate, as of atproto's lexicons in 2026): it lives in our repository under the
// record key of the thread's root post, and its `hiddenReplies` (at most 50 at-uris) lists the
// replies the AppView hides from others. A threadgate also holds reply controls (`allow`); we keep
// every field we do not own as it is, and create the record without `allow` (absent: anyone may
// reply; an empty list would close the thread). Read-modify-write with com.atproto.repo.putRecord's
// `swapRecord` (the cid we read, or null: "must not exist yet"): when two hides meet, the PDS
// refuses the second write (InvalidSwap) and it reads again, so neither is lost. Setting a state,
// it is harmless to call again.
import { z } from 'zod';
import { NetworkError } from '../errors';
import { readAnswer } from '../network-http/call';
import type { SafeHttpOptions } from '../safe-http';
import type { BlueskySession } from './session';
import { XrpcError, xrpc } from './xrpc';

const THREADGATE = 'app.bsky.feed.threadgate';
/** The lexicon's maxLength for hiddenReplies. */
const MAX_HIDDEN_REPLIES = 50;
/** Writes that lost a race before the hide gives up for this attempt (the job retries later). */
const SWAP_TRIES = 5;

const stored = z.object({
  cid: z.string().min(1).max(200),
  value: z.looseObject({ hiddenReplies: z.array(z.string().max(500)).max(500).optional() }),
});

interface ThreadgateDeps {
  http: SafeHttpOptions;
  now: () => Date;
}

interface HideTarget {
  /** The reply's at:// uri. */
  replyUri: string;
  /** The thread's root post: ours, or the network cannot hide under it. */
  rootUri: string;
  hidden: boolean;
}

const rkeyOf = (uri: string) => uri.split('/').pop() ?? '';

export async function setReplyHidden(
  deps: ThreadgateDeps,
  session: BlueskySession,
  target: HideTarget,
  signal: AbortSignal,
): Promise<void> {
  const ourPost = `at://${session.did}/app.bsky.feed.post/`;
  if (!target.rootUri.startsWith(ourPost) || target.replyUri === target.rootUri) {
    throw new NetworkError(
      'permanent',
      'Bluesky hides replies only in a thread that starts at this account’s own post',
    );
  }
  const rkey = rkeyOf(target.rootUri);
  const call = (
    method: 'GET' | 'POST',
    nsid: string,
    input: { query?: Record<string, string>; json?: unknown },
  ) =>
    xrpc(session.service, { method, nsid, token: session.accessJwt, ...input }, deps.http, signal, deps.now);

  for (let tries = 0; tries < SWAP_TRIES; tries++) {
    let current: z.infer<typeof stored> | null = null;
    try {
      const response = await call('GET', 'com.atproto.repo.getRecord', {
        query: { repo: session.did, collection: THREADGATE, rkey },
      });
      current = readAnswer(stored, response, 'Reading the Bluesky threadgate', 'transient');
    } catch (error) {
      if (!(error instanceof XrpcError && error.code === 'RecordNotFound')) throw error;
    }
    const listed = current?.value.hiddenReplies ?? [];
    if (listed.includes(target.replyUri) === target.hidden) return;
    const hiddenReplies = target.hidden
      ? [...listed, target.replyUri]
      : listed.filter((uri) => uri !== target.replyUri);
    if (hiddenReplies.length > MAX_HIDDEN_REPLIES) {
      throw new NetworkError(
        'permanent',
        `Bluesky hides at most ${MAX_HIDDEN_REPLIES} replies under one post; show one again first`,
      );
    }
    const record = {
      ...current?.value,
      $type: THREADGATE,
      post: target.rootUri,
      createdAt: current?.value.createdAt ?? deps.now().toISOString(),
      hiddenReplies,
    };
    try {
      await call('POST', 'com.atproto.repo.putRecord', {
        json: {
          repo: session.did,
          collection: THREADGATE,
          rkey,
          record,
          swapRecord: current?.cid ?? null,
        },
      });
      return;
    } catch (error) {
      // Someone wrote the threadgate since we read it: read it again.
      if (!(error instanceof XrpcError && error.code === 'InvalidSwap')) throw error;
    }
  }
  throw new NetworkError(
    'transient',
    'The Bluesky threadgate kept changing while hiding; trying again later',
  );
}

// The inbox side of an adapter (issue 16): read what people say to a channel, one page at a time,
// and reply under one of those messages. Networks answer newest first; the sync (apps/publisher)
// walks pages down to what it stored before and commits page by page, so it never fetches twice
// what it has and a failure mid-walk loses nothing.
import type { InboxItemKind, Network } from '@cadence/names';

export interface FetchedInboxItem {
  /** The network's id of the message (Mastodon status id, Bluesky at:// uri). */
  externalId: string;
  kind: InboxItemKind;
  authorHandle: string;
  authorName: string | null;
  /** http(s) only, or null. */
  authorAvatarUrl: string | null;
  /** Plain text (Mastodon's HTML turned into text). */
  text: string;
  language: string | null;
  createdAt: Date;
  /** http(s) only, or null. */
  link: string | null;
  parentExternalId: string | null;
  /** The first message of the thread; null when the network did not say (see `threadRoot`). */
  threadRootExternalId: string | null;
  /** What replying to this item needs (Bluesky: uri, cid, rootUri, rootCid). */
  replyRef: Record<string, string>;
  /** The item's place in the network's list, for `comparePositions`. */
  position: string;
}

/** A reply as the network keeps it. */
export interface InboxReplied {
  externalId: string;
  externalUrl: string | null;
}

export interface InboxPage {
  /** What the inbox keeps (replies, mentions, quotes), newest first. */
  items: FetchedInboxItem[];
  /** The next (older) page, or null at the end. */
  next: string | null;
  /**
   * The newest and oldest entries of the page as the network listed it, kept or not (likes and
   * follows too): where the walk stands does not depend on what the inbox keeps.
   */
  newest: string | null;
  oldest: { position: string; at: Date } | null;
}

export interface InboxCall {
  channelId: string;
  /** The channel's opened credentials. */
  credentials: unknown;
}

/**
 * One page of the comments under one of our posts, for networks that have no single list of what
 * people said to the account (Facebook Page, Instagram, Threads, LinkedIn): the sync walks each of
 * the channel's recently published posts in turn, each with its own cursor.
 */
interface InboxPostCommentsCall extends InboxCall {
  /** Our post's id on the network (the published target's external id). */
  postExternalId: string;
  page: string | null;
  after: string | null;
}

/** Hides (or shows again) an item under one of our posts, where the network allows it. */
interface InboxHideRequest extends InboxCall {
  target: { externalId: string; replyRef: Record<string, string> };
  hidden: boolean;
}

/**
 * What one reply's earlier attempts left on the network, kept with the reply by the caller
 * (networks that post in two steps without an idempotency key: Threads' container).
 */
interface ReplyDraftMemory {
  /** What `remember` last kept for this reply, or null. */
  recalled: unknown;
  /** Kept before the step that puts the reply out, so a retry after a crash finds it. */
  remember(draft: unknown): Promise<void>;
}

export interface InboxReplyRequest extends InboxCall {
  /** The reply's id: the idempotency key (Mastodon) or the record key's seed (Bluesky). */
  replyId: string;
  text: string;
  parent: { externalId: string; replyRef: Record<string, string> };
  /**
   * Set when an earlier attempt may have reached the network (the ledger found the reply already
   * sending): a network without an idempotency key (Meta's Graph API) looks for the reply written
   * since `since` before posting it again.
   */
  earlierAttempt?: { since: Date };
  /** Absent: nothing is remembered between attempts (a network that needs it refuses to post). */
  draft?: ReplyDraftMemory;
}

interface InboxLikeRequest extends InboxCall {
  /**
   * One like request's key: the record key's seed on Bluesky (a retry finds the record it made);
   * Mastodon's favourite needs none (liking twice is a no-op there).
   */
  likeKey: string;
  target: { externalId: string; replyRef: Record<string, string> };
}

interface InboxUnlikeRequest extends InboxCall {
  target: { externalId: string; replyRef: Record<string, string> };
  /** What `like` answered (Bluesky: the like record's uri). */
  likeExternalId: string;
}

export interface InboxAdapter {
  network: Network;
  /**
   * One page of what people said to the channel, newest first. `page` is a `next` from an earlier
   * page (null: the newest); `after` a position the network may use to leave out older items.
   * Throws NetworkError (rate_limited with retryAfterMs, auth_revoked, transient, permanent).
   */
  listPage?(
    call: InboxCall & { page: string | null; after: string | null },
    signal: AbortSignal,
  ): Promise<InboxPage>;
  /**
   * One page of the comments under one of our posts, newest first (same contract as `listPage`).
   * A network has `listPage`, this, or both (both: mentions from one, comments from the other).
   */
  listPostComments?(call: InboxPostCommentsCall, signal: AbortSignal): Promise<InboxPage>;
  /** Negative, zero or positive as position a is older than, the same as, or newer than b. */
  comparePositions(a: string, b: string): number;
  /**
   * How far back from the newest stored position a later sync reads again, for a network that can
   * list an item late at a position older than ones already listed. Absent: positions only grow.
   */
  rewindPosition?(top: string): string;
  /** The first message of an item's thread, when `listPage` could not say. */
  threadRoot?(call: InboxCall & { externalId: string }, signal: AbortSignal): Promise<string | null>;
  /**
   * Posts `text` as a reply to the parent. Where `replyRetrySafe` is true, calling it again with the
   * same replyId never posts twice (Mastodon's idempotency key, Bluesky's record key).
   */
  reply(request: InboxReplyRequest, signal: AbortSignal): Promise<InboxReplied>;
  /**
   * True where calling `reply` again cannot post twice: an idempotency key (Mastodon), a record key
   * (Bluesky), a look for the reply before posting again (Facebook, Instagram: `earlierAttempt`), or
   * the draft kept with the reply (Threads' container). False where
   * the network offers none of these (X, LinkedIn): the reply ledger then calls `reply` at most
   * once past `sending`, and an unclear outcome ends the reply for a person to check (decision 0299).
   */
  replyRetrySafe: boolean;
  /**
   * Likes the item from our account (absent where the network's API does not allow it); safe to
   * call again with the same likeKey. Answers the network's id of the like, needed to undo it.
   */
  like?(request: InboxLikeRequest, signal: AbortSignal): Promise<{ likeExternalId: string }>;
  /** Takes our like back; safe to call again. */
  unlike?(request: InboxUnlikeRequest, signal: AbortSignal): Promise<void>;
  /**
   * Hides the item from others under our post, or shows it again (absent where the network does
   * not allow it: Mastodon). Sets a state, so calling it again is harmless.
   */
  hide?(request: InboxHideRequest, signal: AbortSignal): Promise<void>;
}

/** An inbox that reads one list of what people said to the account (Mastodon, Bluesky, X). */
export type NotificationsInbox = InboxAdapter & Required<Pick<InboxAdapter, 'listPage'>>;

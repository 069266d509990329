// The inbox sides of Facebook Pages and Instagram against stand-ins of Meta's documented comment
// endpoints (Graph API v21.0): comments under one of our posts newest first, paged by cursors,
// our own left out, replies naming their parent; a reply posted once even when a retry follows an
// answer that was lost; hiding and showing again; a rate limit that says how long to wait (code
// 32 and X-Business-Use-Case-Usage); a revoked token (code 190).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetworkError } from '../src/errors';
import { createFacebookAdapter } from '../src/facebook/adapter';
import type { InboxAdapter, InboxPage } from '../src/inbox/types';
import { createInstagramAdapter } from '../src/instagram/adapter';
import { type MetaCommentsFake, startMetaComments } from '../src/testing/meta-comments';

const signal = new AbortController().signal;
const now = new Date();
const POST = { facebook: '1111_2222', instagram: '17900000000000001' };
const OWNER = { facebook: '1111', instagram: '17841400000000001' };

const setups = {
  facebook: async () => {
    const fake = await startMetaComments('facebook', { ownerId: OWNER.facebook });
    const adapter = createFacebookAdapter({ http: { allowPrivateNetworkUrls: true }, baseUrl: fake.net.url });
    return {
      fake,
      inbox: adapter.inbox as InboxAdapter,
      credentials: { pageId: OWNER.facebook, pageAccessToken: fake.token },
    };
  },
  instagram: async () => {
    const fake = await startMetaComments('instagram', { ownerId: OWNER.instagram });
    const adapter = createInstagramAdapter({
      http: { allowPrivateNetworkUrls: true },
      baseUrl: fake.net.url,
    });
    return {
      fake,
      inbox: adapter.inbox as InboxAdapter,
      credentials: { igUserId: OWNER.instagram, accessToken: fake.token },
    };
  },
};

describe.each(['facebook', 'instagram'] as const)('%s inbox', (network) => {
  let fake: MetaCommentsFake;
  let inbox: InboxAdapter;
  let credentials: unknown;
  const post = POST[network];
  const call = () => ({ channelId: 'c1', credentials, postExternalId: post, after: null });
  const errorOf = async (p: Promise<unknown>) => {
    const e = await p.catch((err: unknown) => err);
    expect(e).toBeInstanceOf(NetworkError);
    return (e as NetworkError).failure;
  };

  beforeAll(async () => {
    ({ fake, inbox, credentials } = await setups[network]());
  });
  afterAll(async () => fake.net.close());

  let first: string;
  let answer: string;
  it('lists the comments under our post newest first, page by page, without our own', async () => {
    first = fake.add({ objectId: post, minutesAgo: 500, now });
    for (let i = 0; i < 59; i++) fake.add({ objectId: post, minutesAgo: 400 - i, now });
    answer = fake.add({ objectId: post, parentId: first, minutesAgo: 10, now, text: 'A reply' });
    fake.add({ objectId: post, parentId: first, minutesAgo: 5, now, fromId: OWNER[network], text: 'Ours' });
    fake.add({ objectId: 'elsewhere_1', minutesAgo: 3, now });

    const pages: InboxPage[] = [];
    let page: string | null = null;
    do {
      const got: InboxPage = await inbox.listPostComments!({ ...call(), page }, signal);
      pages.push(got);
      page = got.next;
    } while (page && pages.length < 5);
    expect(pages).toHaveLength(2);
    const items = pages.flatMap((p) => p.items);
    expect(items).toHaveLength(61);
    expect(new Set(items.map((i) => i.externalId)).size).toBe(61);
    expect(items.some((i) => i.text === 'Ours')).toBe(false);
    const byId = new Map(items.map((i) => [i.externalId, i]));
    expect(byId.get(answer)).toMatchObject({
      kind: 'comment',
      parentExternalId: first,
      threadRootExternalId: post,
    });
    expect(byId.get(first)).toMatchObject({ parentExternalId: post, text: `Comment ${first}` });
    // Newest first, and positions order as the network listed.
    const [p1, p2] = pages as [InboxPage, InboxPage];
    // Facebook lists replies among comments; Instagram nests them, so a page's newest may be a
    // reply newer than the page before (the walk's floor then moves past it: stored once).
    if (network === 'facebook')
      expect(inbox.comparePositions(p1.newest as string, p2.newest as string)).toBeGreaterThan(0);
    else expect(p2.newest).toContain(`:${answer}`);
    expect(
      inbox.comparePositions(p1.oldest?.position as string, p2.oldest?.position as string),
    ).toBeGreaterThan(0);
    expect(p2.oldest?.at.getTime()).toBe(now.getTime() - 500 * 60_000 - (now.getTime() % 1000));
    const listed = fake.net.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/comments'));
    expect(listed[1]?.query.after).toBeTruthy();
    if (network === 'facebook')
      expect(listed[0]?.query).toMatchObject({ filter: 'stream', order: 'reverse_chronological' });
  });

  it('replies once, even when a retry follows a lost answer', async () => {
    const since = new Date(Date.now() - 1000);
    const request = {
      channelId: 'c1',
      credentials,
      replyId: 'r-1',
      text: 'Thank you!',
      parent: {
        externalId: answer,
        replyRef: (network === 'instagram' ? { replyTo: first } : {}) as Record<string, string>,
      },
    };
    fake.mode.loseNextReplyAnswer = true;
    const lost = await errorOf(inbox.reply(request, signal));
    expect(lost.kind).toBe('transient');
    expect(fake.posted).toHaveLength(1);
    // The retry finds the reply the lost attempt made and does not post it again.
    const retried = await inbox.reply({ ...request, earlierAttempt: { since } }, signal);
    expect(retried.externalId).toBe(fake.posted[0]?.id);
    expect(fake.posted).toHaveLength(1);
    // Instagram answers the top-level comment; Facebook the comment itself.
    expect(fake.posted[0]?.parentId).toBe(network === 'instagram' ? first : answer);
    // A new reply with the same words, asked later, is a new reply.
    const later = await inbox.reply({ ...request, replyId: 'r-2' }, signal);
    expect(later.externalId).not.toBe(retried.externalId);
    expect(fake.posted).toHaveLength(2);
  });

  it('hides a comment and shows it again; repeating is harmless', async () => {
    const target = { externalId: answer, replyRef: {} };
    await inbox.hide!({ channelId: 'c1', credentials, target, hidden: true }, signal);
    await inbox.hide!({ channelId: 'c1', credentials, target, hidden: true }, signal);
    expect(fake.comments.find((c) => c.id === answer)?.hidden).toBe(true);
    await inbox.hide!({ channelId: 'c1', credentials, target, hidden: false }, signal);
    expect(fake.comments.find((c) => c.id === answer)?.hidden).toBe(false);
    const body = fake.net.requests
      .filter((r) => r.method === 'POST' && r.path === `/v21.0/${answer}`)
      .at(-1)?.body;
    expect(body).toMatchObject(network === 'facebook' ? { is_hidden: 'false' } : { hide: 'false' });
  });

  it.runIf(network === 'facebook')(
    'likes a comment as the Page and takes it back; repeating is harmless',
    async () => {
      const target = { externalId: answer, replyRef: {} };
      const liked = await inbox.like!({ channelId: 'c1', credentials, likeKey: 'k1', target }, signal);
      await inbox.like!({ channelId: 'c1', credentials, likeKey: 'k1', target }, signal);
      expect(liked.likeExternalId).toBe(answer);
      expect(fake.comments.find((c) => c.id === answer)?.liked).toBe(true);
      const back = { channelId: 'c1', credentials, target, likeExternalId: liked.likeExternalId };
      await inbox.unlike!(back, signal);
      await inbox.unlike!(back, signal);
      expect(fake.comments.find((c) => c.id === answer)?.liked).toBe(false);
      const bad = { externalId: '../me/accounts', replyRef: {} };
      const before = fake.net.requests.length;
      expect(
        (await errorOf(inbox.like!({ channelId: 'c1', credentials, likeKey: 'k2', target: bad }, signal)))
          .kind,
      ).toBe('permanent');
      expect(fake.net.requests.length).toBe(before);
    },
  );

  it('a rate limit waits as long as the usage header says', async () => {
    fake.mode.rateLimitedMinutes = 7;
    const failure = await errorOf(inbox.listPostComments!({ ...call(), page: null }, signal));
    fake.mode.rateLimitedMinutes = undefined;
    expect(failure).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7 * 60_000 });
  });

  it('a revoked token, and ids that are not Graph ids, are refused before anything is sent', async () => {
    fake.mode.revoked = true;
    expect((await errorOf(inbox.listPostComments!({ ...call(), page: null }, signal))).kind).toBe(
      'auth_revoked',
    );
    fake.mode.revoked = false;
    const before = fake.net.requests.length;
    const bad = { ...call(), postExternalId: '../me/accounts', page: null };
    expect((await errorOf(inbox.listPostComments!(bad, signal))).kind).toBe('permanent');
    expect(fake.net.requests.length).toBe(before);
  });
});

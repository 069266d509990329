// X's inbox against a stand-in of the documented API v2: mentions read newest first with
// pagination_token and since_id, replies and quotes told apart by referenced_tweets, authors from
// includes.users; a reply through POST /2/tweets whose 5xx is ambiguous (X cannot deduplicate);
// hiding and liking; 401 revoked, 429 with x-rate-limit-reset, and the paid-tier refusal (403
// client-not-enrolled) as InboxUnavailableError rather than a failure to retry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboxUnavailableError } from '../src/inbox/unavailable';
import { failureOf, signal } from '../src/testing/publish-request';
import { addOurXPost, addXPost, startXInbox, type XInboxFake } from '../src/testing/x-inbox';
import { createXAdapter } from '../src/x/adapter';

let fake: XInboxFake;
const now = new Date();
beforeAll(async () => {
  fake = await startXInbox();
  addOurXPost(fake, '500', now);
  for (let i = 0; i < 130; i++) addXPost(fake, { id: 1000 + i, minutesAgo: 200 - i, now });
  addXPost(fake, { id: 2000, minutesAgo: 3, now, replyTo: '500', text: 'Love it <b>really</b>' });
  addXPost(fake, { id: 2001, minutesAgo: 2, now, quotes: '500', text: 'Look at this' });
  addXPost(fake, { id: 2002, minutesAgo: 1, now, replyTo: '2000', author: { id: '88', username: 'other' } });
});
afterAll(() => fake.net.close());

const inbox = () => {
  const adapter = createXAdapter({ http: { allowPrivateNetworkUrls: true }, baseUrl: fake.net.url });
  if (!adapter.inbox?.listPage) throw new Error('no inbox on the X adapter');
  return adapter.inbox as Required<NonNullable<typeof adapter.inbox>>;
};
const call = {
  channelId: 'channel-x',
  credentials: { accessToken: 'x-user-token', userId: '1000', username: 'cadence' },
};

describe('X inbox: mentions', () => {
  it('reads pages newest first, tells replies, quotes and mentions apart, and stops at the end', async () => {
    const first = await inbox().listPage({ ...call, page: null, after: null }, signal());
    expect(first.items.map((i) => i.externalId).slice(0, 3)).toEqual(['2002', '2001', '2000']);
    expect(first.newest).toBe('2002');
    expect(first.next).not.toBeNull();
    const byId = new Map(first.items.map((i) => [i.externalId, i]));
    expect(byId.get('2000')).toMatchObject({
      kind: 'reply',
      parentExternalId: '500',
      threadRootExternalId: '500',
      authorHandle: 'fan',
      authorName: 'A fan',
      authorAvatarUrl: 'https://pbs.twimg.com/profile_images/77.jpg',
      text: 'Love it <b>really</b>',
      language: 'en',
      link: 'https://x.com/fan/status/2000',
    });
    expect(byId.get('2001')).toMatchObject({
      kind: 'quote',
      parentExternalId: null,
      threadRootExternalId: '2001',
    });
    expect(byId.get('2002')).toMatchObject({
      kind: 'reply',
      parentExternalId: '2000',
      threadRootExternalId: '500',
    });
    expect(byId.get('1129')).toMatchObject({ kind: 'mention', threadRootExternalId: '1129' });

    const second = await inbox().listPage({ ...call, page: first.next, after: null }, signal());
    expect(second.items).toHaveLength(33);
    expect(second.next).toBeNull();
    expect(second.oldest?.position).toBe('1000');
    const asked = fake.net.requests.filter((r) => r.path === `/2/users/${fake.userId}/mentions`);
    expect(asked[0]?.query).toMatchObject({
      max_results: '100',
      expansions: 'author_id',
      'user.fields': 'username,name,profile_image_url',
    });
    expect(asked[0]?.query['tweet.fields']).toContain('referenced_tweets');
    expect(asked[1]?.query.pagination_token).toBe(first.next);
  });

  it('asks only for what is newer than `after` (since_id)', async () => {
    const page = await inbox().listPage({ ...call, page: null, after: '2001' }, signal());
    expect(page.items.map((i) => i.externalId)).toEqual(['2002']);
    expect(fake.net.requests.at(-1)?.query.since_id).toBe('2001');
  });

  it('a paid-tier refusal is InboxUnavailableError; 401 is auth_revoked; 429 waits for the reset', async () => {
    fake.mode = { notEnrolled: true };
    const refused = await inbox()
      .listPage({ ...call, page: null, after: null }, signal())
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InboxUnavailableError);
    expect((refused as InboxUnavailableError).unavailable).toBe('x_paid_tier');
    expect((refused as InboxUnavailableError).failure.kind).toBe('permanent');

    fake.mode = { revoked: true };
    expect((await failureOf(inbox().listPage({ ...call, page: null, after: null }, signal()))).kind).toBe(
      'auth_revoked',
    );
    fake.mode = { rateLimitedFor: 600 };
    const limited = await failureOf(inbox().listPage({ ...call, page: null, after: null }, signal()));
    expect(limited.kind).toBe('rate_limited');
    expect(limited.retryAfterMs).toBeGreaterThan(590_000);
    expect(limited.retryAfterMs).toBeLessThanOrEqual(600_000);
    fake.mode = {};
  });
});

describe('X inbox: reply, hide, like', () => {
  it('replies under the post; a 5xx after the write is ambiguous, never a transient to retry', async () => {
    const sent = await inbox().reply(
      { ...call, replyId: 'r1', text: 'Thank you!', parent: { externalId: '2000', replyRef: {} } },
      signal(),
    );
    expect(sent.externalUrl).toBe(`https://x.com/cadence/status/${sent.externalId}`);
    expect(fake.posted.at(-1)).toMatchObject({ text: 'Thank you!', inReplyTo: '2000' });
    expect(inbox().replyRetrySafe).toBe(false);

    fake.mode = { failAfterWrite: true };
    const unclear = await failureOf(
      inbox().reply(
        { ...call, replyId: 'r2', text: 'Again', parent: { externalId: '2000', replyRef: {} } },
        signal(),
      ),
    );
    expect(unclear.kind).toBe('ambiguous');
    fake.mode = {};
  });

  it('hides and shows a reply in our conversation; X refuses it elsewhere', async () => {
    const target = { externalId: '2000', replyRef: {} };
    await inbox().hide({ ...call, target, hidden: true }, signal());
    expect(fake.hidden.has('2000')).toBe(true);
    await inbox().hide({ ...call, target, hidden: false }, signal());
    expect(fake.hidden.has('2000')).toBe(false);
    const elsewhere = await failureOf(
      inbox().hide({ ...call, target: { externalId: '1050', replyRef: {} }, hidden: true }, signal()),
    );
    expect(elsewhere.kind).toBe('permanent');
  });

  it('likes twice without harm and takes the like back', async () => {
    const target = { externalId: '2001', replyRef: {} };
    expect(await inbox().like({ ...call, likeKey: 'k', target }, signal())).toEqual({
      likeExternalId: '2001',
    });
    await inbox().like({ ...call, likeKey: 'k', target }, signal());
    expect(fake.liked.has('2001')).toBe(true);
    await inbox().unlike({ ...call, target, likeExternalId: '2001' }, signal());
    expect(fake.liked.has('2001')).toBe(false);
    const likeCall = fake.net.requests.find((r) => r.method === 'POST' && r.path.endsWith('/likes'));
    expect(likeCall).toMatchObject({ path: `/2/users/${fake.userId}/likes`, body: { tweet_id: '2001' } });
  });
});

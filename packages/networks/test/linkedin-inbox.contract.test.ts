// LinkedIn's inbox against a stand-in of the Community Management API (versioned REST): comments
// under one of our page's posts read newest first in start/count pages with the version headers,
// organisations named, members kept by URN; a reply under the top-level comment (parentComment),
// whose 5xx is ambiguous since LinkedIn cannot deduplicate; 429 (a daily quota, no Retry-After)
// and a revoked token (401); no hide (LinkedIn's API has none); a like as a LIKE reaction from the
// page, made once and taken back (Reactions API).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkedinAdapter } from '../src/linkedin/adapter';
import {
  addLinkedinComment,
  type LinkedinCommentsFake,
  startLinkedinComments,
} from '../src/testing/linkedin-comments';
import { failureOf, signal } from '../src/testing/publish-request';

const POST = 'urn:li:share:7100000000000000001';
const PAGE_URN = 'urn:li:organization:2414183';
let fake: LinkedinCommentsFake;
const now = new Date();
beforeAll(async () => {
  fake = await startLinkedinComments();
  fake.organizations.set('555', { localizedName: 'Partner Co', vanityName: 'partner-co' });
  for (let i = 0; i < 70; i++)
    addLinkedinComment(fake, { post: POST, id: 6_000_000 + i, minutesAgo: 100 - i, now });
  addLinkedinComment(fake, {
    post: POST,
    id: 6_100_000,
    minutesAgo: 1,
    now,
    actor: 'urn:li:organization:555',
    text: 'Congrats <3',
  });
  addLinkedinComment(fake, {
    post: POST,
    id: 6_100_001,
    minutesAgo: 0,
    now,
    actor: PAGE_URN,
    text: 'Our own words',
  });
});
afterAll(() => fake.net.close());

const inbox = () => {
  const adapter = createLinkedinAdapter({ http: { allowPrivateNetworkUrls: true }, baseUrl: fake.net.url });
  if (!adapter.inbox?.listPostComments) throw new Error('no comments on the LinkedIn inbox');
  return { ...adapter.inbox, listPostComments: adapter.inbox.listPostComments };
};
const call = { channelId: 'channel-li', credentials: { accessToken: 'linkedin-token', author: PAGE_URN } };
const list = (page: string | null) =>
  inbox().listPostComments({ ...call, postExternalId: POST, page, after: null }, signal());

describe('LinkedIn inbox: comments under our posts', () => {
  it('reads pages newest first with the version headers, names organisations, leaves our own comments out', async () => {
    const first = await list(null);
    const asked = fake.net.requests.at(-2);
    expect(asked).toMatchObject({
      method: 'GET',
      // The URN goes URL-encoded in the path, as LinkedIn's reference shows.
      path: `/rest/socialActions/${encodeURIComponent(POST)}/comments`,
      query: { start: '0', count: '50' },
    });
    expect(asked?.headers['linkedin-version']).toMatch(/^\d{6}$/);
    expect(asked?.headers['x-restli-protocol-version']).toBe('2.0.0');
    expect(first.items[0]).toMatchObject({
      externalId: `urn:li:comment:(${POST},6100000)`,
      kind: 'comment',
      authorHandle: 'partner-co',
      authorName: 'Partner Co',
      text: 'Congrats <3',
      threadRootExternalId: POST,
      parentExternalId: null,
      replyRef: { post: POST, parentComment: `urn:li:comment:(${POST},6100000)` },
    });
    expect(first.items[0]?.link).toMatch(/^https:\/\/www\.linkedin\.com\/feed\/update\//);
    expect(first.items.some((i) => i.text === 'Our own words')).toBe(false);
    expect(first.items[1]).toMatchObject({ authorHandle: 'urn:li:person:aB3xYz', authorName: null });
    // Our own comment still counts for where the walk stands.
    expect(first.newest).toMatch(/:6100001$/);
    expect(first.next).toBe('50');
    const positions = first.items.map((i) => i.position);
    expect([...positions].sort().reverse()).toEqual(positions);

    const second = await list(first.next);
    expect(second.items).toHaveLength(22);
    expect(second.next).toBeNull();
    expect(inbox().comparePositions(second.oldest?.position ?? '', first.newest ?? '')).toBeLessThan(0);
  });

  it('429 is rate_limited; a revoked token is auth_revoked', async () => {
    fake.mode = { rateLimited: true };
    expect((await failureOf(list(null))).kind).toBe('rate_limited');
    fake.mode = { revoked: true };
    expect((await failureOf(list(null))).kind).toBe('auth_revoked');
    fake.mode = {};
  });

  it('likes a comment once as the page (a LIKE reaction) and takes it back; repeating is harmless', async () => {
    const side = inbox();
    const comment = `urn:li:comment:(${POST},6000001)`;
    const target = { externalId: comment, replyRef: {} };
    const liked = await side.like!({ ...call, likeKey: 'k1', target }, signal());
    // A retry finds our reaction and makes no second one.
    await side.like!({ ...call, likeKey: 'k1', target }, signal());
    expect(liked.likeExternalId).toBe(comment);
    expect([...fake.reactions]).toEqual([[`${PAGE_URN}|${comment}`, 'LIKE']]);
    const creates = fake.net.requests.filter((r) => r.method === 'POST' && r.path === '/rest/reactions');
    expect(creates).toHaveLength(1);
    expect(creates[0]?.query).toEqual({ actor: PAGE_URN });
    const back = { ...call, target, likeExternalId: liked.likeExternalId };
    await side.unlike!(back, signal());
    await side.unlike!(back, signal());
    expect(fake.reactions.size).toBe(0);
    const notAComment = { externalId: 'urn:li:share:1', replyRef: {} };
    expect(
      (await failureOf(side.like!({ ...call, likeKey: 'k2', target: notAComment }, signal()))).kind,
    ).toBe('permanent');
  });

  it('has no hide: LinkedIn offers none', () => {
    expect(inbox().hide).toBeUndefined();
  });
});

describe('LinkedIn inbox: replies', () => {
  it('answers under the top-level comment as the page', async () => {
    const [item] = (await list(null)).items;
    if (!item) throw new Error('no comment');
    const sent = await inbox().reply(
      {
        ...call,
        replyId: 'r1',
        text: 'Thank you!',
        parent: { externalId: item.externalId, replyRef: item.replyRef },
      },
      signal(),
    );
    expect(fake.posted.at(-1)).toMatchObject({
      actor: PAGE_URN,
      object: POST,
      parentComment: item.externalId,
      message: { text: 'Thank you!' },
    });
    expect(sent.externalId).toBe(fake.posted.at(-1)?.commentUrn);
    expect(inbox().replyRetrySafe).toBe(false);
  });

  it('a reply with a rate limit or revoked token fails before anything is made; a 5xx after is ambiguous', async () => {
    const parent = {
      externalId: `urn:li:comment:(${POST},6000001)`,
      replyRef: { post: POST, parentComment: `urn:li:comment:(${POST},6000001)` },
    };
    const before = fake.posted.length;
    fake.mode = { rateLimited: true };
    expect(
      (await failureOf(inbox().reply({ ...call, replyId: 'r2', text: 'Hi', parent }, signal()))).kind,
    ).toBe('rate_limited');
    fake.mode = { revoked: true };
    expect(
      (await failureOf(inbox().reply({ ...call, replyId: 'r2', text: 'Hi', parent }, signal()))).kind,
    ).toBe('auth_revoked');
    fake.mode = {};
    expect(fake.posted.length).toBe(before);

    fake.mode = { failAfterWrite: true };
    expect(
      (await failureOf(inbox().reply({ ...call, replyId: 'r3', text: 'Hi', parent }, signal()))).kind,
    ).toBe('ambiguous');
    expect(fake.posted.length).toBe(before + 1);
    fake.mode = {};
  });
});

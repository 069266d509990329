// The Threads inbox against a stand-in of the documented Threads API v1.0: the replies under one of
// our posts page by page with Meta's cursors (ours left out, nested ones with their parent and
// root), mentions cut with `since`, a reply made as a container with reply_to_id then published
// (never twice: not after a lost publish answer, not after a crash between the container and the
// publish), hiding top-level replies only, a rate limit and a token revoked in the middle of a walk.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { InboxAdapter, InboxPage, InboxReplyRequest } from '../src/inbox/types';
import { createThreadsAdapter } from '../src/threads/adapter';
import { failureOf, signal } from '../src/testing/publish-request';
import { addThreadsReply, startThreadsInbox, type ThreadsInboxFake } from '../src/testing/threads-inbox';

const now = new Date('2026-11-26T10:00:00Z');
const POST = '900001';
let fake: ThreadsInboxFake;
let inbox: InboxAdapter;
const call = () => ({ channelId: 'c1', credentials: { userId: fake.user, accessToken: fake.token } });

/** A reply's memory between attempts, as the reply ledger keeps it (`network_draft`). */
function memory(initial: unknown = null, crashAfterRemember = false) {
  const m = {
    recalled: initial,
    remembered: [] as unknown[],
    async remember(draft: unknown) {
      m.remembered.push(draft);
      m.recalled = draft;
      if (crashAfterRemember) throw new Error('worker died');
    },
  };
  return m;
}

function replyRequest(
  parent: string,
  draft = memory(),
): InboxReplyRequest & { draft: ReturnType<typeof memory> } {
  return {
    ...call(),
    replyId: 'r-1',
    text: 'Thank you!',
    parent: { externalId: parent, replyRef: {} },
    draft,
  };
}

beforeAll(async () => {
  fake = await startThreadsInbox();
  const adapter = createThreadsAdapter({
    http: { allowPrivateNetworkUrls: true },
    baseUrl: fake.net.url,
    pollIntervalMs: 5,
  });
  if (!adapter.inbox) throw new Error('Threads has an inbox');
  inbox = adapter.inbox;
});
afterAll(() => fake.net.close());
beforeEach(() => {
  fake.media = [{ id: POST, text: 'Our post', username: 'bakery', timestamp: '2026-11-25T09:00:00+0000' }];
  fake.mentions = [];
  fake.containers.clear();
  fake.published = [];
  fake.hideCalls = [];
  fake.mode = {};
  fake.pages = 0;
  fake.pageSize = 2;
});

describe('reading', () => {
  it('walks the replies under a post with the cursors, newest first, ours left out', async () => {
    for (let i = 1; i <= 4; i++)
      addThreadsReply(fake, { id: `50${i}`, parent: POST, minutesAgo: 60 - i, now });
    const nested = addThreadsReply(fake, { id: '601', parent: '502', minutesAgo: 10, now, text: 'Agreed' });
    fake.media.push({
      ...nested,
      id: '602',
      text: 'Ours',
      username: 'bakery',
      is_reply_owned_by_me: true,
      timestamp: '2026-11-26T09:55:00+0000',
    });

    const seen: string[] = [];
    let page: string | null = null;
    let positions: string[] = [];
    for (let n = 0; n < 10; n++) {
      const got: InboxPage | undefined = await inbox.listPostComments?.(
        { ...call(), postExternalId: POST, page, after: null },
        signal(),
      );
      if (!got) throw new Error('listPostComments');
      seen.push(...got.items.map((i) => i.externalId));
      positions = [...positions, ...got.items.map((i) => i.position)];
      page = got.next;
      if (!page) break;
    }
    expect(seen).toEqual(['601', '504', '503', '502', '501']);
    expect(fake.pages).toBe(3);
    const sorted = [...positions].sort((a, b) => inbox.comparePositions(b, a));
    expect(sorted).toEqual(positions);

    const first = await inbox.listPostComments?.(
      { ...call(), postExternalId: POST, page: null, after: null },
      signal(),
    );
    // Our own reply is not kept but is the newest the walk has seen.
    expect(first?.newest).toContain('|602');
    const agreed = first?.items.find((i) => i.externalId === '601');
    expect(agreed).toMatchObject({
      kind: 'reply',
      authorHandle: 'a.fan',
      text: 'Agreed',
      parentExternalId: '502',
      threadRootExternalId: POST,
      replyRef: { parent: '502', root: POST },
      link: 'https://www.threads.net/@a.fan/post/601',
      createdAt: new Date('2026-11-26T09:50:00Z'),
    });
  });

  it('lists mentions, cut at the position it stopped at before', async () => {
    fake.pageSize = 25;
    fake.media.push(
      { id: '701', text: '@bakery hello', username: 'x', timestamp: '2026-11-26T08:00:00+0000' },
      { id: '702', text: '@bakery again', username: 'y', timestamp: '2026-11-26T09:00:00+0000' },
    );
    fake.mentions = ['701', '702'];
    const all = await inbox.listPage?.({ ...call(), page: null, after: null }, signal());
    expect(all?.items.map((i) => [i.externalId, i.kind])).toEqual([
      ['702', 'mention'],
      ['701', 'mention'],
    ]);
    const newer = await inbox.listPage?.(
      { ...call(), page: null, after: all?.items[0]?.position ?? null },
      signal(),
    );
    expect(newer?.items.map((i) => i.externalId)).toEqual(['702']);
    expect(fake.net.requests.at(-1)?.query.since).toBe(String(Date.parse('2026-11-26T09:00:00Z') / 1000));
  });

  it('a rate limit says when to come back; a token revoked mid-walk reads as auth_revoked', async () => {
    for (let i = 1; i <= 4; i++) addThreadsReply(fake, { id: `50${i}`, parent: POST, minutesAgo: i, now });
    fake.mode.rateLimited = true;
    const limited = await failureOf(
      inbox.listPostComments?.({ ...call(), postExternalId: POST, page: null, after: null }, signal()) ??
        Promise.resolve(),
    );
    expect(limited).toMatchObject({ kind: 'rate_limited', retryAfterMs: 3_600_000 });

    fake.mode = { revokeAfterPages: 1 };
    fake.pages = 0;
    const first = await inbox.listPostComments?.(
      { ...call(), postExternalId: POST, page: null, after: null },
      signal(),
    );
    expect(first?.next).toBeTruthy();
    const second = await failureOf(
      inbox.listPostComments?.(
        { ...call(), postExternalId: POST, page: first?.next ?? null, after: null },
        signal(),
      ) ?? Promise.resolve(),
    );
    expect(second).toMatchObject({ kind: 'auth_revoked' });
  });
});

describe('replying', () => {
  it('makes a container with reply_to_id, remembers it, then publishes it once', async () => {
    const parent = addThreadsReply(fake, { id: '501', parent: POST, minutesAgo: 5, now });
    const request = replyRequest(parent.id);
    const sent = await inbox.reply(request, signal());
    const [container] = [...fake.containers.keys()];
    expect(fake.containers.get(container ?? '')?.fields).toMatchObject({
      media_type: 'TEXT',
      text: 'Thank you!',
      reply_to_id: '501',
    });
    expect(request.draft.remembered).toEqual([{ container }]);
    expect(fake.published).toEqual([container]);
    expect(sent).toEqual({
      externalId: fake.media.at(-1)?.id,
      externalUrl: `https://www.threads.net/@bakery/post/${fake.media.at(-1)?.id}`,
    });
  });

  it('a retry after the publish answer was lost finds the reply instead of publishing again', async () => {
    const parent = addThreadsReply(fake, { id: '501', parent: POST, minutesAgo: 5, now });
    const draft = memory();
    fake.mode.loseNextPublishAnswer = true;
    expect(await failureOf(inbox.reply(replyRequest(parent.id, draft), signal()))).toMatchObject({
      kind: 'transient',
    });
    const sent = await inbox.reply(replyRequest(parent.id, draft), signal());
    expect(fake.published).toHaveLength(1);
    expect(fake.containers.size).toBe(1);
    expect(sent.externalId).toBe(fake.media.at(-1)?.id);
  });

  it('a retry after a crash between the container and the publish publishes that container', async () => {
    const parent = addThreadsReply(fake, { id: '501', parent: POST, minutesAgo: 5, now });
    const crashing = memory(null, true);
    await expect(inbox.reply(replyRequest(parent.id, crashing), signal())).rejects.toThrow('worker died');
    expect(fake.published).toEqual([]);
    await inbox.reply(replyRequest(parent.id, memory(crashing.recalled)), signal());
    expect(fake.containers.size).toBe(1);
    expect(fake.published).toEqual([...fake.containers.keys()]);
  });

  it('an expired container is replaced; no memory at all is refused', async () => {
    const parent = addThreadsReply(fake, { id: '501', parent: POST, minutesAgo: 5, now });
    const crashing = memory(null, true);
    await expect(inbox.reply(replyRequest(parent.id, crashing), signal())).rejects.toThrow();
    for (const c of fake.containers.values()) c.expired = true;
    await inbox.reply(replyRequest(parent.id, memory(crashing.recalled)), signal());
    expect(fake.containers.size).toBe(2);
    expect(fake.published).toEqual([[...fake.containers.keys()][1]]);

    const { draft: _none, ...withoutMemory } = replyRequest(parent.id);
    expect(await failureOf(inbox.reply(withoutMemory, signal()))).toMatchObject({ kind: 'permanent' });
  });

  it('has no like: the Threads API offers none', () => {
    expect(inbox.like).toBeUndefined();
  });
});

describe('hiding', () => {
  it('hides and shows a reply directly under the post, refuses a nested one without calling', async () => {
    const top = addThreadsReply(fake, { id: '501', parent: POST, minutesAgo: 5, now });
    const target = { externalId: top.id, replyRef: { parent: POST, root: POST } };
    await inbox.hide?.({ ...call(), target, hidden: true }, signal());
    await inbox.hide?.({ ...call(), target, hidden: false }, signal());
    expect(fake.hideCalls).toEqual([
      { id: '501', hide: 'true' },
      { id: '501', hide: 'false' },
    ]);
    const nested = { externalId: '601', replyRef: { parent: '501', root: POST } };
    expect(
      await failureOf(
        inbox.hide?.({ ...call(), target: nested, hidden: true }, signal()) ?? Promise.resolve(),
      ),
    ).toMatchObject({
      kind: 'permanent',
    });
    expect(fake.hideCalls).toHaveLength(2);
  });

  it('a revoked token reads as auth_revoked', async () => {
    fake.mode.revoked = true;
    const target = { externalId: '501', replyRef: {} };
    expect(
      await failureOf(inbox.hide?.({ ...call(), target, hidden: true }, signal()) ?? Promise.resolve()),
    ).toMatchObject({
      kind: 'auth_revoked',
    });
  });
});

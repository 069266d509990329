// Issue 10, finding 21: a post's history says who did what, to which target, as structured data a
// screen can word: the actor's kind (person, token, publisher) and name, an event code with its
// parameters, and for publishing one step per target (sending, published, failed with the reason).
import { createSandboxAdapter, NetworkError, type NetworkAdapter } from '@cadence/networks';
import { createPublisher } from '@cadence/publisher/publisher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from './helpers';
import { act, buildWorld, createPost, getPost, type PostsWorld, postsUrl, setPolicy } from './posts-fixtures';

let t: TestApp;
let w: PostsWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  await setPolicy(w, { requiredApprovals: 1 });
});
afterAll(() => t.close());

interface Entry {
  id: string;
  event: string;
  params: Record<string, unknown>;
  actor: { kind: string; userId: string | null; tokenId: string | null; name: string | null };
  target: { channelId: string; channelName: string; network: string } | null;
  fromStatus: string | null;
  toStatus: string | null;
  createdAt: string;
}

async function historyOf(postId: string, limit = 200): Promise<Entry[]> {
  const all: Entry[] = [];
  let cursor: string | null = null;
  do {
    const res = await call(t, w.viewer, {
      method: 'GET',
      url: postsUrl(w.ws, `/${postId}/history?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`),
    });
    expect(res.statusCode, res.body).toBe(200);
    all.push(...res.json().items);
    cursor = res.json().nextCursor;
  } while (cursor);
  return all;
}

/** The sandbox, except that channel Two refuses every post for good. */
function adapters(): Record<string, NetworkAdapter> {
  const sandbox = createSandboxAdapter({ db: t.ctx.database.db });
  return {
    sandbox: {
      ...sandbox,
      publish: async (request, signal) => {
        if (request.channelId === w.channels[1])
          throw new NetworkError('permanent', 'HTTP 403: account suspended');
        return sandbox.publish(request, signal);
      },
    },
  };
}

async function publishDue() {
  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  const publisher = createPublisher({
    db: t.ctx.database.db,
    adapters: adapters(),
    keyRing: t.ctx.keyRing,
    settings: t.ctx.config.publisher,
    logger: quiet,
  });
  await publisher.tick();
  await publisher.idle();
  await publisher.stop();
}

describe('a post history a person can read', () => {
  it('names who did each step, and an edit is an edit of named fields, not a status change', async () => {
    const post = await createPost(w, w.editor);
    expect((await act(w, w.editor, post.id, 'submit')).statusCode).toBe(200);
    expect((await act(w, w.manager, post.id, 'request-changes', { comment: 'Shorter' })).statusCode).toBe(
      200,
    );
    const now = await getPost(w, post.id);
    const edit = await call(t, w.token, {
      method: 'PATCH',
      url: postsUrl(w.ws, `/${post.id}`),
      payload: { version: now.version, text: 'Shorter text' },
    });
    expect(edit.statusCode, edit.body).toBe(200);

    const history = await historyOf(post.id);
    expect(history.map((e) => e.event)).toEqual(['created', 'submitted', 'changes_requested', 'edited']);
    const [created, , asked, edited] = history;
    expect(created?.actor).toMatchObject({ kind: 'person', userId: w.editor.userId, name: 'editor person' });
    expect(asked?.actor).toMatchObject({ kind: 'person', name: 'manager person' });
    // The edit was made with an API token: the entry says so, and names the token.
    expect(edited?.actor).toMatchObject({
      kind: 'token',
      tokenId: expect.any(String),
      name: 'editor client',
    });
    expect(edited?.params.fields).toEqual(['text']);
    expect(edited?.target).toBeNull();
  });

  it('records publishing per target: sending, then published or failed with the reason', async () => {
    const post = await createPost(w, w.editor, {
      targets: [{ channelId: w.channels[0] }, { channelId: w.channels[1] }],
    });
    expect((await act(w, w.editor, post.id, 'submit')).statusCode).toBe(200);
    const inReview = await getPost(w, post.id);
    expect(
      (await act(w, w.manager, post.id, 'approve', { contentRevision: inReview.contentRevision })).statusCode,
    ).toBe(200);
    expect((await act(w, w.manager, post.id, 'schedule', { publishNow: true })).statusCode).toBe(200);
    await publishDue();

    const history = await historyOf(post.id);
    const steps = history.filter((e) => e.target !== null);
    const on = (channelId: string | undefined) => steps.filter((s) => s.target?.channelId === channelId);
    expect(on(w.channels[0]).map((s) => s.event)).toEqual(['target.sending', 'target.published']);
    expect(on(w.channels[1]).map((s) => s.event)).toEqual(['target.sending', 'target.failed']);
    const failed = on(w.channels[1])[1];
    expect(failed?.params.reason).toBe('HTTP 403: account suspended');
    expect(failed?.target).toMatchObject({ channelName: 'Two', network: 'sandbox' });
    for (const s of steps)
      expect(s.actor).toEqual({ kind: 'publisher', userId: null, tokenId: null, name: null });
    // The post-level change is the publisher's too, and says where the post ended.
    const finished = history.filter((e) => e.event === 'publishing.status_changed').at(-1);
    expect(finished?.actor.kind).toBe('publisher');
    expect(finished?.toStatus).toBe('partially_published');
    // The post's new status comes after the outcomes that made it so.
    const events = history.map((e) => e.event);
    expect(events.lastIndexOf('publishing.status_changed')).toBeGreaterThan(
      events.lastIndexOf('target.failed'),
    );
    expect(events.lastIndexOf('publishing.status_changed')).toBeGreaterThan(
      events.lastIndexOf('target.published'),
    );
    // Otherwise oldest first.
    const times = history
      .filter((e) => e.event !== 'publishing.status_changed')
      .map((e) => Date.parse(e.createdAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('pages through workflow events and target steps without losing or repeating one', async () => {
    const post = await createPost(w, w.editor, {
      targets: [{ channelId: w.channels[0] }, { channelId: w.channels[1] }],
    });
    expect((await act(w, w.editor, post.id, 'submit')).statusCode).toBe(200);
    const inReview = await getPost(w, post.id);
    await act(w, w.manager, post.id, 'approve', { contentRevision: inReview.contentRevision });
    await act(w, w.manager, post.id, 'schedule', { publishNow: true });
    await publishDue();
    const whole = await historyOf(post.id, 200);
    const paged = await historyOf(post.id, 2);
    expect(paged.map((e) => e.id)).toEqual(whole.map((e) => e.id));
    expect(new Set(whole.map((e) => e.id)).size).toBe(whole.length);
  });
});

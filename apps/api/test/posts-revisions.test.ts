// Every content revision of a post is kept, so the review screen diffs against what a reviewer
// decided on, from any device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from './helpers';
import {
  approveWith,
  buildWorld,
  createChannel,
  createPost,
  type PostsWorld,
  postsUrl,
} from './posts-fixtures';
import { createWorkspace } from './support/fixtures';

let t: TestApp;
let w: PostsWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(async () => t.close());

const image = { url: 'https://cdn.example.com/a.png', alt: 'A chart', kind: 'image' };
const revisionUrl = (ws: string, postId: string, n: number | string) =>
  postsUrl(ws, `/${postId}/revisions/${n}`);
const readRevision = (postId: string, n: number | string, ws = w.ws) =>
  call(t, w.viewer, { method: 'GET', url: revisionUrl(ws, postId, n) });

describe('post revisions', () => {
  it('keeps the created content as revision 1, with the targets and their overrides', async () => {
    const post = await createPost(w, w.editor, {
      text: 'Launch day',
      media: [image],
      firstComment: 'More soon',
      targets: [
        { channelId: w.channels[0], text: 'Launch day on One', media: [] },
        { channelId: w.channels[1] },
      ],
    });
    const res = await readRevision(post.id, 1);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      postId: post.id,
      contentRevision: 1,
      text: 'Launch day',
      link: null,
      firstComment: 'More soon',
      media: [image],
      createdBy: { userId: w.editor.userId, tokenId: null },
    });
    expect(res.json().targets).toEqual([
      {
        channelId: w.channels[0],
        network: 'sandbox',
        text: 'Launch day on One',
        media: [],
        firstComment: null,
      },
      { channelId: w.channels[1], network: 'sandbox', text: null, media: null, firstComment: null },
    ]);
    expect((await readRevision(post.id, 2)).statusCode).toBe(404);
  });

  it('adds a revision when an edit changes the content, and the old one stays readable', async () => {
    const post = await createPost(w, w.editor, { text: 'First words' });
    const approved = await approveWith(w, post.id, [w.manager]);
    const edited = await call(t, w.editor, {
      method: 'PATCH',
      url: postsUrl(w.ws, `/${post.id}`),
      payload: {
        version: approved.version,
        text: 'Second words',
        targets: [{ channelId: w.channels[0], media: [image] }],
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().contentRevision).toBe(2);

    expect((await readRevision(post.id, 1)).json()).toMatchObject({ text: 'First words', media: [] });
    const second = (await readRevision(post.id, 2)).json();
    expect(second).toMatchObject({ contentRevision: 2, text: 'Second words' });
    expect(second.targets).toEqual([
      { channelId: w.channels[0], network: 'sandbox', text: null, media: [image], firstComment: null },
    ]);
  });

  it('adds no revision for an edit that leaves the content alone', async () => {
    const post = await createPost(w, w.editor);
    const relabelled = await call(t, w.editor, {
      method: 'PATCH',
      url: postsUrl(w.ws, `/${post.id}`),
      payload: { version: post.version, labels: ['launch'] },
    });
    expect(relabelled.json().contentRevision).toBe(1);
    expect((await readRevision(post.id, 2)).statusCode).toBe(404);
  });

  it('records who made a revision through an API token: the token and the person who created it', async () => {
    const post = await createPost(w, w.token);
    expect(post.author.tokenId).toEqual(expect.any(String));
    const res = await readRevision(post.id, 1);
    expect(res.json().createdBy).toEqual({ userId: w.owner.userId, tokenId: post.author.tokenId });
  });

  it('answers 404 for another workspace’s post and refuses a malformed revision', async () => {
    const otherWs = (await createWorkspace(t, w.owner, { timezone: 'America/New_York' })).id;
    const otherChannel = await createChannel(t, w.owner, otherWs, 'Elsewhere');
    const other = await call(t, w.owner, {
      method: 'POST',
      url: postsUrl(otherWs),
      payload: { text: 'Other workspace', targets: [{ channelId: otherChannel }] },
    });
    const otherPost = other.json().id as string;
    // The owner belongs to both, but the post is addressed through the wrong workspace.
    const crossed = await call(t, w.owner, { method: 'GET', url: revisionUrl(w.ws, otherPost, 1) });
    expect(crossed.statusCode).toBe(404);
    // The viewer of the first workspace is no member of the other one.
    expect((await readRevision(otherPost, 1, otherWs)).statusCode).toBe(404);
    const own = await call(t, w.owner, { method: 'GET', url: revisionUrl(otherWs, otherPost, 1) });
    expect(own.statusCode, own.body).toBe(200);
    expect((await readRevision(otherPost, 0)).statusCode).toBe(400);
  });
});

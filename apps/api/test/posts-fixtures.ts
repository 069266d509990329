// Shared set-up for the posts integration tests: a workspace with a member of every role, an
// API token, channels, and small helpers around the post endpoints.
import { expect } from 'vitest';
import { addMember, type Caller, call, createToken, setupOwner, type TestApp } from './helpers';
import { createSandboxChannel } from './support/fixtures';

export interface PostsWorld {
  t: TestApp;
  ws: string;
  owner: Caller;
  manager: Caller;
  manager2: Caller;
  editor: Caller;
  viewer: Caller;
  token: Caller & { tokenId: string };
  channels: string[];
}

/** A sandbox channel's id. */
export async function createChannel(t: TestApp, by: Caller, ws: string, name = 'Sandbox') {
  return (await createSandboxChannel(t, by, ws, { displayName: name, handle: `@${name.toLowerCase()}` })).id;
}

export async function buildWorld(
  t: TestApp,
  options: { email?: string; timezone?: string } = {},
): Promise<PostsWorld> {
  const { owner, workspaceId: ws } = await setupOwner(t, options);
  const [manager, manager2, editor, viewer] = await Promise.all([
    addMember(t, owner, ws, 'manager'),
    addMember(t, owner, ws, 'manager'),
    addMember(t, owner, ws, 'editor'),
    addMember(t, owner, ws, 'viewer'),
  ]);
  const token = await createToken(t, owner, ws, 'editor');
  const channels = [await createChannel(t, owner, ws, 'One'), await createChannel(t, owner, ws, 'Two')];
  return { t, ws, owner, manager, manager2, editor, viewer, token, channels };
}

export const postsUrl = (ws: string, rest = '') => `/api/v1/workspaces/${ws}/posts${rest}`;

export async function setPolicy(
  w: PostsWorld,
  policy: {
    approvalScope?: 'nobody' | 'editors_and_tokens' | 'all_but_owners' | 'everyone';
    requiredApprovals?: number;
  },
) {
  const res = await call(w.t, w.owner, {
    method: 'PATCH',
    url: `/api/v1/workspaces/${w.ws}`,
    payload: policy,
  });
  expect(res.statusCode, res.body).toBe(200);
}

export async function saveCharter(w: PostsWorld, rules: Record<string, unknown>) {
  const current = (
    await call(w.t, w.owner, { method: 'GET', url: `/api/v1/workspaces/${w.ws}/charter` })
  ).json();
  const res = await call(w.t, w.owner, {
    method: 'PUT',
    url: `/api/v1/workspaces/${w.ws}/charter`,
    payload: { rules: { rules }, baseVersion: current.version },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; version: number };
}

export async function createPost(w: PostsWorld, by: Caller, body: Record<string, unknown> = {}) {
  const res = await call(w.t, by, {
    method: 'POST',
    url: postsUrl(w.ws),
    payload: { text: 'Hello from Cadence', targets: [{ channelId: w.channels[0] }], ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export function act(
  w: PostsWorld,
  by: Caller,
  postId: string,
  action: string,
  payload: Record<string, unknown> = {},
) {
  return call(w.t, by, { method: 'POST', url: postsUrl(w.ws, `/${postId}/${action}`), payload });
}

export async function getPost(w: PostsWorld, postId: string) {
  const res = await call(w.t, w.viewer, { method: 'GET', url: postsUrl(w.ws, `/${postId}`) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Submits and approves with the given managers; returns the post as it then is. */
export async function approveWith(w: PostsWorld, postId: string, approvers: Caller[]) {
  expect((await act(w, w.editor, postId, 'submit')).statusCode).toBe(200);
  let post = await getPost(w, postId);
  for (const m of approvers) {
    const res = await act(w, m, postId, 'approve', { contentRevision: post.contentRevision });
    expect(res.statusCode, res.body).toBe(200);
    post = res.json();
  }
  return post;
}

/** A local time this many days ahead, at 10:00, as "YYYY-MM-DDT10:00". */
export function daysAhead(days: number, time = '10:00'): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${time}`;
}

// Fixtures for the queue, calendar, ICS and DST tests: channels made through the API, posts and
// targets written straight to the database (each test states the exact status and instant it needs).
import { posts, postTargets } from '@cadence/db';
import { type Caller, call, type TestApp } from './helpers';
import { createSandboxChannel } from './support/fixtures';

type PostStatus = typeof posts.$inferInsert.status;
type TargetStatus = typeof postTargets.$inferInsert.status;

/** A sandbox channel's id. */
export async function createChannel(t: TestApp, owner: Caller, workspaceId: string, displayName: string) {
  const handle = displayName.toLowerCase().replace(/\W+/g, '-');
  return (await createSandboxChannel(t, owner, workspaceId, { displayName, handle })).id;
}

export interface SeedPost {
  workspaceId: string;
  channelIds: string[];
  text: string;
  at: Date | null;
  status?: PostStatus;
  targetStatus?: TargetStatus;
  campaignId?: string | null;
  pillarId?: string | null;
  authorUserId?: string | null;
  /** Per-channel text overrides. */
  overrides?: Record<string, string>;
  /** The time is only proposed: kept on the post, its targets have none (a dated draft). */
  proposedOnly?: boolean;
}

export async function seedPost(t: TestApp, p: SeedPost) {
  const { db } = t.ctx.database;
  const [post] = await db
    .insert(posts)
    .values({
      workspaceId: p.workspaceId,
      text: p.text,
      status: p.status ?? 'scheduled',
      scheduledAt: p.at,
      campaignId: p.campaignId ?? null,
      pillarId: p.pillarId ?? null,
      authorUserId: p.authorUserId ?? null,
    })
    .returning();
  if (!post) throw new Error('no post');
  const targets = await db
    .insert(postTargets)
    .values(
      p.channelIds.map((channelId) => ({
        postId: post.id,
        workspaceId: p.workspaceId,
        channelId,
        network: 'sandbox' as const,
        status: p.targetStatus ?? (p.at && !p.proposedOnly ? 'scheduled' : 'pending'),
        scheduledAt: p.proposedOnly ? null : p.at,
        textOverride: p.overrides?.[channelId] ?? null,
      })),
    )
    .returning();
  return { post, targets };
}

export async function replaceSlots(
  t: TestApp,
  caller: Caller,
  workspaceId: string,
  channelId: string,
  slots: { weekday: number; localTime: string }[],
) {
  return call(t, caller, {
    method: 'PUT',
    url: `/api/v1/workspaces/${workspaceId}/channels/${channelId}/queue-slots`,
    payload: { slots },
  });
}

export const everyDay = (...times: string[]) =>
  [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => times.map((localTime) => ({ weekday, localTime })));

/** A post written by `author`, submitted, and approved by `approver`, through the posts API. */
export async function approvedPost(
  t: TestApp,
  author: Caller,
  approver: Caller,
  workspaceId: string,
  channelIds: string[],
  text: string,
) {
  const base = `/api/v1/workspaces/${workspaceId}/posts`;
  const created = await call(t, author, {
    method: 'POST',
    url: base,
    payload: { text, targets: channelIds.map((channelId) => ({ channelId })) },
  });
  if (created.statusCode !== 201) throw new Error(`create failed: ${created.statusCode} ${created.body}`);
  const post = created.json();
  const submitted = await call(t, author, { method: 'POST', url: `${base}/${post.id}/submit`, payload: {} });
  if (submitted.statusCode !== 200)
    throw new Error(`submit failed: ${submitted.statusCode} ${submitted.body}`);
  const approved = await call(t, approver, {
    method: 'POST',
    url: `${base}/${post.id}/approve`,
    payload: { contentRevision: post.contentRevision },
  });
  if (approved.statusCode !== 200) throw new Error(`approve failed: ${approved.statusCode} ${approved.body}`);
  return approved.json() as { id: string; version: number; status: string };
}

export const addToQueue = (
  t: TestApp,
  caller: Caller,
  workspaceId: string,
  postId: string,
  payload: object = {},
) =>
  call(t, caller, {
    method: 'POST',
    url: `/api/v1/workspaces/${workspaceId}/posts/${postId}/queue`,
    payload,
  });

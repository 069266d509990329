// Synced conversations leave with their channel (issue 16, item 5; decision 0271): the count the
// confirmation shows, removal in the same commit when few (disconnect by PATCH or by
// /disconnect, or removing the channel), and when many a purge job of the shared runner that
// deletes them in chunks (the sync waits for it) and, for a removal, the channel at the end.
// Another workspace's channel answers 404 and its items are never touched.
import { randomUUID } from 'node:crypto';
import {
  channels,
  inboxItems,
  inboxNotes,
  inboxPostSyncStates,
  inboxReplies,
  inboxSyncStates,
  jobs,
} from '@cadence/db';
import { inboxPurgePending, INLINE_REMOVAL_MAX } from '@cadence/domain/inbox/channel-inbox-removal';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeChannelInbox } from '../../publisher/src/inbox/purge-channel';
import { call, createTestApp, type TestApp } from './helpers';
import { buildWorld, createChannel, type PostsWorld } from './posts-fixtures';

let t: TestApp;
let w: PostsWorld;
let theirs: { ws: string; channelId: string };
const signal = new AbortController().signal;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  const created = await call(t, w.owner, {
    method: 'POST',
    url: '/api/v1/workspaces',
    payload: { name: 'Elsewhere', timezone: 'UTC' },
  });
  const ws = created.json().id as string;
  theirs = { ws, channelId: await createChannel(t, w.owner, ws, 'Theirs') };
  await seed(theirs.ws, theirs.channelId, 3);
});
afterAll(async () => t.close());

const db = () => t.ctx.database.db;

/** n items in one statement, one with a note and a reply. */
async function seed(workspaceId: string, channelId: string, n: number) {
  await db().execute(sql`
    insert into inbox_items (workspace_id, channel_id, network, external_id, kind, author_handle, text,
      created_at, thread_root_external_id)
    select ${workspaceId}, ${channelId}, 'sandbox', ${channelId} || ':' || g, 'mention', 'fan' || g,
      'Hello ' || g, now() - make_interval(mins => g), 'root-' || g
    from generate_series(1, ${n}) g`);
  const [first] = await db().select().from(inboxItems).where(eq(inboxItems.channelId, channelId)).limit(1);
  if (!first) throw new Error('not seeded');
  await db().insert(inboxNotes).values({ itemId: first.id, workspaceId, body: 'Seen' });
  await db().insert(inboxReplies).values({ workspaceId, itemId: first.id, channelId, text: 'Thanks' });
  await db()
    .insert(inboxSyncStates)
    .values({ channelId, workspaceId, nextSyncAt: new Date(), cursor: { newest: 'x' } })
    .onConflictDoNothing();
  // Where the walk of one of our posts' comments stands (networks read post by post).
  await db().execute(sql`
    with p as (insert into posts (workspace_id, text) values (${workspaceId}, 'Ours') returning id),
    pt as (insert into post_targets (post_id, workspace_id, channel_id, network, status, external_id)
      select id, ${workspaceId}, ${channelId}, 'sandbox', 'published', 'ours-' || id from p returning id)
    insert into inbox_post_sync_states (post_target_id, channel_id, cursor)
    select id, ${channelId}, '{"top":"x"}'::jsonb from pt`);
}

const countOf = async (channelId: string) => {
  const res = await call(t, w.viewer, {
    method: 'GET',
    url: `/api/v1/workspaces/${w.ws}/inbox/channels/${channelId}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as number;
};
const stored = async (channelId: string) => ({
  items: (
    await db().select({ id: inboxItems.id }).from(inboxItems).where(eq(inboxItems.channelId, channelId))
  ).length,
  replies: (await db().select().from(inboxReplies).where(eq(inboxReplies.channelId, channelId))).length,
  notes: (
    await db()
      .select({ id: inboxNotes.id })
      .from(inboxNotes)
      .innerJoin(inboxItems, eq(inboxItems.id, inboxNotes.itemId))
      .where(eq(inboxItems.channelId, channelId))
  ).length,
  syncState:
    (await db().select().from(inboxSyncStates).where(eq(inboxSyncStates.channelId, channelId))).length +
    (await db().select().from(inboxPostSyncStates).where(eq(inboxPostSyncStates.channelId, channelId)))
      .length,
});
const purgeJob = (channelId: string) =>
  db()
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, 'inbox.purge-channel'), eq(jobs.key, channelId)));
const theirsUntouched = async () => expect((await stored(theirs.channelId)).items).toBe(3);

describe('removing a channel’s conversations', () => {
  it('counts what a disconnect would remove; another workspace’s channel is a 404', async () => {
    const channelId = await createChannel(t, w.owner, w.ws, 'Counted');
    expect(await countOf(channelId)).toBe(0);
    await seed(w.ws, channelId, 4);
    expect(await countOf(channelId)).toBe(4);
    // Why the inbox cannot be read (decision 0299) comes with the count, as a code.
    const summary = async () =>
      (
        await call(t, w.viewer, {
          method: 'GET',
          url: `/api/v1/workspaces/${w.ws}/inbox/channels/${channelId}`,
        })
      ).json();
    expect(await summary()).toEqual({ channelId, items: 4, unavailable: null });
    await db()
      .update(inboxSyncStates)
      .set({ unavailableReason: 'x_paid_tier' })
      .where(eq(inboxSyncStates.channelId, channelId));
    expect((await summary()).unavailable).toBe('x_paid_tier');
    const foreign = await call(t, w.owner, {
      method: 'GET',
      url: `/api/v1/workspaces/${w.ws}/inbox/channels/${theirs.channelId}`,
    });
    expect(foreign.statusCode).toBe(404);
    const missing = await call(t, w.owner, {
      method: 'GET',
      url: `/api/v1/workspaces/${w.ws}/inbox/channels/${randomUUID()}`,
    });
    expect(missing.statusCode).toBe(404);
    expect({ ...missing.json().error, requestId: null }).toEqual({
      ...foreign.json().error,
      requestId: null,
    });
  });

  it('a disconnect (PATCH) removes a few items, their notes, replies and sync position in the same commit', async () => {
    const channelId = await createChannel(t, w.owner, w.ws, 'Few');
    await seed(w.ws, channelId, 5);
    expect(await stored(channelId)).toEqual({ items: 5, replies: 1, notes: 1, syncState: 2 });
    const res = await call(t, w.manager, {
      method: 'PATCH',
      url: `/api/v1/workspaces/${w.ws}/channels/${channelId}`,
      payload: { status: 'disconnected' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await stored(channelId)).toEqual({ items: 0, replies: 0, notes: 0, syncState: 0 });
    expect(await purgeJob(channelId)).toEqual([]);
    await theirsUntouched();
  });

  it('a disconnect of a large inbox queues a chunked purge; the sync waits for it', async () => {
    const channelId = await createChannel(t, w.owner, w.ws, 'Many');
    const n = INLINE_REMOVAL_MAX + 500;
    await seed(w.ws, channelId, n);
    const res = await call(t, w.manager, {
      method: 'POST',
      url: `/api/v1/workspaces/${w.ws}/channels/${channelId}/disconnect`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      channel: { status: 'disconnected' },
      inbox: { items: n, removal: 'queued' },
    });
    // Nothing deleted in the request's commit but the sync position; a purge job per channel.
    expect(await stored(channelId)).toMatchObject({ items: n, syncState: 0 });
    const [job] = await purgeJob(channelId);
    expect(job).toMatchObject({
      status: 'queued',
      payload: { channelId, workspaceId: w.ws, deleteChannel: false },
    });
    expect(await inboxPurgePending(db(), channelId)).toBe(true);

    // The job removes everything, chunk by chunk, and keeps the channel (disconnected).
    expect(await purgeChannelInbox(db(), job?.payload as never, signal)).toBe(n);
    expect(await stored(channelId)).toEqual({ items: 0, replies: 0, notes: 0, syncState: 0 });
    const [channel] = await db().select().from(channels).where(eq(channels.id, channelId));
    expect(channel?.status).toBe('disconnected');
    await db()
      .update(jobs)
      .set({ status: 'done' })
      .where(eq(jobs.id, job?.id as string));
    expect(await inboxPurgePending(db(), channelId)).toBe(false);
    await theirsUntouched();
  });

  it('removing a channel: 204 with few items; 202 with many, the channel disconnected, then gone', async () => {
    const few = await createChannel(t, w.owner, w.ws, 'Few again');
    await seed(w.ws, few, 2);
    const small = await call(t, w.manager, {
      method: 'DELETE',
      url: `/api/v1/workspaces/${w.ws}/channels/${few}`,
    });
    expect(small.statusCode, small.body).toBe(204);
    expect(await stored(few)).toEqual({ items: 0, replies: 0, notes: 0, syncState: 0 });

    const many = await createChannel(t, w.owner, w.ws, 'Many again');
    const n = INLINE_REMOVAL_MAX + 1;
    await seed(w.ws, many, n);
    const large = await call(t, w.manager, {
      method: 'DELETE',
      url: `/api/v1/workspaces/${w.ws}/channels/${many}`,
    });
    expect(large.statusCode, large.body).toBe(202);
    expect(large.json()).toEqual({ items: n, removal: 'queued' });
    const [channel] = await db().select().from(channels).where(eq(channels.id, many));
    expect(channel).toMatchObject({ status: 'disconnected', credentialsSealed: null });
    const [job] = await purgeJob(many);
    expect(job?.payload).toMatchObject({ deleteChannel: true });
    expect(await purgeChannelInbox(db(), job?.payload as never, signal)).toBe(n);
    expect(await db().select().from(channels).where(eq(channels.id, many))).toEqual([]);

    // Reconnected while its removal was under way: the purge clears the old items, the channel stays.
    const changedMind = await createChannel(t, w.owner, w.ws, 'Changed mind');
    await seed(w.ws, changedMind, n);
    const removing = await call(t, w.manager, {
      method: 'DELETE',
      url: `/api/v1/workspaces/${w.ws}/channels/${changedMind}`,
    });
    expect(removing.statusCode, removing.body).toBe(202);
    const back = await call(t, w.manager, {
      method: 'PATCH',
      url: `/api/v1/workspaces/${w.ws}/channels/${changedMind}`,
      payload: { status: 'connected' },
    });
    expect(back.statusCode, back.body).toBe(200);
    const [purge] = await purgeJob(changedMind);
    expect(await purgeChannelInbox(db(), purge?.payload as never, signal)).toBe(n);
    const [kept] = await db().select().from(channels).where(eq(channels.id, changedMind));
    expect(kept).toMatchObject({ status: 'connected' });

    // Another workspace's channel: 404, nothing removed.
    const foreign = await call(t, w.manager, {
      method: 'DELETE',
      url: `/api/v1/workspaces/${w.ws}/channels/${theirs.channelId}`,
    });
    expect(foreign.statusCode).toBe(404);
    await theirsUntouched();
  });
});

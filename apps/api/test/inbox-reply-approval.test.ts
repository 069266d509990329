// Reply approval (issue 16): with the workspace setting on, an editor's reply waits for a manager
// (no job, nothing sent); a manager approves it (charter checked again, then through the reply
// ledger: sent once even when approved twice at once) or sends it back with a comment (never
// sent); the author is told either way; nobody reviews their own reply; other workspaces get 404.
import { randomUUID } from 'node:crypto';
import { channels, inboxItems, inboxReplies, jobs, notificationEvents } from '@cadence/db';
import { sealedIn, sealJson } from '@cadence/domain/security/secret-box';
import { createMastodonAdapter } from '@cadence/networks/mastodon/adapter';
import { type MastodonInboxFake, startMastodonInbox } from '@cadence/networks/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendInboxReply } from '../../publisher/src/inbox/send-reply';
import { addMember, type Caller, call, createTestApp, type TestApp } from './helpers';
import { buildWorld, type PostsWorld, saveCharter } from './posts-fixtures';

let t: TestApp;
let w: PostsWorld;
let other: { ws: string; manager: Caller };
let fake: MastodonInboxFake;
let itemId: string;
const signal = new AbortController().signal;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  const created = await call(t, w.owner, {
    method: 'POST',
    url: '/api/v1/workspaces',
    payload: { name: 'Elsewhere', timezone: 'UTC' },
  });
  const otherWs = created.json().id as string;
  other = { ws: otherWs, manager: await addMember(t, w.owner, otherWs, 'manager') };
  fake = await startMastodonInbox();
  const channelId = randomUUID();
  await t.ctx.database.db.insert(channels).values({
    id: channelId,
    workspaceId: w.ws,
    network: 'mastodon',
    displayName: 'Our Mastodon',
    handle: '@brand@mastodon.example',
    credentialsSealed: sealJson(
      t.ctx.keyRing,
      { instanceUrl: 'https://mastodon.example', accessToken: fake.token },
      sealedIn.channelCredentials(channelId),
    ),
  });
  const [item] = await t.ctx.database.db
    .insert(inboxItems)
    .values({
      workspaceId: w.ws,
      channelId,
      network: 'mastodon',
      externalId: '2001',
      kind: 'reply',
      authorHandle: 'fan@example.social',
      text: 'Is it open on Sunday?',
      createdAt: new Date(),
      threadRootExternalId: '600',
    })
    .returning();
  itemId = item?.id as string;
});
afterAll(async () => {
  await fake.net.close();
  await t.close();
});

const deps = () => ({
  db: t.ctx.database.db,
  adapters: {
    mastodon: createMastodonAdapter({ http: { allowPrivateNetworkUrls: true }, baseUrl: fake.net.url }),
  },
  keyRing: t.ctx.keyRing,
  clock: () => new Date(),
});
const base = (ws = w.ws) => `/api/v1/workspaces/${ws}/inbox`;
const reply = (by: Caller, text: string) =>
  call(t, by, { method: 'POST', url: `${base()}/items/${itemId}/replies`, payload: { text } });
const approve = (by: Caller, replyId: string, ws = w.ws) =>
  call(t, by, { method: 'POST', url: `${base(ws)}/replies/${replyId}/approve` });
const sendBack = (by: Caller, replyId: string, comment: string, ws = w.ws) =>
  call(t, by, { method: 'POST', url: `${base(ws)}/replies/${replyId}/return`, payload: { comment } });
const jobsOf = (replyId: string) => t.ctx.database.db.select().from(jobs).where(eq(jobs.key, replyId));
const eventsFor = (kind: 'inbox_reply_submitted' | 'inbox_reply_approved' | 'inbox_reply_returned') =>
  t.ctx.database.db.select().from(notificationEvents).where(eq(notificationEvents.kind, kind));

describe('reply approval', () => {
  it('is a workspace setting that managers turn on (editors cannot)', async () => {
    const url = `/api/v1/workspaces/${w.ws}`;
    expect(
      (await call(t, w.editor, { method: 'PATCH', url, payload: { replyApproval: true } })).statusCode,
    ).toBe(403);
    const on = await call(t, w.manager, { method: 'PATCH', url, payload: { replyApproval: true } });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json().replyApproval).toBe(true);
    const bad = await call(t, w.manager, { method: 'PATCH', url, payload: { replyApproval: 'yes' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('body.replyApproval');
  });

  it('holds an editor’s reply for a manager, who approves it: sent once, author told', async () => {
    const res = await reply(w.editor, 'Yes, from 10 to 18!');
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().status).toBe('pending_approval');
    const replyId = res.json().id as string;
    expect(await jobsOf(replyId)).toHaveLength(0);
    // A job for it (forged, or left from elsewhere) finds nothing to send: the ledger skips it.
    expect(await sendInboxReply(deps(), replyId, 1, signal)).toBe('skipped');
    expect(fake.posted).toHaveLength(0);
    const submitted = await eventsFor('inbox_reply_submitted');
    expect(submitted.map((e) => e.params)).toEqual([expect.objectContaining({ replyId, itemId })]);

    // Managers see it waiting; editors and viewers do not reach the list.
    const pending = await call(t, w.manager, { method: 'GET', url: `${base()}/pending-replies` });
    expect(pending.statusCode, pending.body).toBe(200);
    expect(pending.json().items).toMatchObject([
      { id: replyId, item: { id: itemId, authorHandle: 'fan@example.social' } },
    ]);
    expect((await call(t, w.editor, { method: 'GET', url: `${base()}/pending-replies` })).statusCode).toBe(
      403,
    );
    expect((await approve(w.editor, replyId)).statusCode).toBe(403);
    // Another workspace's manager: 404, as for a missing reply.
    expect((await approve(other.manager, replyId, other.ws)).statusCode).toBe(404);
    expect((await approve(w.manager, randomUUID())).statusCode).toBe(404);

    // Two managers approve at once: one wins, the other is told it was already reviewed.
    const both = await Promise.all([approve(w.manager, replyId), approve(w.manager2, replyId)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await jobsOf(replyId)).toHaveLength(1);
    expect(await sendInboxReply(deps(), replyId, 1, signal)).toBe('sent');
    expect(await sendInboxReply(deps(), replyId, 2, signal)).toBe('skipped');
    expect(fake.posted.filter((p) => p.key === replyId)).toHaveLength(1);
    const [row] = await t.ctx.database.db.select().from(inboxReplies).where(eq(inboxReplies.id, replyId));
    expect(row).toMatchObject({ status: 'sent' });
    expect([w.manager.userId, w.manager2.userId]).toContain(row?.reviewedByUserId);
    const approved = await eventsFor('inbox_reply_approved');
    expect(approved).toHaveLength(1);
    expect(approved[0]?.subjectUserId).toBe(w.editor.userId);
  });

  it('sends a reply back with a comment: never sent, the author sees why', async () => {
    const res = await reply(w.editor, 'Sunday? No idea');
    const replyId = res.json().id as string;
    const empty = await sendBack(w.manager, replyId, '  ');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].field).toBe('body.comment');
    const back = await sendBack(w.manager, replyId, 'Please give the Sunday hours');
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ status: 'returned', reviewComment: 'Please give the Sunday hours' });
    expect((await approve(w.manager2, replyId)).statusCode).toBe(409);
    expect(await jobsOf(replyId)).toHaveLength(0);
    expect(await sendInboxReply(deps(), replyId, 1, signal)).toBe('skipped');
    const returned = await t.ctx.database.db
      .select()
      .from(notificationEvents)
      .where(
        and(
          eq(notificationEvents.kind, 'inbox_reply_returned'),
          eq(notificationEvents.subjectUserId, w.editor.userId as string),
        ),
      );
    expect(returned).toHaveLength(1);
    const view = await call(t, w.editor, { method: 'GET', url: `${base()}/items/${itemId}` });
    expect(view.json().replies).toContainEqual(
      expect.objectContaining({
        id: replyId,
        status: 'returned',
        reviewComment: 'Please give the Sunday hours',
      }),
    );
  });

  it('checks the charter again at approval, and lets managers reply without waiting', async () => {
    const res = await reply(w.editor, 'Entry is cheap on Sunday');
    const replyId = res.json().id as string;
    expect(res.json().status).toBe('pending_approval');
    await saveCharter(w, { bannedPhrases: { phrases: ['cheap'], severity: 'block' } });
    const refused = await approve(w.manager, replyId);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.violations[0].rule).toBe('bannedPhrases');
    expect(await jobsOf(replyId)).toHaveLength(0);

    const direct = await reply(w.manager, 'Open 10 to 18 on Sunday');
    expect(direct.statusCode, direct.body).toBe(202);
    expect(direct.json().status).toBe('queued');
    // A token with the editor role waits like an editor.
    const viaToken = await reply(w.token, 'Open on Sunday');
    expect(viaToken.json().status).toBe('pending_approval');
  });
});

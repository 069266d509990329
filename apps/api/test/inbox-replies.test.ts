// Replying from Cadence (issue 16) against a stand-in of Mastodon's documented API: the charter
// refuses a reply with 422 before anything is sent; an accepted reply is recorded `queued`, sent
// by the reply job as a reply to the right status (in_reply_to_id, author mentioned), never twice
// (a duplicate job, a retry after a crash mid-call), and a refusal is stored with its reason.
import { randomUUID } from 'node:crypto';
import { channels, inboxItems, inboxReplies, jobs } from '@cadence/db';
import { sealedIn, sealJson } from '@cadence/domain/security/secret-box';
import { createMastodonAdapter } from '@cadence/networks/mastodon/adapter';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendInboxReply } from '../../publisher/src/inbox/send-reply';
import { type MastodonInboxFake, startMastodonInbox } from '@cadence/networks/testing';
import { call, createTestApp, type TestApp } from './helpers';
import { buildWorld, type PostsWorld, saveCharter } from './posts-fixtures';

let t: TestApp;
let w: PostsWorld;
let fake: MastodonInboxFake;
let channelId: string;
let itemId: string;
const signal = new AbortController().signal;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  fake = await startMastodonInbox();
  channelId = randomUUID();
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
      externalId: '1490',
      kind: 'reply',
      authorHandle: 'fan@example.social',
      text: 'When does it open?',
      createdAt: new Date(),
      threadRootExternalId: '500',
    })
    .returning();
  itemId = item?.id as string;
  await saveCharter(w, { bannedPhrases: { phrases: ['cheap'], severity: 'block' } });
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
const reply = (by: typeof w.owner, text: string) =>
  call(t, by, {
    method: 'POST',
    url: `/api/v1/workspaces/${w.ws}/inbox/items/${itemId}/replies`,
    payload: { text },
  });
const repliesOf = () => t.ctx.database.db.select().from(inboxReplies).where(eq(inboxReplies.itemId, itemId));

describe('replying from Cadence', () => {
  it('refuses a banned phrase or a reply too long for the network with 422, sending nothing', async () => {
    const banned = await reply(w.editor, 'It is cheap, come!');
    expect(banned.statusCode, banned.body).toBe(422);
    expect(banned.json().error.details.violations[0].rule).toBe('bannedPhrases');
    const long = await reply(w.editor, 'x'.repeat(600));
    expect(long.statusCode, long.body).toBe(422);
    expect(long.json().error.details.violations.map((v: { rule: string }) => v.rule)).toContain(
      'network.maxLength',
    );
    expect(await repliesOf()).toHaveLength(0);
    expect(fake.posted).toHaveLength(0);
    expect((await reply(w.viewer, 'Hello')).statusCode).toBe(403);
    expect((await reply(w.editor, '')).statusCode).toBe(400);
  });

  it('sends an accepted reply once, under the right status, mentioning its author', async () => {
    const res = await reply(w.editor, 'We open at 9, see you there!');
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({
      status: 'queued',
      text: '@fan@example.social We open at 9, see you there!',
    });
    const replyId = res.json().id as string;
    const [job] = await t.ctx.database.db.select().from(jobs).where(eq(jobs.key, replyId));
    expect(job).toMatchObject({ kind: 'inbox.reply', status: 'queued' });

    expect(await sendInboxReply(deps(), replyId, 1, signal)).toBe('sent');
    expect(fake.posted).toEqual([
      expect.objectContaining({
        key: replyId,
        in_reply_to_id: '1490',
        status: '@fan@example.social We open at 9, see you there!',
      }),
    ]);
    // A duplicate job finds it sent and calls nobody.
    expect(await sendInboxReply(deps(), replyId, 2, signal)).toBe('skipped');
    expect(fake.posted).toHaveLength(1);
    const [row] = await repliesOf();
    expect(row).toMatchObject({ status: 'sent', externalId: fake.posted[0]?.id });
    const [item] = await t.ctx.database.db.select().from(inboxItems).where(eq(inboxItems.id, itemId));
    expect(item?.firstResponseAt).not.toBeNull();
    const view = await call(t, w.viewer, {
      method: 'GET',
      url: `/api/v1/workspaces/${w.ws}/inbox/items/${itemId}`,
    });
    expect(view.json().replies).toMatchObject([{ id: replyId, status: 'sent' }]);
  });

  it('a reply left `sending` by a crash is sent again safely: the network deduplicates on its id', async () => {
    const res = await reply(w.editor, 'Second answer');
    const replyId = res.json().id as string;
    expect(await sendInboxReply(deps(), replyId, 1, signal)).toBe('sent');
    // As if the worker died after the call, before recording the outcome.
    await t.ctx.database.db
      .update(inboxReplies)
      .set({ status: 'sending' })
      .where(eq(inboxReplies.id, replyId));
    expect(await sendInboxReply(deps(), replyId, 2, signal)).toBe('sent');
    expect(fake.posted.filter((p) => p.key === replyId)).toHaveLength(1);
  });

  it('stores why it failed, and marks the channel when its access was revoked', async () => {
    const res = await reply(w.editor, 'Third answer');
    const replyId = res.json().id as string;
    fake.mode = { revoked: true };
    expect(await sendInboxReply(deps(), replyId, 1, signal)).toBe('failed');
    fake.mode = {};
    const [row] = await t.ctx.database.db.select().from(inboxReplies).where(eq(inboxReplies.id, replyId));
    expect(row?.status).toBe('failed');
    expect(row?.lastError).toMatch(/Mastodon/);
    const [channel] = await t.ctx.database.db.select().from(channels).where(eq(channels.id, channelId));
    expect(channel?.status).toBe('needs_reconnect');
    const refused = await reply(w.editor, 'Fourth answer');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.reason).toBe('channel_not_connected');
  });
});

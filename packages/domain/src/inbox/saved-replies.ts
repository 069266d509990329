// Saved replies: a workspace's templates for the usual answers. Each body is checked against the
// charter when saved, with the rules that judge a reply (reply-rules.ts) on every network Cadence
// answers on, so a template never carries what the brand must never say. Length is not judged
// here: it depends on the network and on the name filled in; the reply itself is checked for it
// when sent (and while typing).
import { type Db, inboxSavedReplies } from '@cadence/db';
import { and, asc, count, eq } from 'drizzle-orm';
import { type Actor, personOf } from '../accounts/actor';
import { assertCheckable, checkPost } from '../charter/check-post';
import { loadCharterForCheck } from '../charter/charter-use-cases';
import type { Violation } from '../charter/schemas';
import { conflict, limitReached, notFound, unprocessable } from '../errors';
import { lockWorkspace } from '../members/member-guards';
import { appliesToReplies } from './reply-rules';
import { INBOX_READY_NETWORKS } from './rules';
import { MAX_SAVED_REPLIES_PER_WORKSPACE, type SavedReplyView } from './saved-reply-schemas';

type Row = typeof inboxSavedReplies.$inferSelect;
const toView = (r: Row): SavedReplyView => ({
  id: r.id,
  title: r.name,
  body: r.body,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});
const LENGTH_RULE = /(^|\.)max(Length|Bytes)$/;

export async function checkSavedReplyBody(db: Db, actor: Actor, body: string): Promise<Violation[]> {
  const charter = await loadCharterForCheck(db, actor.workspaceId);
  const violations = checkPost({
    text: body,
    // No channel: a template serves every channel, so it is judged as it would be on each network.
    targets: [...INBOX_READY_NETWORKS].map((network) => ({ channelId: `saved-reply-${network}`, network })),
    scheduledAt: null,
    timezone: actor.workspaceTimezone,
    charter: charter.rules,
    otherPosts: [],
  });
  assertCheckable(violations);
  const seen = new Set<string>();
  const applying = violations
    .filter((v) => appliesToReplies(v) && !LENGTH_RULE.test(v.rule))
    .map(({ channelId: _c, network: _n, ...v }) => v)
    .filter((v) => {
      const key = `${v.rule}|${v.severity}|${v.messageCode}|${JSON.stringify(v.params)}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
  const blocking = applying.filter((v) => v.severity === 'block');
  if (blocking.length > 0) {
    throw unprocessable(
      'errors.inbox.savedReplyBreaksCharter',
      {},
      {
        field: 'body.body',
        violations: blocking,
      },
    );
  }
  return applying;
}

export async function listSavedReplies(db: Db, actor: Actor) {
  const rows = await db
    .select()
    .from(inboxSavedReplies)
    .where(eq(inboxSavedReplies.workspaceId, actor.workspaceId))
    .orderBy(asc(inboxSavedReplies.name), asc(inboxSavedReplies.id))
    .limit(MAX_SAVED_REPLIES_PER_WORKSPACE);
  return { items: rows.map(toView) };
}

export async function createSavedReply(
  db: Db,
  actor: Actor,
  input: { title: string; body: string },
  now: Date,
) {
  const warnings = await checkSavedReplyBody(db, actor, input.body);
  const row = await db.transaction(async (tx) => {
    // The cap holds under concurrent creates: they queue on the workspace row.
    await lockWorkspace(tx, actor.workspaceId);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(inboxSavedReplies)
      .where(eq(inboxSavedReplies.workspaceId, actor.workspaceId));
    if (n >= MAX_SAVED_REPLIES_PER_WORKSPACE) {
      throw limitReached(
        'errors.limits.savedReplies',
        { max: MAX_SAVED_REPLIES_PER_WORKSPACE },
        {
          limit: 'savedReplies',
          max: MAX_SAVED_REPLIES_PER_WORKSPACE,
        },
      );
    }
    const [created] = await tx
      .insert(inboxSavedReplies)
      .values({
        workspaceId: actor.workspaceId,
        name: input.title,
        body: input.body,
        createdByUserId: personOf(actor),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!created) throw new Error('the saved reply was not recorded');
    return created;
  });
  return { ...toView(row), warnings };
}

export async function updateSavedReply(
  db: Db,
  actor: Actor,
  id: string,
  input: { title: string; body: string; updatedAt: string },
  now: Date,
) {
  const warnings = await checkSavedReplyBody(db, actor, input.body);
  const mine = and(eq(inboxSavedReplies.id, id), eq(inboxSavedReplies.workspaceId, actor.workspaceId));
  // The version check and the write are one statement: of two edits from the same version, one wins.
  const [row] = await db
    .update(inboxSavedReplies)
    .set({ name: input.title, body: input.body, updatedAt: now })
    .where(and(mine, eq(inboxSavedReplies.updatedAt, new Date(input.updatedAt))))
    .returning();
  if (row) return { ...toView(row), warnings };
  const [current] = await db.select().from(inboxSavedReplies).where(mine);
  if (!current) throw notFound('saved_reply');
  throw conflict(
    'errors.inbox.savedReplyChanged',
    {},
    {
      current: toView(current),
    },
  );
}

export async function deleteSavedReply(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .delete(inboxSavedReplies)
    .where(and(eq(inboxSavedReplies.id, id), eq(inboxSavedReplies.workspaceId, actor.workspaceId)))
    .returning({ id: inboxSavedReplies.id });
  if (!row) throw notFound('saved_reply');
}

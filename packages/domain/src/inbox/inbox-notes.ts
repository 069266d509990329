// Internal notes on an inbox item: for the team only, never sent to the network.
import { type Db, inboxItems, inboxNotes, users } from '@cadence/db';
import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { notFound } from '../errors';

/** A conversation's notes are few; the list is bounded all the same. */
export const MAX_NOTES_LISTED = 500;

export async function assertInboxItem(db: Db, actor: Actor, itemId: string) {
  const [item] = await db
    .select()
    .from(inboxItems)
    .where(and(eq(inboxItems.id, itemId), eq(inboxItems.workspaceId, actor.workspaceId)));
  if (!item) throw notFound('inbox_item');
  return item;
}

export async function listInboxNotes(db: Db, actor: Actor, itemId: string) {
  return db
    .select({
      id: inboxNotes.id,
      authorUserId: inboxNotes.authorUserId,
      authorName: users.name,
      body: inboxNotes.body,
      createdAt: inboxNotes.createdAt,
    })
    .from(inboxNotes)
    .leftJoin(users, eq(users.id, inboxNotes.authorUserId))
    .where(and(eq(inboxNotes.itemId, itemId), eq(inboxNotes.workspaceId, actor.workspaceId)))
    .orderBy(asc(inboxNotes.createdAt), asc(inboxNotes.id))
    .limit(MAX_NOTES_LISTED);
}

export async function addInboxNote(db: Db, actor: Actor, itemId: string, body: string, now: Date) {
  await assertInboxItem(db, actor, itemId);
  const authorUserId = actor.personId ?? actor.userId;
  const [note] = await db
    .insert(inboxNotes)
    .values({ itemId, workspaceId: actor.workspaceId, authorUserId, body, createdAt: now })
    .returning();
  if (!note) throw notFound('inbox_item');
  const [author] = authorUserId
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, authorUserId))
    : [];
  return {
    id: note.id,
    authorUserId: note.authorUserId,
    authorName: author?.name ?? null,
    body: note.body,
    createdAt: note.createdAt,
  };
}

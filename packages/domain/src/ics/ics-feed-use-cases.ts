import { randomBytes } from 'node:crypto';
import { campaigns, channels, type Db, type Executor, icsFeeds } from '@cadence/db';
import { and, desc, eq, lt, or } from 'drizzle-orm';
import { type Actor, personOf } from '../accounts/actor';
import { assertUnderCap } from '../accounts/caps';
import { recordAudit } from '../audit/record-audit';
import { notFound } from '../errors';
import { randomSecret, sha256 } from '../security/tokens';
import type { IcsFeedCreate, IcsFeedView } from './schemas';

type FeedRow = typeof icsFeeds.$inferSelect;

export function toFeedView(row: FeedRow): IcsFeedView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    campaignId: row.campaignId,
    channelId: row.channelId,
    createdBy: { userId: row.createdByUserId, tokenId: row.createdByTokenId },
    createdAt: row.createdAt,
    revokedAt: row.revokedAt,
  };
}

/** 256 random bits behind a visible prefix, like API tokens; only the sha256 is stored. */
export function newFeedToken(): { token: string; prefix: string; hash: string } {
  const prefix = `ics_${randomBytes(6).toString('base64url')}`;
  const token = `${prefix}_${randomSecret(32)}`;
  return { token, prefix, hash: sha256(token) };
}

async function assertInWorkspace(db: Executor, workspaceId: string, input: IcsFeedCreate) {
  if (input.campaignId) {
    const [c] = await db
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.id, input.campaignId), eq(campaigns.workspaceId, workspaceId)));
    if (!c) throw notFound('campaign');
  }
  if (input.channelId) {
    const [c] = await db
      .select({ id: channels.id })
      .from(channels)
      .where(and(eq(channels.id, input.channelId), eq(channels.workspaceId, workspaceId)));
    if (!c) throw notFound('channel');
  }
}

export async function createIcsFeed(db: Db, actor: Actor, input: IcsFeedCreate) {
  return db.transaction(async (tx) => {
    await assertInWorkspace(tx, actor.workspaceId, input);
    await assertUnderCap(tx, actor, 'ics_feeds');
    const { token, prefix, hash } = newFeedToken();
    const [row] = await tx
      .insert(icsFeeds)
      .values({
        workspaceId: actor.workspaceId,
        name: input.name,
        prefix,
        tokenHash: hash,
        campaignId: input.campaignId ?? null,
        channelId: input.channelId ?? null,
        createdByUserId: personOf(actor),
        createdByTokenId: actor.tokenId,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const view = toFeedView(row);
    // The audit trail names the feed by prefix; the token itself is never written anywhere.
    await recordAudit(tx, actor, {
      action: 'ics_feed.created',
      entityType: 'ics_feed',
      entityId: row.id,
      after: view,
    });
    return { ...view, token };
  });
}

export async function listIcsFeeds(
  db: Db,
  workspaceId: string,
  page: { limit: number; after?: { createdAt: Date; id: string } | undefined },
) {
  const rows = await db
    .select()
    .from(icsFeeds)
    .where(
      and(
        eq(icsFeeds.workspaceId, workspaceId),
        page.after
          ? or(
              lt(icsFeeds.createdAt, page.after.createdAt),
              and(eq(icsFeeds.createdAt, page.after.createdAt), lt(icsFeeds.id, page.after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(icsFeeds.createdAt), desc(icsFeeds.id))
    .limit(page.limit + 1);
  return rows.map(toFeedView);
}

/** Revoking is immediate and final: the URL answers 404 from now on. Revoking twice is harmless. */
export async function revokeIcsFeed(db: Db, actor: Actor, feedId: string, now: Date) {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(icsFeeds)
      .where(and(eq(icsFeeds.id, feedId), eq(icsFeeds.workspaceId, actor.workspaceId)))
      .for('update');
    if (!current) throw notFound('ics_feed');
    if (current.revokedAt) return toFeedView(current);
    const [row] = await tx
      .update(icsFeeds)
      .set({ revokedAt: now })
      .where(eq(icsFeeds.id, feedId))
      .returning();
    if (!row) throw notFound('ics_feed');
    const after = toFeedView(row);
    await recordAudit(tx, actor, {
      action: 'ics_feed.revoked',
      entityType: 'ics_feed',
      entityId: feedId,
      before: toFeedView(current),
      after,
    });
    return after;
  });
}

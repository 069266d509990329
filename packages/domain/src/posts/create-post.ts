import { posts } from '@cadence/db';
import { eq } from 'drizzle-orm';
import { type Actor, personOf } from '../accounts/actor';
import * as targetLedger from '../publishing/target-ledger';
import { type PostDeps, inTransaction } from './deps';
import { assertMediaInWorkspace, libraryReferences } from './media-in-workspace';
import { parseInput } from './parse-input';
import { assertKnownPillar, checkStoredPost } from './post-charter';
import { recordPostEvent } from './post-events';
import { recordRevision } from './post-revisions';
import { assertCampaignInWorkspace, channelNetworks } from './post-store';
import { toPostView } from './post-view';
import { resolveScheduleTime } from './schedule-time';
import { type PostCreate, type PostView, postCreateSchema } from './schemas';
import { assertRole } from './workflow';

/**
 * Creates a draft. Channels and campaign must belong to the actor's workspace (404 otherwise).
 * The input is validated here too, so bulk and CSV callers get the API's field errors. Runs in a
 * savepoint when `deps.db` is the caller's transaction.
 */
export async function createPost(deps: PostDeps, actor: Actor, input: PostCreate): Promise<PostView> {
  assertRole(actor.role, 'create');
  const body = parseInput(postCreateSchema, input);
  const requested = body.requestedSchedule
    ? resolveScheduleTime(
        body.requestedSchedule,
        actor.workspaceTimezone,
        deps.clock(),
        'body.requestedSchedule',
      )
    : null;
  return inTransaction(deps.db, async (tx) => {
    const networks = await channelNetworks(
      tx,
      actor.workspaceId,
      body.targets.map((t) => t.channelId),
    );
    if (body.campaignId) await assertCampaignInWorkspace(tx, actor.workspaceId, body.campaignId);
    await assertKnownPillar(tx, actor.workspaceId, body.pillarId);
    await assertMediaInWorkspace(tx, actor.workspaceId, libraryReferences(body));
    const now = deps.clock();
    const [row] = await tx
      .insert(posts)
      .values({
        workspaceId: actor.workspaceId,
        authorUserId: personOf(actor),
        authorTokenId: actor.tokenId,
        status: 'draft',
        text: body.text,
        media: body.media,
        link: body.link ?? null,
        firstComment: body.firstComment ?? null,
        campaignId: body.campaignId ?? null,
        pillarId: body.pillarId ?? null,
        labels: body.labels,
        scheduledAt: requested?.at ?? null,
        scheduledTimezone: requested?.timezone ?? null,
        scheduledLocal: requested?.local ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const targets = await targetLedger.addTargets(
      tx,
      body.targets.map((t) => ({
        postId: row.id,
        workspaceId: actor.workspaceId,
        channelId: t.channelId,
        network: networks.get(t.channelId) ?? 'sandbox',
        textOverride: t.text ?? null,
        mediaOverride: t.media ?? null,
        firstCommentOverride: t.firstComment ?? null,
      })),
    );
    // Warnings (and blocks) are shown to the writer now; they block only approval and scheduling.
    const outcome = await checkStoredPost(tx, actor, row, targets, requested?.at ?? null);
    const [saved] = await tx
      .update(posts)
      .set({ violations: outcome.violations })
      .where(eq(posts.id, row.id))
      .returning();
    await recordRevision(tx, actor, saved ?? row, targets);
    await recordPostEvent(tx, actor, {
      postId: row.id,
      action: 'created',
      from: null,
      to: 'draft',
      details: { targets: targets.length, viaToken: actor.tokenId !== null },
    });
    return toPostView(tx, saved ?? row);
  });
}

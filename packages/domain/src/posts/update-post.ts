import type { Executor } from '@cadence/db';
import type { Actor } from '../accounts/actor';
import { conflict, invalidField } from '../errors';
import * as targetLedger from '../publishing/target-ledger';
import { unscheduleTargets } from './apply-schedule';
import { type PostDeps, inTransaction } from './deps';
import { assertMediaInWorkspace, libraryReferences } from './media-in-workspace';
import { parseInput } from './parse-input';
import { assertKnownPillar, checkStoredPost } from './post-charter';
import { recordPostEvent } from './post-events';
import { recordRevision } from './post-revisions';
import {
  assertCampaignInWorkspace,
  assertNotInFlight,
  assertVersion,
  channelNetworks,
  loadTargets,
  lockPost,
  type PostRow,
  savePost,
  type TargetRow,
} from './post-store';
import { toPostView } from './post-view';
import { resolveScheduleTime } from './schedule-time';
import {
  type MediaRefInput,
  type PostUpdate,
  type PostView,
  postUpdateSchema,
  type TargetInput,
} from './schemas';
import { assertRole, assertTransition, statusAfterEdit } from './workflow';

type Media = readonly MediaRefInput[] | null;
// jsonb does not keep key order: compare media field by field, not as stored text.
const mediaKey = (m: Media) => (m === null ? null : m.map((x) => [x.url, x.alt, x.kind]));

interface Content {
  text: string;
  media: Media;
  link: string | null;
  firstComment: string | null;
  targets: { channelId: string; text: string | null; media: Media; firstComment: string | null }[];
}

/** What approvals are about: a change here bumps the content revision and voids them. */
function contentKey(c: Content): string {
  const targets = [...c.targets]
    .sort((a, b) => a.channelId.localeCompare(b.channelId))
    .map((t) => [t.channelId, t.text, mediaKey(t.media), t.firstComment]);
  return JSON.stringify([c.text, mediaKey(c.media), c.link, c.firstComment, targets]);
}

const storedTarget = (t: TargetRow) => ({
  channelId: t.channelId,
  text: t.textOverride,
  media: t.mediaOverride,
  firstComment: t.firstCommentOverride,
});
const inputTarget = (t: TargetInput) => ({
  channelId: t.channelId,
  text: t.text ?? null,
  media: t.media ?? null,
  firstComment: t.firstComment ?? null,
});

/**
 * Edits a post the caller read at `version` (If-Match or the body). Editing the content of an
 * approved or scheduled post sends it back to review: approvals bind to the content revision,
 * which is bumped, and its targets leave the calendar (the requested time is kept).
 */
export async function updatePost(
  deps: PostDeps,
  actor: Actor,
  postId: string,
  input: PostUpdate,
): Promise<PostView> {
  assertRole(actor.role, 'edit');
  const body = parseInput(postUpdateSchema, input);
  if (body.version === undefined) {
    throw invalidField('body.version', 'version_required', {}, 'precondition_required');
  }
  return inTransaction(deps.db, async (tx) => {
    const row = await lockPost(tx, actor.workspaceId, postId);
    assertVersion(row, body.version);
    assertTransition(row.status, 'edit');
    const targets = await loadTargets(tx, [row.id]);
    if (body.requestedSchedule !== undefined && row.status === 'scheduled') {
      throw conflict(
        'errors.posts.scheduledMoves',
        {},
        {
          status: row.status,
          field: 'body.requestedSchedule',
        },
      );
    }
    const requested =
      body.requestedSchedule === undefined
        ? undefined
        : body.requestedSchedule === null
          ? null
          : resolveScheduleTime(body.requestedSchedule, actor.workspaceTimezone, deps.clock());
    if (body.campaignId) await assertCampaignInWorkspace(tx, actor.workspaceId, body.campaignId);
    if (body.pillarId !== undefined) await assertKnownPillar(tx, actor.workspaceId, body.pillarId);
    await assertMediaInWorkspace(tx, actor.workspaceId, libraryReferences(body));

    const before: Content = { ...row, targets: targets.map(storedTarget) };
    const after: Content = {
      text: body.text ?? row.text,
      media: body.media ?? row.media,
      link: body.link !== undefined ? body.link : row.link,
      firstComment: body.firstComment !== undefined ? body.firstComment : row.firstComment,
      targets: body.targets ? body.targets.map(inputTarget) : before.targets,
    };
    const contentChanged = contentKey(before) !== contentKey(after);
    const status = statusAfterEdit(row.status, contentChanged);
    const leavesCalendar = row.status === 'scheduled' && status !== 'scheduled';
    if (contentChanged && row.status === 'scheduled') assertNotInFlight(targets);

    const now = deps.clock();
    if (body.targets) await replaceTargets(tx, actor, row, targets, body.targets, now);
    if (leavesCalendar) await unscheduleTargets(tx, row.id, now);
    const nextTargets = await loadTargets(tx, [row.id]);
    const media = [...(after.media ?? [])];
    const campaignId = body.campaignId !== undefined ? body.campaignId : row.campaignId;
    const draft = { id: row.id, text: after.text, link: after.link, media, campaignId };
    const scheduledAt = requested === undefined ? row.scheduledAt : (requested?.at ?? null);
    const outcome = await checkStoredPost(tx, actor, draft, nextTargets, scheduledAt);

    const saved = await savePost(
      tx,
      row,
      {
        text: after.text,
        media,
        link: after.link,
        firstComment: after.firstComment,
        ...(body.campaignId !== undefined ? { campaignId: body.campaignId } : {}),
        ...(body.pillarId !== undefined ? { pillarId: body.pillarId } : {}),
        ...(body.labels !== undefined ? { labels: body.labels } : {}),
        ...(requested !== undefined
          ? {
              scheduledAt: requested?.at ?? null,
              scheduledTimezone: requested?.timezone ?? null,
              scheduledLocal: requested?.local ?? null,
            }
          : {}),
        status,
        violations: outcome.violations,
        ...(contentChanged ? { contentRevision: row.contentRevision + 1 } : {}),
        ...(status !== row.status ? { approvedAt: null } : {}),
      },
      now,
    );
    // The revision's content is what approvals bind to: keep it for "what changed" diffs.
    if (contentChanged) await recordRevision(tx, actor, saved, nextTargets);
    // Only what this edit changed: clients send whole forms, and reviewers read this list.
    const fields = changedFields(row, before, after, body, requested);
    await recordPostEvent(tx, actor, {
      postId: row.id,
      action: 'edited',
      from: row.status,
      to: status,
      details: {
        fields,
        contentChanged,
        contentRevision: saved.contentRevision,
        ...(status !== row.status ? { reason: 'content changed after approval: back to review' } : {}),
      },
    });
    return toPostView(tx, saved);
  });
}

function changedFields(
  row: PostRow,
  before: Content,
  after: Content,
  body: PostUpdate,
  requested: { local: string; timezone: string } | null | undefined,
): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const targetsKey = (c: Content) =>
    contentKey({ ...c, text: '', media: null, link: null, firstComment: null });
  const changes: Record<string, boolean> = {
    text: after.text !== before.text,
    media: !same(mediaKey(after.media), mediaKey(before.media)),
    link: after.link !== before.link,
    firstComment: after.firstComment !== before.firstComment,
    targets: targetsKey(after) !== targetsKey(before),
    campaignId: body.campaignId !== undefined && body.campaignId !== row.campaignId,
    pillarId: body.pillarId !== undefined && body.pillarId !== row.pillarId,
    labels: body.labels !== undefined && !same(body.labels, row.labels),
    requestedSchedule:
      requested !== undefined &&
      (requested?.local.slice(0, 16) ?? null) !== (row.scheduledLocal?.slice(0, 16) ?? null),
  };
  return Object.keys(changes).filter((k) => changes[k]);
}

/** Keeps targets whose channel stays (with their new overrides), removes the others, adds new ones. */
async function replaceTargets(
  tx: Executor,
  actor: Actor,
  row: PostRow,
  current: readonly TargetRow[],
  wanted: readonly TargetInput[],
  now: Date,
) {
  const networks = await channelNetworks(
    tx,
    actor.workspaceId,
    wanted.map((t) => t.channelId),
  );
  const wantedIds = new Set(wanted.map((t) => t.channelId));
  const removed = current.filter((t) => !wantedIds.has(t.channelId)).map((t) => t.id);
  await targetLedger.removeTargets(tx, row.id, removed);
  const existing = new Map(current.map((t) => [t.channelId, t]));
  for (const t of wanted) {
    const values = {
      textOverride: t.text ?? null,
      mediaOverride: t.media ?? null,
      firstCommentOverride: t.firstComment ?? null,
    };
    const found = existing.get(t.channelId);
    if (found) {
      await targetLedger.setOverrides(tx, row.id, found.id, values, now);
    } else {
      await targetLedger.addTargets(tx, [
        {
          ...values,
          postId: row.id,
          workspaceId: actor.workspaceId,
          channelId: t.channelId,
          network: networks.get(t.channelId) ?? 'sandbox',
        },
      ]);
    }
  }
}

// What bulk approve does after approving: a post approved with a time already requested goes onto
// it, judged as the single approval judges it (content and schedule rules against the other posts
// of its channels), in item order, each seeing the batch's earlier placements. A time already past,
// or one the charter blocks, leaves the post approved and says why in its history.
import type { Executor } from '@cadence/db';
import type { Actor } from '../accounts/actor';
import type { CampaignRules, CharterRules } from '../charter/schemas';
import { loadCountedCalendar } from './batch-calendar';
import { type PlannedSchedule, writeSchedules } from './apply-schedule';
import { countsOthers, judgeStoredPost } from './post-charter';
import type { PostEvent } from './post-events';
import type { PostRow, TargetRow } from './post-store';
import type { ScheduleTime } from './schedule-time';

export interface ScheduleOnApproval {
  scheduled: Map<string, { post: PostRow; plan: PlannedSchedule }>;
  events: Map<string, PostEvent>;
  /** Writes the schedules of these posts (after their approvals were written). */
  write(postIds: readonly string[], now: Date): Promise<void>;
}

const requestedTime = (p: PostRow): ScheduleTime | null =>
  p.scheduledAt && p.scheduledTimezone && p.scheduledLocal
    ? { at: p.scheduledAt, timezone: p.scheduledTimezone, local: p.scheduledLocal }
    : null;

export async function scheduleOnApproval(
  tx: Executor,
  input: {
    actor: Actor;
    charter: { id: string | null; rules: CharterRules };
    campaignOf: (campaignId: string | null) => CampaignRules | null;
    targetsOf: ReadonlyMap<string, TargetRow[]>;
    now: Date;
    /** Posts just approved, as they will be stored, in item order. */
    posts: readonly PostRow[];
  },
): Promise<ScheduleOnApproval> {
  const { actor, charter, now } = input;
  const scheduled = new Map<string, { post: PostRow; plan: PlannedSchedule }>();
  const events = new Map<string, PostEvent>();
  const timed = input.posts.flatMap((post) => {
    const time = requestedTime(post);
    return time ? [{ post, time, targets: input.targetsOf.get(post.id) ?? [] }] : [];
  });
  const future = timed.filter((t) => t.time.at.getTime() > now.getTime());
  const counted = future.filter((t) => countsOthers(charter.rules, t.targets));
  const calendar = await loadCountedCalendar(
    tx,
    actor,
    counted.flatMap((t) => t.targets.map((x) => x.channelId)),
    counted.map((t) => t.time.at),
  );
  for (const { post, time, targets } of timed) {
    const notApplied = (reason: 'charter' | 'in_the_past', violations: unknown[]) =>
      events.set(post.id, {
        postId: post.id,
        action: 'schedule_not_applied',
        from: 'approved',
        to: post.status,
        details: { reason, requested: time.at.toISOString(), violations },
      });
    if (time.at.getTime() <= now.getTime()) {
      notApplied('in_the_past', []);
      continue;
    }
    // A campaign that cannot be read failed the item's approval already, before this point.
    const outcome = judgeStoredPost({
      actor,
      charter,
      campaign: input.campaignOf(post.campaignId),
      post,
      targets,
      scheduledAt: time.at,
      otherPosts: countsOthers(charter.rules, targets)
        ? calendar.around(
            targets.map((t) => t.channelId),
            time.at,
          )
        : [],
    });
    if (outcome.blocking) {
      notApplied(
        'charter',
        outcome.violations.filter((v) => v.severity === 'block'),
      );
      continue;
    }
    calendar.place(post.id, targets, time.at);
    const plan: PlannedSchedule = { row: post, time, violations: outcome.violations };
    scheduled.set(post.id, {
      plan,
      post: {
        ...post,
        status: 'scheduled',
        violations: outcome.violations,
        version: post.version + 1,
        updatedAt: now,
      },
    });
    events.set(post.id, {
      postId: post.id,
      action: 'scheduled',
      from: 'approved',
      to: 'scheduled',
      details: { at: time.at.toISOString(), timezone: time.timezone, local: time.local, trigger: 'approval' },
    });
  }
  return {
    scheduled,
    events,
    async write(postIds, at) {
      const plans = postIds.flatMap((id) => {
        const s = scheduled.get(id);
        return s ? [s.plan] : [];
      });
      await writeSchedules(tx, plans, at);
    },
  };
}

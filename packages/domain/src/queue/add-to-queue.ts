// "Add to queue": schedules a post on the next free queue slot of its channels, through the
// posts' own schedule use case (same workflow, DST and charter rules as a time picked by hand).
//
// A post has one publication time shared by its targets (post_targets.scheduled_at copies the
// post's), so a post on several channels goes to the EARLIEST SLOT FREE ON ALL OF THEM, not to
// each channel's own next slot. If the channels share no free slot within the horizon the answer
// is 422 with each channel's next free slot, so the team can align the slots or pick a time.
// See docs/decisions/0050-queue-slots.md.
import { z } from 'zod';
import type { Actor } from '../accounts/actor';
import { unprocessable } from '../errors';
import { inTransaction, type PostDeps } from '../posts/deps';
import { parseInput } from '../posts/parse-input';
import { loadTargets, lockChannels, lockPost } from '../posts/post-store';
import { schedulePost } from '../posts/schedule-post';
import type { PostView } from '../posts/schemas';
import { assertRole } from '../posts/workflow';
import { DEFAULT_HORIZON_DAYS, earliestCommonSlot, freeSlots, nextFreeSlots, slotBudget } from './free-slots';
import type { WeeklySlot } from './schemas';
import { slotInputs } from './slot-inputs';

export const addToQueueSchema = z.strictObject({
  /** The version read; the If-Match header may carry it instead. */
  version: z.number().int().min(1).optional(),
});
export type AddToQueueInput = z.infer<typeof addToQueueSchema>;

export async function addToQueue(
  deps: PostDeps,
  actor: Actor,
  postId: string,
  input: AddToQueueInput,
): Promise<PostView> {
  assertRole(actor.role, 'schedule');
  const body = parseInput(addToQueueSchema, input);
  return inTransaction(deps.db, async (tx) => {
    // Post, then channels: the order the schedule use case locks them in, so the two never deadlock.
    // Holding the channels until commit keeps two queue assignments from taking the same slot.
    const post = await lockPost(tx, actor.workspaceId, postId);
    const channelIds = [...new Set((await loadTargets(tx, [post.id])).map((t) => t.channelId))];
    await lockChannels(tx, actor.workspaceId, channelIds);
    const now = deps.clock();
    const inputs = await slotInputs(tx, actor, { channelIds, now, excludePostId: post.id });
    const perChannel = channelIds.flatMap((id) => {
      const channel = inputs.get(id);
      return channel ? [{ channelId: id, channel }] : [];
    });

    const withoutSlots = perChannel.filter((c) => c.channel.slots.length === 0).map((c) => c.channelId);
    if (withoutSlots.length > 0) {
      throw unprocessable(
        'errors.queue.noSlots',
        {},
        {
          reason: 'no_queue_slots',
          channelIds: withoutSlots,
        },
      );
    }
    // The channels share the workspace zone, so an instant free on all of them is the same weekly
    // slot on each: walk only the slots they all have (none shared: no walk at all), within one
    // budget for the whole request.
    const budget = slotBudget();
    const common = commonSlots(perChannel.map((c) => c.channel.slots));
    const slot =
      common.length === 0
        ? null
        : earliestCommonSlot(perChannel.map((c) => freeSlots({ ...c.channel, slots: common, budget })));
    if (!slot) {
      throw unprocessable(
        'errors.queue.noCommonSlot',
        { days: DEFAULT_HORIZON_DAYS },
        {
          reason: 'no_common_slot',
          nextFreeByChannel: perChannel.map((c) => ({
            channelId: c.channelId,
            next: nextFreeSlots({ ...c.channel, budget }, 1)[0] ?? null,
          })),
        },
      );
    }
    return schedulePost({ db: tx, clock: deps.clock }, actor, post.id, {
      ...(body.version !== undefined ? { version: body.version } : {}),
      local: slot.local,
      timezone: actor.workspaceTimezone,
    });
  });
}

/** The weekly slots every channel has. */
function commonSlots(perChannel: readonly (readonly WeeklySlot[])[]): WeeklySlot[] {
  const key = (s: WeeklySlot) => `${s.weekday} ${s.localTime}`;
  const [first = [], ...rest] = perChannel;
  const others = rest.map((slots) => new Set(slots.map(key)));
  return first.filter((s) => others.every((set) => set.has(key(s))));
}

import type { Db } from '@cadence/db';
import type { Actor } from '../accounts/actor';
import { nextFreeSlots } from './free-slots';
import { findChannel } from './queue-slots';
import { slotInputs } from './slot-inputs';

/** Where the channel's next `count` queued posts would go, as of `now`. */
export async function previewNextSlots(
  db: Db,
  actor: Actor,
  input: { channelId: string; count: number; now: Date },
) {
  await findChannel(db, actor.workspaceId, input.channelId);
  const inputs = await slotInputs(db, actor, { channelIds: [input.channelId], now: input.now });
  const channel = inputs.get(input.channelId);
  return { channelId: input.channelId, items: channel ? nextFreeSlots(channel, input.count) : [] };
}

import { channelQueueSlots, channels, type Db, type Executor } from '@cadence/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { recordAudit } from '../audit/record-audit';
import { notFound } from '../errors';
import type { QueueSlotsReplace, WeeklySlot } from './schemas';

/** The channel, in the caller's workspace only: another workspace's id answers 404 like a missing one. */
export async function findChannel(db: Executor, workspaceId: string, channelId: string) {
  const [row] = await db
    .select({ id: channels.id, network: channels.network })
    .from(channels)
    .where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)));
  if (!row) throw notFound('channel');
  return row;
}

/** Weekly slots of several channels of one workspace, by channel, in weekday and time order. */
export async function loadSlots(
  db: Executor,
  workspaceId: string,
  channelIds: readonly string[],
): Promise<Map<string, WeeklySlot[]>> {
  const byChannel = new Map<string, WeeklySlot[]>(channelIds.map((id) => [id, []]));
  if (channelIds.length === 0) return byChannel;
  const rows = await db
    .select({
      channelId: channelQueueSlots.channelId,
      weekday: channelQueueSlots.weekday,
      localTime: channelQueueSlots.localTime,
    })
    .from(channelQueueSlots)
    .where(
      and(
        eq(channelQueueSlots.workspaceId, workspaceId),
        inArray(channelQueueSlots.channelId, [...channelIds]),
      ),
    )
    .orderBy(asc(channelQueueSlots.weekday), asc(channelQueueSlots.localTime));
  for (const r of rows) byChannel.get(r.channelId)?.push({ weekday: r.weekday, localTime: r.localTime });
  return byChannel;
}

export async function getQueueSlots(db: Db, actor: Actor, channelId: string) {
  await findChannel(db, actor.workspaceId, channelId);
  const slots = (await loadSlots(db, actor.workspaceId, [channelId])).get(channelId) ?? [];
  return { channelId, timezone: actor.workspaceTimezone, slots };
}

/** Replaces the whole week at once: what a settings screen saves, and what an API client sends. */
export async function replaceQueueSlots(db: Db, actor: Actor, channelId: string, input: QueueSlotsReplace) {
  return db.transaction(async (tx) => {
    // Locking the channel serialises two saves of the same week (and queue assignments, which lock it too).
    const [channel] = await tx
      .select({ id: channels.id })
      .from(channels)
      .where(and(eq(channels.id, channelId), eq(channels.workspaceId, actor.workspaceId)))
      .for('update');
    if (!channel) throw notFound('channel');
    const before = (await loadSlots(tx, actor.workspaceId, [channelId])).get(channelId) ?? [];
    await tx.delete(channelQueueSlots).where(eq(channelQueueSlots.channelId, channelId));
    if (input.slots.length > 0) {
      await tx
        .insert(channelQueueSlots)
        .values(input.slots.map((s) => ({ workspaceId: actor.workspaceId, channelId, ...s })));
    }
    const slots = (await loadSlots(tx, actor.workspaceId, [channelId])).get(channelId) ?? [];
    await recordAudit(tx, actor, {
      action: 'channel.queue_slots_replaced',
      entityType: 'channel',
      entityId: channelId,
      before: { slots: before },
      after: { slots },
    });
    return { channelId, timezone: actor.workspaceTimezone, slots };
  });
}

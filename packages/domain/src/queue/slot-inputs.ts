import { channels, type Executor } from '@cadence/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { loadCharterForCheck } from '../charter/charter-use-cases';
import { rulesForNetwork } from '../charter/resolve-rules';
import { notFound } from '../errors';
import { listCommitments } from './channel-commitments';
import { DEFAULT_HORIZON_DAYS, type FreeSlotsInput } from './free-slots';
import { loadSlots } from './queue-slots';

const DAY_MS = 24 * 60 * 60 * 1000;
// The widest schedule rule (a week's cap, or up to a week of spacing) looks this far either side.
const RULE_REACH_MS = 8 * DAY_MS;

/**
 * Everything the pure slot walk needs for each channel: its slots, its network's charter rules
 * and its committed posts from a week before now to a week past the horizon.
 */
export async function slotInputs(
  db: Executor,
  actor: Pick<Actor, 'workspaceId' | 'workspaceTimezone'>,
  input: { channelIds: readonly string[]; now: Date; excludePostId?: string },
): Promise<Map<string, Omit<FreeSlotsInput, 'reserve'>>> {
  const ids = [...new Set(input.channelIds)];
  const found = ids.length
    ? await db
        .select({ id: channels.id, network: channels.network })
        .from(channels)
        .where(and(eq(channels.workspaceId, actor.workspaceId), inArray(channels.id, ids)))
    : [];
  if (found.length !== ids.length) throw notFound('channel');
  const slots = await loadSlots(db, actor.workspaceId, ids);
  const charter = await loadCharterForCheck(db, actor.workspaceId);
  const taken = await listCommitments(db, {
    workspaceId: actor.workspaceId,
    channelIds: ids,
    from: new Date(input.now.getTime() - RULE_REACH_MS),
    to: new Date(input.now.getTime() + DEFAULT_HORIZON_DAYS * DAY_MS + RULE_REACH_MS),
    ...(input.excludePostId ? { excludePostId: input.excludePostId } : {}),
  });
  return new Map(
    found.map((c) => [
      c.id,
      {
        slots: slots.get(c.id) ?? [],
        timezone: actor.workspaceTimezone,
        after: input.now,
        taken: taken.get(c.id) ?? [],
        rules: rulesForNetwork(charter.rules, c.network),
      },
    ]),
  );
}

// A schedule a channel's send limit cannot meet on time: when more targets are due on a channel in
// one window of its limit than the limit lets out, the rest wait for the next windows. Scheduling
// still succeeds; the answer warns how long the backlog this post joins takes to leave ("these 300
// posts will take 10 min to leave at this channel's limit"). Only the windows from this post's
// instant until that backlog empties are read (grouped counts on the channel/time index), never the
// channel's whole calendar, so the cost does not grow with how full the channel is. A backlog
// carried over from windows before this post's is not counted.
import { channels, type Executor, postTargets } from '@cadence/db';
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { channelSendLimit, type SendAllowance } from '../publishing/send-limits';
import { MOVABLE } from '../publishing/target-ledger';
import type { TargetRow } from './post-store';
import type { SendLimitWarning } from './schemas';

// Targets that will still be sent by the publisher (waiting for their instant or just claimed).
const WAITING = ['scheduled', 'claimed'] as const;
const WAITING_STATUSES: readonly TargetRow['status'][] = WAITING;
const MAX_ROUNDS = 4;
const MAX_WINDOWS_PER_ROUND = 2_000;
// The furthest window past its own that one post's backlog reading may reach.
const FURTHEST_WINDOW = 1 + (MAX_ROUNDS - 1) * MAX_WINDOWS_PER_ROUND;

/** Counts of waiting targets per window of a channel's limit, for windows [from, to). */
type WindowCounts = (fromWindow: number, toWindow: number) => Promise<Iterable<[number, number]>>;

export async function sendLimitWarnings(
  tx: Executor,
  input: { workspaceId: string; channelIds: readonly string[]; at: Date },
): Promise<SendLimitWarning[]> {
  const limits = await channelLimits(tx, input.workspaceId, input.channelIds);
  return warningsFor(
    input.channelIds,
    input.at,
    limits,
    (channelId, limit) => (from, to) => countPerWindow(tx, channelId, limit.perMs, from, to),
  );
}

/**
 * The same warnings for a batch scheduled in one go (bulk schedule): the waiting targets around the
 * batch's instants are counted once, then each item is judged in order, seeing the items before it
 * as a single call after theirs would.
 */
export async function plannedSendLimits(
  tx: Executor,
  input: { workspaceId: string; channelIds: readonly string[]; instants: readonly Date[] },
) {
  const limits = await channelLimits(tx, input.workspaceId, input.channelIds);
  const counts = new Map<string, Map<number, number>>();
  const times = input.instants.map((d) => d.getTime());
  for (const [channelId, limit] of limits) {
    const from = Math.floor(Math.min(...times) / limit.perMs);
    const to = Math.floor(Math.max(...times) / limit.perMs) + FURTHEST_WINDOW;
    counts.set(channelId, new Map(await countPerWindow(tx, channelId, limit.perMs, from, to)));
  }
  const count = (channelId: string, at: Date, delta: number) => {
    const limit = limits.get(channelId);
    const windows = counts.get(channelId);
    if (!limit || !windows) return;
    const w = Math.floor(at.getTime() / limit.perMs);
    windows.set(w, (windows.get(w) ?? 0) + delta);
  };
  return {
    /** A post's targets scheduled at `at`: those the ledger moves leave their old window for this one. */
    place(targets: readonly Pick<TargetRow, 'channelId' | 'status' | 'scheduledAt'>[], at: Date) {
      for (const t of targets) {
        if (!MOVABLE.includes(t.status)) continue;
        if (WAITING_STATUSES.includes(t.status) && t.scheduledAt) count(t.channelId, t.scheduledAt, -1);
        count(t.channelId, at, 1);
      }
    },
    warnings(channelIds: readonly string[], at: Date) {
      return warningsFor(channelIds, at, limits, (channelId) => async (from, to) => {
        const windows = counts.get(channelId) as Map<number, number>;
        const found: [number, number][] = [];
        for (let w = from; w < to; w++) {
          const n = windows.get(w);
          if (n) found.push([w, n]);
        }
        return found;
      });
    },
  };
}

async function channelLimits(tx: Executor, workspaceId: string, channelIds: readonly string[]) {
  const limits = new Map<string, SendAllowance>();
  if (channelIds.length === 0) return limits;
  const rows = await tx
    .select({ id: channels.id, network: channels.network, sendLimit: channels.sendLimit })
    .from(channels)
    .where(and(eq(channels.workspaceId, workspaceId), inArray(channels.id, [...new Set(channelIds)])));
  for (const channel of rows) {
    const limit = channelSendLimit(channel.network, channel.sendLimit);
    if (limit) limits.set(channel.id, limit);
  }
  return limits;
}

async function warningsFor(
  channelIds: readonly string[],
  at: Date,
  limits: ReadonlyMap<string, SendAllowance>,
  countsOf: (channelId: string, limit: SendAllowance) => WindowCounts,
): Promise<SendLimitWarning[]> {
  const warnings: SendLimitWarning[] = [];
  for (const channelId of new Set(channelIds)) {
    const limit = limits.get(channelId);
    if (!limit) continue;
    const backlog = await backlogFrom(countsOf(channelId, limit), limit, at);
    if (backlog.windows <= 1) continue;
    const seconds = Math.ceil((backlog.windows * limit.perMs) / 1000);
    const perSeconds = Math.round(limit.perMs / 1000);
    warnings.push({
      code: 'send_limit_backlog',
      channelId,
      posts: backlog.posts,
      seconds,
      limit: { max: limit.max, perSeconds },
      message: `These ${backlog.posts} posts will take ${duration(seconds)} to leave at this channel's limit (${limit.max} per ${duration(perSeconds)})`,
    });
  }
  return warnings;
}

/** Windows (of the limit) from `at`'s until the targets due in them have all been let out. */
async function backlogFrom(countsIn: WindowCounts, limit: SendAllowance, at: Date) {
  const first = Math.floor(at.getTime() / limit.perMs);
  const counts = new Map<number, number>();
  let loadedUntil = first;
  let wanted = 1;
  let posts = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    for (const [w, n] of await countsIn(loadedUntil, loadedUntil + wanted)) counts.set(w, n);
    loadedUntil += wanted;
    let waiting = 0;
    posts = 0;
    for (let w = first; w < loadedUntil; w++) {
      const due = counts.get(w) ?? 0;
      posts += due;
      waiting = Math.max(0, waiting + due - limit.max);
      if (waiting === 0) return { posts, windows: w - first + 1 };
    }
    wanted = Math.min(MAX_WINDOWS_PER_ROUND, Math.ceil(waiting / limit.max));
  }
  // A backlog longer than we look at: say at least this much.
  return { posts, windows: loadedUntil - first };
}

async function countPerWindow(
  tx: Executor,
  channelId: string,
  perMs: number,
  fromWindow: number,
  toWindow: number,
): Promise<[number, number][]> {
  // The same expression in SELECT and GROUP BY: a literal (an integer we computed), since two bound
  // parameters would be two different expressions to PostgreSQL.
  const window = sql<string>`floor(extract(epoch from ${postTargets.scheduledAt}) * 1000 / ${sql.raw(String(Math.trunc(perMs)))})`;
  const rows = await tx
    .select({ w: window, n: sql<number>`count(*)::int` })
    .from(postTargets)
    .where(
      and(
        eq(postTargets.channelId, channelId),
        inArray(postTargets.status, [...WAITING]),
        gte(postTargets.scheduledAt, new Date(fromWindow * perMs)),
        lt(postTargets.scheduledAt, new Date(toWindow * perMs)),
      ),
    )
    .groupBy(window);
  return rows.map((r) => [Number(r.w), Number(r.n)]);
}

function duration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 2 * 3600) return `${Math.ceil(seconds / 60)} min`;
  return `${Math.round(seconds / 360) / 10} h`;
}

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
import type { SendLimitWarning } from './schemas';

// Targets that will still be sent by the publisher (waiting for their instant or just claimed).
const WAITING = ['scheduled', 'claimed'] as const;
const MAX_ROUNDS = 4;
const MAX_WINDOWS_PER_ROUND = 2_000;

export async function sendLimitWarnings(
  tx: Executor,
  input: { workspaceId: string; channelIds: readonly string[]; at: Date },
): Promise<SendLimitWarning[]> {
  if (input.channelIds.length === 0) return [];
  const rows = await tx
    .select({ id: channels.id, network: channels.network, sendLimit: channels.sendLimit })
    .from(channels)
    .where(and(eq(channels.workspaceId, input.workspaceId), inArray(channels.id, [...input.channelIds])));
  const warnings: SendLimitWarning[] = [];
  for (const channel of rows) {
    const limit = channelSendLimit(channel.network, channel.sendLimit);
    if (!limit) continue;
    const backlog = await backlogFrom(tx, channel.id, limit, input.at);
    if (backlog.windows <= 1) continue;
    const seconds = Math.ceil((backlog.windows * limit.perMs) / 1000);
    const perSeconds = Math.round(limit.perMs / 1000);
    warnings.push({
      code: 'send_limit_backlog',
      channelId: channel.id,
      posts: backlog.posts,
      seconds,
      limit: { max: limit.max, perSeconds },
      message: `These ${backlog.posts} posts will take ${duration(seconds)} to leave at this channel's limit (${limit.max} per ${duration(perSeconds)})`,
    });
  }
  return warnings;
}

/** Windows (of the limit) from `at`'s until the targets due in them have all been let out. */
async function backlogFrom(tx: Executor, channelId: string, limit: SendAllowance, at: Date) {
  const first = Math.floor(at.getTime() / limit.perMs);
  const counts = new Map<number, number>();
  let loadedUntil = first;
  let wanted = 1;
  let posts = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    for (const [w, n] of await countPerWindow(tx, channelId, limit.perMs, loadedUntil, loadedUntil + wanted))
      counts.set(w, n);
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

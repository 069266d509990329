// "A channel's connection expires within 7 days" (issue 15): a periodic check records one
// token_expiring event per channel and expiry date (the dedupe key), which the fan-out sends to the
// managers and owners. Tokens that end within a day are left out: those are the short-lived ones
// the publisher renews by itself 15 minutes ahead (X's 2 h tokens), and warning about them every
// time would teach people to ignore the warning. What is caught is the long-lived kind (60-day
// Meta and LinkedIn tokens) entering its last week.
import { channels, channelTokens, type Db } from '@cadence/db';
import { and, asc, eq, gt, lte } from 'drizzle-orm';
import { recordNotificationEvent } from './record-event';

export const TOKEN_WARNING_WINDOW_MS = 7 * 24 * 3600 * 1000;
export const TOKEN_WARNING_SKIP_MS = 24 * 3600 * 1000;
/** Channels looked at per run; the next run takes the rest (already warned ones are deduped). */
const BATCH = 500;

export async function recordExpiringTokens(db: Db, now: Date): Promise<number> {
  const rows = await db
    .select({
      channelId: channels.id,
      workspaceId: channels.workspaceId,
      name: channels.displayName,
      expiresAt: channelTokens.accessExpiresAt,
    })
    .from(channelTokens)
    .innerJoin(channels, eq(channels.id, channelTokens.channelId))
    .where(
      and(
        eq(channels.status, 'connected'),
        gt(channelTokens.accessExpiresAt, new Date(now.getTime() + TOKEN_WARNING_SKIP_MS)),
        lte(channelTokens.accessExpiresAt, new Date(now.getTime() + TOKEN_WARNING_WINDOW_MS)),
      ),
    )
    .orderBy(asc(channelTokens.accessExpiresAt))
    .limit(BATCH);
  let recorded = 0;
  for (const row of rows) {
    if (!row.expiresAt) continue;
    const fresh = await recordNotificationEvent(db, {
      workspaceId: row.workspaceId,
      kind: 'token_expiring',
      channelId: row.channelId,
      params: { channel: row.name, expiresAt: row.expiresAt.toISOString() },
      dedupeKey: `${row.channelId}:${row.expiresAt.toISOString()}`,
    });
    if (fresh) recorded++;
  }
  return recorded;
}

// Issue 15: the per-person cap on instant emails (10 per 10 minutes) holds when two fan-outs run at
// once (two processes, or the two lanes of one). Each takes its own events (SKIP LOCKED), so both
// used to count the person's recent emails before either committed and together queued twice the
// cap. Real PostgreSQL only: two fan-outs here run on two pooled connections, as two processes
// would; PGlite has one connection, on which transactions cannot overlap at all.
import { emailOutbox, memberships, notifications, users } from '@cadence/db';
import { fanOutNotifications } from '@cadence/domain/notifications/fan-out';
import { INSTANT_EMAIL_LIMIT } from '@cadence/domain/notifications/preferences-rules';
import { recordNotificationEvent } from '@cadence/domain/notifications/record-event';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers';
import { buildWorld, type PostsWorld } from './posts-fixtures';

let t: TestApp;
let w: PostsWorld;

describe.skipIf(!process.env.TEST_DATABASE_URL)('the instant-email cap across concurrent fan-outs', () => {
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('queues at most the cap for one person when two fan-outs take their events at the same time', async () => {
    const db = t.ctx.database.db;
    const deps = { db, clock: () => new Date(), origin: 'https://cadence.test', mailDomain: 'cadence.test' };
    const events = 2 * INSTANT_EMAIL_LIMIT.count;
    // Several rounds, each a new person: one overlap is likely, five make a miss very unlikely.
    for (let round = 0; round < 5; round++) {
      const [person] = await db
        .insert(users)
        .values({
          email: `capped-${round}@example.com`,
          name: `capped ${round}`,
          passwordHash: 'not-a-login',
        })
        .returning({ id: users.id });
      const id = person?.id as string;
      await db.insert(memberships).values({ workspaceId: w.ws, userId: id, role: 'viewer' });
      await db.transaction(async (tx) => {
        for (let i = 0; i < events; i++)
          await recordNotificationEvent(tx, {
            workspaceId: w.ws,
            kind: 'role_changed',
            actorUserId: w.owner.userId as string,
            subjectUserId: id,
            params: { role: 'viewer' },
          });
      });
      const taken = await Promise.all([
        fanOutNotifications(deps, { lane: 'people', limit: INSTANT_EMAIL_LIMIT.count }),
        fanOutNotifications(deps, { lane: 'people', limit: INSTANT_EMAIL_LIMIT.count }),
      ]);
      expect(taken[0] + taken[1]).toBe(events);
      const emails = await db.select().from(emailOutbox).where(eq(emailOutbox.userId, id));
      expect(emails).toHaveLength(INSTANT_EMAIL_LIMIT.count);
      // Nothing lost: every event is in the bell, and the ones over the cap wait for the digest.
      const theirs = await db.select().from(notifications).where(eq(notifications.userId, id));
      expect(theirs).toHaveLength(events);
      const waiting = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, id), eq(notifications.digestPending, true)));
      expect(waiting).toHaveLength(events - INSTANT_EMAIL_LIMIT.count);
    }
  });
});

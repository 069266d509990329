// Webhook deliveries: queued with the events they carry (in the fan-out's transaction), sent by the
// "webhook.deliver" job, each attempt logged (status code, time). The named transitions below are
// the only writers of `webhook_deliveries` and of a subscription's failure count.
import { randomUUID } from 'node:crypto';
import {
  type Db,
  type Executor,
  type notificationEvents,
  webhookDeliveries,
  webhookSubscriptions,
} from '@cadence/db';
import { enqueueJob } from '@cadence/jobs';
import { WEBHOOK_TEST_EVENT } from '@cadence/names';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { notFound } from '../errors';
import { recordNotificationEvent } from '../notifications/record-event';
import { webhookFailureReason } from './failure-reason';
import { WEBHOOK_DISABLE_AFTER_FAILURES, WEBHOOK_MAX_ATTEMPTS, type WebhookPayload } from './schemas';

export const WEBHOOK_JOB = 'webhook.deliver';

type EventRow = typeof notificationEvents.$inferSelect;

async function queueDelivery(
  tx: Executor,
  input: { subscriptionId: string; workspaceId: string; payload: WebhookPayload; now: Date },
) {
  const id = randomUUID();
  await tx.insert(webhookDeliveries).values({
    id,
    subscriptionId: input.subscriptionId,
    workspaceId: input.workspaceId,
    kind: input.payload.event,
    payload: input.payload,
    createdAt: input.now,
  });
  await enqueueJob(
    tx,
    WEBHOOK_JOB,
    { deliveryId: id },
    { key: id, now: input.now, maxAttempts: WEBHOOK_MAX_ATTEMPTS },
  );
  return id;
}

export const payloadOf = (event: EventRow): WebhookPayload => ({
  id: event.id,
  event: event.kind,
  workspaceId: event.workspaceId,
  occurredAt: event.createdAt.toISOString(),
  data: { postId: event.postId, channelId: event.channelId, params: event.params },
});

/** One delivery per (event, enabled subscription to its kind); called by the fan-out, in its commit. */
export async function queueDeliveriesForEvents(tx: Executor, events: EventRow[], now: Date): Promise<number> {
  const workspaceIds = [...new Set(events.map((e) => e.workspaceId))];
  if (workspaceIds.length === 0) return 0;
  const subscriptions = await tx
    .select({
      id: webhookSubscriptions.id,
      workspaceId: webhookSubscriptions.workspaceId,
      kinds: webhookSubscriptions.kinds,
    })
    .from(webhookSubscriptions)
    .where(
      and(inArray(webhookSubscriptions.workspaceId, workspaceIds), eq(webhookSubscriptions.enabled, true)),
    );
  let queued = 0;
  for (const event of events) {
    for (const s of subscriptions) {
      if (s.workspaceId !== event.workspaceId || !s.kinds.includes(event.kind)) continue;
      await queueDelivery(tx, {
        subscriptionId: s.id,
        workspaceId: s.workspaceId,
        payload: payloadOf(event),
        now,
      });
      queued++;
    }
  }
  return queued;
}

/** "Send test event": a delivery of kind webhook_test, whatever the subscription's kinds. */
export async function queueTestDelivery(
  tx: Executor,
  subscription: { id: string; workspaceId: string },
  now: Date,
) {
  return queueDelivery(tx, {
    subscriptionId: subscription.id,
    workspaceId: subscription.workspaceId,
    payload: {
      id: randomUUID(),
      event: WEBHOOK_TEST_EVENT,
      workspaceId: subscription.workspaceId,
      occurredAt: now.toISOString(),
      data: { postId: null, channelId: null, params: {} },
    },
    now,
  });
}

/** Sends the same payload again (same event id, so a receiver that kept it drops the repeat). */
export async function redeliver(
  tx: Executor,
  workspaceId: string,
  subscriptionId: string,
  deliveryId: string,
  now: Date,
) {
  const [row] = await tx
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.id, deliveryId),
        eq(webhookDeliveries.subscriptionId, subscriptionId),
        eq(webhookDeliveries.workspaceId, workspaceId),
      ),
    );
  if (!row) throw notFound('delivery');
  return queueDelivery(tx, {
    subscriptionId,
    workspaceId,
    payload: row.payload as WebhookPayload,
    now,
  });
}

export async function listDeliveries(db: Executor, workspaceId: string, subscriptionId: string, limit = 50) {
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.subscriptionId, subscriptionId),
        eq(webhookDeliveries.workspaceId, workspaceId),
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
  return rows.map(({ payload, subscriptionId: _s, workspaceId: _w, ...rest }) => ({
    ...rest,
    failureReason: webhookFailureReason(rest.statusCode, rest.lastError),
    eventId: String((payload as WebhookPayload).id),
  }));
}

/** What the job needs for one attempt; null when there is nothing to send any more. */
export async function loadForAttempt(db: Executor, deliveryId: string) {
  const [row] = await db
    .select({ delivery: webhookDeliveries, subscription: webhookSubscriptions })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!row || row.delivery.status !== 'pending' || !row.subscription.enabled) return null;
  return row;
}

export interface AttemptOutcome {
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

export async function recordSuccess(
  db: Db,
  deliveryId: string,
  subscriptionId: string,
  outcome: AttemptOutcome,
  now: Date,
) {
  await db.transaction(async (tx) => {
    await tx
      .update(webhookDeliveries)
      .set({
        status: 'delivered',
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        statusCode: outcome.statusCode,
        durationMs: outcome.durationMs,
        lastError: null,
        lastAttemptAt: now,
        deliveredAt: now,
      })
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, 'pending')));
    await tx
      .update(webhookSubscriptions)
      .set({ consecutiveFailures: 0 })
      .where(eq(webhookSubscriptions.id, subscriptionId));
  });
}

/**
 * Logs a failed attempt. The subscription's run of failures grows in the same statement (no lost
 * update between concurrent deliveries); reaching the limit turns it off and tells the owners once.
 */
export async function recordFailure(
  db: Db,
  input: { deliveryId: string; subscriptionId: string; outcome: AttemptOutcome; last: boolean; now: Date },
): Promise<{ disabled: boolean }> {
  return db.transaction(async (tx) => {
    const { outcome, now } = input;
    await tx
      .update(webhookDeliveries)
      .set({
        status: input.last ? 'failed' : 'pending',
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        statusCode: outcome.statusCode,
        durationMs: outcome.durationMs,
        lastError: outcome.error?.slice(0, 500) ?? null,
        lastAttemptAt: now,
      })
      .where(and(eq(webhookDeliveries.id, input.deliveryId), eq(webhookDeliveries.status, 'pending')));
    const [sub] = await tx
      .update(webhookSubscriptions)
      .set({ consecutiveFailures: sql`${webhookSubscriptions.consecutiveFailures} + 1` })
      .where(eq(webhookSubscriptions.id, input.subscriptionId))
      .returning();
    if (!sub || !sub.enabled || sub.consecutiveFailures < WEBHOOK_DISABLE_AFTER_FAILURES)
      return { disabled: false };
    await tx
      .update(webhookSubscriptions)
      .set({ enabled: false, disabledAt: now })
      .where(eq(webhookSubscriptions.id, sub.id));
    await recordNotificationEvent(tx, {
      workspaceId: sub.workspaceId,
      kind: 'webhook_disabled',
      params: { url: sub.url, failures: sub.consecutiveFailures },
      dedupeKey: `${sub.id}:${now.toISOString()}`,
    });
    return { disabled: true };
  });
}

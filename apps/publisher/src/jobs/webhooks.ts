// The "webhook.deliver" job: one signed POST of a delivery's payload to its subscription's URL
// through the SSRF-safe client (every resolved address checked at connect time), no redirects
// followed (a receiver answers at the URL it gave), bounded in time and answer size. A 2xx is
// delivered; anything else is logged and retried with backoff by the shared runner; a long run
// of failures turns the subscription off (deliveries.ts).
import type { Db } from '@cadence/db';
import {
  loadForAttempt,
  recordFailure,
  recordSuccess,
  WEBHOOK_JOB,
} from '@cadence/domain/webhooks/deliveries';
import { WEBHOOK_MAX_ATTEMPTS } from '@cadence/domain/webhooks/schemas';
import { webhookSecretOf } from '@cadence/domain/webhooks/subscriptions';
import type { KeyRing } from '@cadence/domain/security/secret-box';
import { safeRequest, signWebhook, WEBHOOK_HEADERS } from '@cadence/networks';
import type { BackoffPolicy, JobRunner } from '@cadence/jobs';
import type { PublisherLogger } from '../deps';

export const WEBHOOK_TIMEOUT_MS = 10_000;

export function registerWebhooks(
  runner: JobRunner,
  input: {
    db: Db;
    keyRing: KeyRing;
    clock: () => Date;
    logger: PublisherLogger;
    allowPrivateNetworkUrls: boolean;
    /** Tests shorten the waits between attempts. */
    backoff?: BackoffPolicy;
  },
): void {
  const { db, keyRing, clock, logger } = input;
  runner.register<{ deliveryId: string }>(WEBHOOK_JOB, {
    concurrency: 4,
    backoff: input.backoff ?? { baseMs: 10_000, maxMs: 3_600_000 },
    run: async ({ deliveryId }, ctx) => {
      const row = await loadForAttempt(db, deliveryId);
      if (!row) return;
      const { delivery, subscription } = row;
      const body = JSON.stringify(delivery.payload);
      const timestamp = Math.floor(clock().getTime() / 1000);
      const started = performance.now();
      let statusCode: number | null = null;
      let error: string | null = null;
      try {
        const response = await safeRequest(
          subscription.url,
          {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'user-agent': 'Cadence-Webhooks/1',
              [WEBHOOK_HEADERS.delivery]: String(delivery.payload.id),
              [WEBHOOK_HEADERS.timestamp]: String(timestamp),
              [WEBHOOK_HEADERS.signature]: signWebhook(
                webhookSecretOf(keyRing, subscription),
                timestamp,
                body,
              ),
              'x-cadence-event': delivery.kind,
            },
            body,
          },
          {
            allowPrivateNetworkUrls: input.allowPrivateNetworkUrls,
            timeoutMs: WEBHOOK_TIMEOUT_MS,
            maxResponseBytes: 64 * 1024,
            maxRedirects: 0,
          },
        );
        statusCode = response.status;
        if (response.status < 200 || response.status >= 300) error = `answered ${response.status}`;
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      const outcome = { statusCode, durationMs: Math.round(performance.now() - started), error };
      if (!error) {
        await recordSuccess(db, delivery.id, subscription.id, outcome, clock());
        return;
      }
      const last = ctx.attempt >= WEBHOOK_MAX_ATTEMPTS;
      const { disabled } = await recordFailure(db, {
        deliveryId: delivery.id,
        subscriptionId: subscription.id,
        outcome,
        last,
        now: clock(),
      });
      if (disabled) logger.warn({ webhookId: subscription.id }, 'webhook turned off after repeated failures');
      // Thrown so the runner retries with backoff (or records the job failed after the last attempt).
      throw new Error(`webhook delivery failed: ${error}`);
    },
  });
}

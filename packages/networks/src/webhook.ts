// The webhook network: POSTs each post as JSON to the channel's URL, signed with HMAC-SHA256 over
// "<timestamp>.<body>" with the channel's secret. The delivery id is the target id and stays the
// same across retries, so a receiver that keeps the ids it has seen never shows a post twice;
// that is why retrying after an unclear outcome is safe here.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DEFAULT_SEND_LIMITS } from '@cadence/domain/publishing/send-limits';
import { safeExternalUrl } from '@cadence/domain/publishing/external-url';
import { classifyHttpStatus } from '@cadence/domain/publishing/failure';
import { z } from 'zod';
import type { NetworkAdapter, PublishRequest } from './adapter';
import { NetworkError } from './errors';
import { type SafeHttpOptions, safeRequest } from './safe-http';

export const WEBHOOK_HEADERS = {
  delivery: 'x-cadence-delivery',
  timestamp: 'x-cadence-timestamp',
  signature: 'x-cadence-signature',
} as const;

/** 100 deliveries per second per channel unless the channel says otherwise (README, "Sending limits"). */
const WEBHOOK_DEFAULT_LIMIT = DEFAULT_SEND_LIMITS.webhook;

export const webhookCredentialsSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  secret: z.string().min(16).max(512),
});

// A receiver's answer is read defensively (SECURITY.md item 10): only these fields, if well-formed.
const receiverAnswerSchema = z.object({
  id: z.string().min(1).max(200).optional(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
});

// Checked once per credentials object: the publisher opens a channel's credentials once per batch
// and gives that same object (never changed) to every target of the channel (decision 0312).
const checkedCredentials = new WeakMap<object, ReturnType<typeof webhookCredentialsSchema.safeParse>>();

function credentialsOf(value: unknown) {
  if (typeof value !== 'object' || value === null) return webhookCredentialsSchema.safeParse(value);
  let checked = checkedCredentials.get(value);
  if (!checked) {
    checked = webhookCredentialsSchema.safeParse(value);
    checkedCredentials.set(value, checked);
  }
  return checked;
}

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** For receivers (and tests): checks the signature and that the timestamp is recent. */
export function verifyWebhookSignature(input: {
  secret: string;
  timestamp: string;
  signature: string;
  body: string;
  now: Date;
  toleranceSeconds?: number;
}): boolean {
  const ts = Number(input.timestamp);
  if (!Number.isInteger(ts)) return false;
  if (Math.abs(input.now.getTime() / 1000 - ts) > (input.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(input.secret, ts, input.body));
  const given = Buffer.from(input.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function webhookPayload(request: PublishRequest, sentAt: Date) {
  return {
    deliveryId: request.targetId,
    event: 'post.published',
    sentAt: sentAt.toISOString(),
    workspaceId: request.workspaceId,
    channelId: request.channelId,
    post: {
      id: request.postId,
      text: request.text,
      link: request.link,
      media: request.media,
      firstComment: request.firstComment,
      scheduledAt: request.scheduledAt.toISOString(),
    },
  };
}

export function createWebhookAdapter(deps: { http: SafeHttpOptions; clock?: () => Date }): NetworkAdapter {
  const clock = deps.clock ?? (() => new Date());
  return {
    network: 'webhook',
    capabilities: { canFindExisting: false, idempotentRetry: true },
    // The receiver is the user's own system: a default that keeps a small one standing, and each
    // channel may set its own (channels.send_limit). Connections are reused, at most a few per origin.
    rateLimit: { perChannel: WEBHOOK_DEFAULT_LIMIT },
    async publish(request, signal) {
      const credentials = credentialsOf(request.credentials);
      if (!credentials.success) {
        throw new NetworkError('auth_revoked', 'The webhook channel has no valid URL and secret');
      }
      const now = clock();
      const timestamp = Math.floor(now.getTime() / 1000);
      const body = JSON.stringify(webhookPayload(request, now));
      const response = await safeRequest(
        credentials.data.url,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Cadence-Webhook/1',
            [WEBHOOK_HEADERS.delivery]: request.targetId,
            [WEBHOOK_HEADERS.timestamp]: String(timestamp),
            [WEBHOOK_HEADERS.signature]: signWebhook(credentials.data.secret, timestamp, body),
          },
          body,
        },
        { maxResponseBytes: 64 * 1024, timeoutMs: 15_000, maxRedirects: 0, ...deps.http },
        signal,
      );
      const retryAfter = response.headers['retry-after'];
      const failed = classifyHttpStatus(response.status, {
        now: clock(),
        retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined,
        bodyHint: response.status >= 400 ? response.body.slice(0, 200) : undefined,
      });
      if (failed) throw NetworkError.from(failed);
      if (response.status >= 300)
        throw new NetworkError('permanent', `The webhook answered HTTP ${response.status}`);
      const answer = receiverAnswerSchema.safeParse(safeJson(response.body));
      return {
        externalId: (answer.success && answer.data.id) || request.targetId,
        // The receiver may link anywhere (it is the user's own system), but only over http(s).
        externalUrl: answer.success ? safeExternalUrl(answer.data.url) : null,
      };
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

// Shapes of outgoing webhooks: subscriptions, the delivery log and the payload receivers get.
import {
  NOTIFICATION_KINDS,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_FAILURE_REASONS,
  WEBHOOK_TEST_EVENT,
} from '@cadence/names';
import { z } from 'zod';

/** Subscriptions per workspace: bounds the fan-out of one event. */
export const MAX_WEBHOOKS_PER_WORKSPACE = 20;
/** Failed attempts in a row (any delivery) before a subscription is turned off and owners told. */
export const WEBHOOK_DISABLE_AFTER_FAILURES = 15;
/** Attempts per delivery (backoff 10 s doubling, at most 1 h apart). */
export const WEBHOOK_MAX_ATTEMPTS = 6;
/** Receivers should refuse a timestamp older than this (replay protection; docs/webhooks.md). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

const kindsSchema = z
  .array(z.enum(NOTIFICATION_KINDS))
  .min(1, 'must name at least one event kind')
  .max(NOTIFICATION_KINDS.length)
  .refine((kinds) => new Set(kinds).size === kinds.length, { message: 'must not repeat a kind' });

const urlSchema = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000);

export const webhookCreateSchema = z.strictObject({ url: urlSchema, kinds: kindsSchema });
export const webhookUpdateSchema = z.strictObject({
  url: urlSchema.optional(),
  kinds: kindsSchema.optional(),
  /** true turns a disabled subscription back on (its failure count starts again from 0). */
  enabled: z.boolean().optional(),
});

export const webhookSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  kinds: z.array(z.enum(NOTIFICATION_KINDS)),
  enabled: z.boolean(),
  consecutiveFailures: z.number().int(),
  disabledAt: z.date().nullable(),
  createdAt: z.date(),
});
/** The create answer, the only one that carries the signing secret. */
export const webhookCreatedSchema = webhookSchema.extend({ secret: z.string() });

export const webhookDeliverySchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  statusCode: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  /** The last attempt's error as logged (for whoever debugs the receiver). */
  lastError: z.string().nullable(),
  /** The same, as a reason the log words in the reader's language; null when nothing failed. */
  failureReason: z.enum(WEBHOOK_FAILURE_REASONS).nullable(),
  lastAttemptAt: z.date().nullable(),
  deliveredAt: z.date().nullable(),
  createdAt: z.date(),
  /** The event id receivers use to drop repeats: the same on a redelivery. */
  eventId: z.string(),
});

/** What a receiver gets as the JSON body (documented in the OpenAPI components and docs/webhooks.md). */
export const webhookPayloadSchema = z
  .object({
    id: z.string().describe('The event id: the same on every retry and redelivery; keep it to drop repeats'),
    event: z.union([z.enum(NOTIFICATION_KINDS), z.literal(WEBHOOK_TEST_EVENT)]),
    workspaceId: z.uuid(),
    occurredAt: z.string().describe('ISO 8601, UTC'),
    data: z.object({
      postId: z.uuid().nullable(),
      channelId: z.uuid().nullable(),
      params: z
        .record(z.string(), z.union([z.string(), z.number(), z.null()]))
        .describe('Details by kind: role, channel name, network...'),
    }),
  })
  .meta({
    id: 'WebhookPayload',
    description:
      'The JSON body POSTed to a webhook subscription. Headers: X-Cadence-Event (the kind), X-Cadence-Delivery (the event id), ' +
      'X-Cadence-Timestamp (Unix seconds) and X-Cadence-Signature: "sha256=" + hex HMAC-SHA256 of "<timestamp>.<raw body>" with the ' +
      'subscription secret. Refuse a timestamp more than 300 s from your clock (replay) and compare signatures in constant time. ' +
      'Answer 2xx within 10 s; anything else (redirects included) is retried with backoff, 6 attempts.',
  });
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

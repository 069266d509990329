// The OpenAPI document's `webhooks` section (OpenAPI 3.1): one entry per event a subscription can
// receive, each the POST Cadence makes to the subscriber's URL, with the WebhookPayload body (its
// `event` fixed to the kind) and the signature headers. Receivers can generate their handler types
// from it as clients do from `paths`; docs/webhooks.md explains verifying the signature.
import { type NotificationKind, NOTIFICATION_KINDS, WEBHOOK_TEST_EVENT } from '@cadence/names';
import type { OpenAPIV3_1 } from 'openapi-types';

type WebhookEvent = NotificationKind | typeof WEBHOOK_TEST_EVENT;

/** When each is sent, and what `data` carries beyond postId/channelId. */
const WHEN: Record<WebhookEvent, string> = {
  post_submitted: 'A post was submitted for review. data.postId; the actor is the author.',
  changes_requested: 'A reviewer asked for changes on a post. data.postId.',
  post_approved: 'A post was approved. data.postId.',
  post_scheduled: 'A post was scheduled. data.postId.',
  post_rejected: 'A post was rejected. data.postId.',
  comment: 'Someone commented on a post. data.postId; data.params.commentId.',
  mention: 'Someone was mentioned in a comment. data.postId; data.params.commentId.',
  post_published: 'Every network of a post published it. data.postId.',
  post_partly_published: 'Some networks of a post published it, others failed. data.postId.',
  post_failed:
    'Publishing a post failed on every network (also sent when it missed its time; people are told "missed"). data.postId.',
  post_outcome_unknown:
    'Cadence could not tell whether a post went out on a channel (check the network). data.postId, data.channelId.',
  post_missed: 'A post missed its time and nothing was sent. data.postId.',
  channel_reconnect: 'A channel needs to be reconnected (its token was refused). data.channelId.',
  token_expiring:
    'A channel’s connection expires within 7 days. data.channelId; data.params.channel (name), data.params.expiresAt (ISO 8601).',
  publisher_stalled:
    'Posts are due and no publisher process is running. data.params.since (ISO 8601, when the oldest waits from).',
  role_changed: 'A member’s role changed. data.params.role (owner, manager, editor or viewer).',
  webhook_disabled:
    'A webhook subscription was turned off after 15 failed attempts in a row. data.params.url, data.params.failures.',
  inbox_assigned:
    'A community conversation was assigned to a member. data.channelId; data.params.itemId, data.params.author, data.params.channel.',
  inbox_reply_submitted:
    'An inbox reply waits for a manager’s approval. data.channelId; data.params.itemId, data.params.replyId, data.params.author.',
  inbox_reply_approved:
    'A manager approved an inbox reply; it goes to the network. data.channelId; data.params.itemId, data.params.replyId, data.params.author.',
  inbox_reply_returned:
    'A manager sent an inbox reply back to its author with a comment; it is not sent. data.channelId; data.params.itemId, data.params.replyId, data.params.author.',
  [WEBHOOK_TEST_EVENT]: 'Sent by "Send test event" (POST …/webhooks/{webhookId}/test); data is empty.',
};

const header = (name: string, description: string): OpenAPIV3_1.ParameterObject => ({
  name,
  in: 'header',
  required: true,
  description,
  schema: { type: 'string' },
});

const HEADERS = [
  header('X-Cadence-Event', 'The event kind, as in the body’s `event`'),
  header('X-Cadence-Delivery', 'The event id, as in the body’s `id`: the same on every retry and redelivery'),
  header(
    'X-Cadence-Timestamp',
    'When this attempt was signed, Unix seconds: refuse one more than 300 s away',
  ),
  header(
    'X-Cadence-Signature',
    '"sha256=" + hex HMAC-SHA256 of "<timestamp>.<raw body>" with the subscription secret; compare in constant time',
  ),
];

export function webhookOperations(): Record<string, OpenAPIV3_1.PathItemObject> {
  const events: WebhookEvent[] = [...NOTIFICATION_KINDS, WEBHOOK_TEST_EVENT];
  return Object.fromEntries(
    events.map((event) => [
      event,
      {
        post: {
          operationId: `webhook_${event}`,
          tags: ['webhooks'],
          summary: WHEN[event],
          description:
            'POSTed to each enabled subscription to this kind. Answer 2xx within 10 s; anything else (redirects included) ' +
            'is retried with backoff (10 s doubling, at most 1 h apart, 6 attempts) and logged in the delivery log.',
          parameters: HEADERS,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  allOf: [
                    { $ref: '#/components/schemas/WebhookPayload' },
                    { type: 'object', properties: { event: { const: event } } },
                  ],
                },
              },
            },
          },
          responses: {
            '2XX': { description: 'Delivered' },
            default: { description: 'Not delivered: retried with backoff' },
          },
        },
      },
    ]),
  );
}

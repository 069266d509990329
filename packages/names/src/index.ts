// Every closed list of names Cadence uses, defined once. No imports: the browser, the domain's zod
// schemas and the database's enums all derive from these, so the lists cannot drift apart.

/** Networks a channel can be on. Order is the order pickers show. */
export const NETWORKS = [
  'mastodon',
  'bluesky',
  'linkedin',
  'x',
  'facebook',
  'instagram',
  'threads',
  'webhook',
  'sandbox',
] as const;
export type Network = (typeof NETWORKS)[number];

export const CHANNEL_STATUSES = ['connected', 'needs_reconnect', 'disconnected'] as const;
export type ChannelStatus = (typeof CHANNEL_STATUSES)[number];

export const ROLES = ['owner', 'manager', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Whose posts wait for approval: nobody; editors and API tokens (the default, managers and owners
 * publish directly); everyone except owners; everyone.
 */
export const APPROVAL_SCOPES = ['nobody', 'editors_and_tokens', 'all_but_owners', 'everyone'] as const;
export type ApprovalScope = (typeof APPROVAL_SCOPES)[number];

export const POST_STATUSES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'publishing',
  'published',
  'partially_published',
  'failed',
  'cancelled',
] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

/** The publishing ledger of one target. `sending` is committed before the network is called. */
export const TARGET_STATUSES = [
  'pending', // the post is not scheduled yet
  'scheduled',
  'claimed',
  'sending',
  'published',
  'failed',
  'unknown', // the worker died mid-call and the network cannot tell: a person decides
  'held', // a send-time check failed (approval dropped, channel disconnected, charter): reason in last_error
  'missed', // came due while no publisher ran, beyond the grace period
  'cancelled',
] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export const CAMPAIGN_STATUSES = ['planned', 'active', 'completed', 'archived'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const MEDIA_KINDS = ['image', 'video', 'gif'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** A background job's life on the job runner (packages/jobs): queued -> running -> done | failed. */
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * What a person can be told about (issue 15). The in-app list, the emails, the preferences page
 * and the database enum all derive from this list; the words live in the catalogues.
 */
export const NOTIFICATION_KINDS = [
  'post_submitted', // to the approvers
  'changes_requested', // to the author
  'post_approved',
  'post_scheduled',
  'post_rejected',
  'comment', // to the post's participants
  'mention', // to the mentioned member
  'post_published', // to the author and the managers
  'post_partly_published',
  'post_failed',
  'post_outcome_unknown',
  'post_missed',
  'channel_reconnect', // to managers and owners
  'token_expiring',
  'publisher_stalled', // to owners
  'role_changed', // to the person
  'webhook_disabled', // to owners
  'inbox_assigned', // to the member an inbox item was assigned to
  'inbox_reply_submitted', // to managers: a reply waits for their approval
  'inbox_reply_approved', // to the reply's author: approved, on its way
  'inbox_reply_returned', // to the reply's author: sent back with a comment
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Outgoing webhooks (issue 15): a workspace subscribes URLs to the NOTIFICATION_KINDS (the events
 * its members can be told about; one list, not an alias of it), plus the test event its owners
 * send from the settings.
 */
export const WEBHOOK_TEST_EVENT = 'webhook_test';
/** A delivery's life: pending (queued or retrying) -> delivered | failed (attempts exhausted). */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
/** Why a webhook attempt failed, in words a person reads (the delivery log), never the raw text. */
export const WEBHOOK_FAILURE_REASONS = [
  'http_status',
  'redirect',
  'timeout',
  'unreachable',
  'private_address',
  'too_large',
  'no_answer',
] as const;
export type WebhookFailureReason = (typeof WEBHOOK_FAILURE_REASONS)[number];

/** How a member wants to hear about one kind. The digest is a separate, per-member choice. */
export const NOTIFICATION_DELIVERIES = ['in_app', 'email', 'both', 'off'] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];

/** An email's life in the outbox: queued -> sending -> sent; held when no SMTP is configured. */
export const EMAIL_STATUSES = ['queued', 'sending', 'sent', 'held', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/**
 * What an inbox item is (issue 16): a reply in a thread of ours, a mention of our account, a quote
 * of one of our posts, or a comment under one of our posts (networks that call replies comments).
 */
export const INBOX_ITEM_KINDS = ['reply', 'mention', 'quote', 'comment'] as const;
export type InboxItemKind = (typeof INBOX_ITEM_KINDS)[number];

/** Where an inbox item stands: open (to answer), waiting (on someone else), done. */
export const INBOX_STATUSES = ['open', 'waiting', 'done'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

/**
 * A reply sent from Cadence, through its own send ledger: `sending` is committed before the call.
 * With reply approval on, an editor's reply starts `pending_approval`; a manager moves it to
 * `queued` (approved) or `returned` (sent back with a comment, never sent).
 */
export const INBOX_REPLY_STATUSES = [
  'pending_approval',
  'returned',
  'queued',
  'sending',
  'sent',
  'failed',
] as const;
export type InboxReplyStatus = (typeof INBOX_REPLY_STATUSES)[number];

/** Inbox list orders: newest first, or the longest-waiting open/waiting items first. */
export const INBOX_ORDERS = ['newest', 'oldest_waiting'] as const;
export type InboxOrder = (typeof INBOX_ORDERS)[number];

/**
 * Figures pulled back from the networks for a published target (issue 17). Mastodon: replies,
 * boosts (reposts), favourites (likes); Bluesky: replies, reposts, likes, quotes. A network that
 * gives no figure for a name has no point stored: reports say "not available", never zero.
 */
export const METRIC_NAMES = ['replies', 'reposts', 'likes', 'quotes'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/**
 * Why a connection through a network's sign-in page did not finish, as the callback tells the
 * browser (`/channels?connectError=…`); the web app words each. `denied`: the person (or the
 * network) did not authorise; `expired`: the request is unknown, used or too old; `forbidden`: it
 * was started by someone else, or the role no longer allows it; the next three come from the
 * network's answer; `not_configured`: this server has no client for that network.
 */
export const CONNECT_CALLBACK_ERRORS = [
  'denied',
  'expired',
  'forbidden',
  'invalid_credentials',
  'network_refused',
  'network_unavailable',
  'not_configured',
] as const;
export type ConnectCallbackError = (typeof CONNECT_CALLBACK_ERRORS)[number];

/** How each network is written, in every language (brand names are not translated). */
export const NETWORK_LABELS: Record<Network, string> = {
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  linkedin: 'LinkedIn',
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  threads: 'Threads',
  webhook: 'Webhook',
  sandbox: 'Sandbox',
};

/**
 * The `error.code` of every API error answer: the domain's codes (mapped to HTTP statuses in one
 * table at the edge) and the ones the HTTP layer itself gives (router, body parser, malformed HTTP).
 */
export const DOMAIN_ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'precondition_required', // a write that must name the version it read named none: 428
  'unprocessable',
  'limit_reached',
  'rate_limited',
  'payload_too_large',
  'shutting_down', // the server is stopping: retry on another instance or in a moment
  'internal',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];
export const HTTP_ERROR_CODES = [
  'unsupported_media_type',
  'uri_too_long',
  'method_not_allowed',
  'not_acceptable',
  'request_timeout',
  'headers_too_large',
] as const;
export const ERROR_CODES = [...DOMAIN_ERROR_CODES, ...HTTP_ERROR_CODES] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What a 404 can be about; each has a sentence in the message catalogues. */
export const NOT_FOUND_THINGS = [
  'account',
  'api_token',
  'campaign',
  'channel',
  'charter_version',
  'delivery',
  'feed',
  'ics_feed',
  'inbox_item',
  'invitation',
  'media_item',
  'media_thumbnail',
  'member',
  'post',
  'reply',
  'revision',
  'route',
  'saved_reply',
  'target',
  'webhook',
  'workspace',
] as const;
export type NotFoundThing = (typeof NOT_FOUND_THINGS)[number];

/**
 * Every rule a charter check can report (a violation's `rule`). Campaign additions are prefixed
 * `campaign.`, a network's own limits `network.`; the catalogues name each for people.
 */
export const CHARTER_RULE_CODES = [
  'bannedPhrases',
  'requiredHashtags',
  'forbiddenHashtags',
  'maxHashtags',
  'maxMentions',
  'maxEmoji',
  'maxLength',
  'link',
  'postingWindows',
  'blackoutDates',
  'maxPostsPerDay',
  'maxPostsPerWeek',
  'minSpacingMinutes',
  'altText',
  'campaign.bannedPhrases',
  'campaign.requiredHashtags',
  'campaign.link',
  'network.maxLength',
  'network.maxBytes',
  'network.maxHashtags',
  'network.maxMentions',
  'network.maxLinks',
  'network.mediaRequired',
  'network.maxMedia',
  'network.mediaKind',
  'network.videoAlone',
  'network.mediaBytes',
  'network.mediaAspect',
  'network.videoLength',
  'schedule.timezone',
  'schedule.invalidDate',
  'checker.tooCostly',
  'checker.failed',
] as const;
export type CharterRuleCode = (typeof CHARTER_RULE_CODES)[number];

/**
 * Why a channel's inbox cannot be read although the channel publishes: the network wants more
 * than the channel's access gives (X: reading mentions needs a paid API plan, Basic or above).
 * The sync stops asking and checks again a day later; the Channels screen says why.
 */
export const INBOX_UNAVAILABLE_REASONS = ['x_paid_tier'] as const;
export type InboxUnavailableReason = (typeof INBOX_UNAVAILABLE_REASONS)[number];

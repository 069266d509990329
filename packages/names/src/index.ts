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

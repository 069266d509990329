// Inbox rules shared by the routes and the sync (pure).
import type { Network } from '@cadence/names';

/** Networks whose conversations Cadence reads and answers today (adapters with an inbox side). */
export const INBOX_READY_NETWORKS: ReadonlySet<Network> = new Set<Network>([
  'mastodon',
  'bluesky',
  'facebook',
  'instagram',
  'threads',
  'x',
  'linkedin',
]);

/** The job kinds of the inbox on the shared runner. */
export const INBOX_SYNC_JOB = 'inbox.sync';
export const INBOX_REPLY_JOB = 'inbox.reply';
export const INBOX_PURGE_JOB = 'inbox.purge-channel';
export const INBOX_LIKE_JOB = 'inbox.like';
export const INBOX_HIDE_JOB = 'inbox.hide';

/** How often each channel is synced; a run holds its channel longer than this (sync-channel.ts). */
export const INBOX_SYNC_EVERY_MS = 2 * 60_000;

/** At most a year ahead: a snooze is a reminder, not an archive. */
export const MAX_SNOOZE_MS = 366 * 24 * 3600_000;

// An inbox item as the API answers it, for the screen's tests: a Mastodon reply, nothing done yet.
import type { InboxItem } from './inbox-queries';

export const testInboxItem = (over: Partial<InboxItem> = {}): InboxItem => ({
  id: '33333333-3333-4333-8333-333333333333',
  channelId: '55555555-5555-4555-8555-555555555555',
  network: 'mastodon',
  kind: 'reply',
  author: { handle: 'fan@example.social', name: 'A Fan', avatarUrl: null },
  text: 'Love it',
  language: 'en',
  createdAt: '2026-11-26T10:00:00.000Z',
  link: null,
  postId: null,
  status: 'open',
  snoozedUntil: null,
  assigneeUserId: null,
  firstResponseAt: null,
  resolvedAt: null,
  firstResponseWorkingMinutes: null,
  resolutionWorkingMinutes: null,
  pastTarget: false,
  canReply: true,
  like: { state: 'none', error: null, onNetwork: false },
  likeUnsupported: null,
  hide: { state: 'visible', error: null, onNetwork: false },
  hideUnsupported: 'not_in_api',
  ...over,
});

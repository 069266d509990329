// Who hears about what (issue 15), as pure rules: the fan-out loads the members and the post's
// people, these rules pick the recipients. The person who caused the event is never told about it.
import type { NotificationKind, Role } from '@cadence/names';

export interface MemberInfo {
  userId: string;
  role: Role;
  name: string;
  email: string;
}

export interface EventPeople {
  kind: NotificationKind;
  actorUserId: string | null;
  subjectUserId: string | null;
  /** The post's author, when the event is about a post. */
  authorUserId: string | null;
  /** Everyone who wrote in the post's conversation or acted on it (author, commenters, reviewers). */
  participantUserIds: readonly string[];
  /** Members named with @ in a comment. */
  mentionedUserIds: readonly string[];
}

const MANAGING: ReadonlySet<Role> = new Set(['owner', 'manager']);

function pick(kind: NotificationKind, members: readonly MemberInfo[], people: EventPeople): string[] {
  const managers = members.filter((m) => MANAGING.has(m.role)).map((m) => m.userId);
  const owners = members.filter((m) => m.role === 'owner').map((m) => m.userId);
  const author = people.authorUserId ? [people.authorUserId] : [];
  switch (kind) {
    case 'post_submitted':
    case 'inbox_reply_submitted':
      return managers;
    case 'changes_requested':
    case 'post_approved':
    case 'post_scheduled':
    case 'post_rejected':
      return author;
    case 'comment':
      // Mentioned people get the "mention" notification instead of this one.
      return people.participantUserIds.filter((id) => !people.mentionedUserIds.includes(id));
    case 'mention':
      return [...people.mentionedUserIds];
    case 'post_published':
    case 'post_partly_published':
    case 'post_failed':
    case 'post_outcome_unknown':
    case 'post_missed':
      return [...author, ...managers];
    case 'channel_reconnect':
    case 'token_expiring':
      return managers;
    case 'publisher_stalled':
    case 'webhook_disabled':
      return owners;
    case 'role_changed':
    case 'inbox_assigned':
    case 'inbox_reply_approved':
    case 'inbox_reply_returned':
      return people.subjectUserId ? [people.subjectUserId] : [];
  }
}

/** The members to notify: distinct, still members, never the actor. */
export function recipientsFor(members: readonly MemberInfo[], people: EventPeople): string[] {
  const isMember = new Set(members.map((m) => m.userId));
  const chosen = pick(people.kind, members, people).filter(
    (id) => isMember.has(id) && id !== people.actorUserId,
  );
  return [...new Set(chosen)];
}

/**
 * Members named in a comment: `@` followed by the local part of their email address or their name
 * written without spaces, case-insensitive ("@marie.dupont", "@MarieDupont").
 */
export function mentionedMembers(body: string, members: readonly MemberInfo[]): string[] {
  const handles = new Set(
    [...body.matchAll(/(?:^|[^\w@])@([\p{L}\p{N}._-]{1,64})/gu)].map((m) =>
      (m[1] ?? '').replace(/[._-]+$/u, '').toLowerCase(),
    ),
  );
  if (handles.size === 0) return [];
  return members
    .filter((m) => {
      const local = m.email.split('@')[0]?.toLowerCase() ?? '';
      const compact = m.name.replace(/\s+/gu, '').toLowerCase();
      return handles.has(local) || handles.has(compact);
    })
    .map((m) => m.userId);
}

// The calls that change a post. Plain async functions (not hooks) so a screen can chain them
// ("save, then submit") and react-query mutations can wrap them.
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Post, PostCreate, PostUpdate } from './post-queries';
import { announceSendLimits } from './send-limit-notices';

type Ids = { workspaceId: string; postId: string };
const path = ({ workspaceId, postId }: Ids) => ({ path: { workspaceId, postId } });

export async function createPost(workspaceId: string, body: PostCreate): Promise<Post> {
  return unwrap(
    await api.POST('/api/v1/workspaces/{workspaceId}/posts', { params: { path: { workspaceId } }, body }),
  );
}

export async function updatePost(ids: Ids, body: PostUpdate & { version: number }): Promise<Post> {
  return unwrap(
    await api.PATCH('/api/v1/workspaces/{workspaceId}/posts/{postId}', { params: path(ids), body }),
  );
}

export async function submitPost(ids: Ids, version: number): Promise<Post> {
  return unwrap(
    await api.POST('/api/v1/workspaces/{workspaceId}/posts/{postId}/submit', {
      params: path(ids),
      body: { version },
    }),
  );
}

export async function approvePost(
  ids: Ids,
  post: Pick<Post, 'version' | 'contentRevision'>,
  comment?: string,
) {
  return unwrap(
    await api.POST('/api/v1/workspaces/{workspaceId}/posts/{postId}/approve', {
      params: path(ids),
      body: { version: post.version, contentRevision: post.contentRevision, ...(comment ? { comment } : {}) },
    }),
  );
}

export async function requestChanges(ids: Ids, version: number, comment: string): Promise<Post> {
  return unwrap(
    await api.POST('/api/v1/workspaces/{workspaceId}/posts/{postId}/request-changes', {
      params: path(ids),
      body: { version, comment },
    }),
  );
}

/** A wall-clock time ("2026-03-04T14:30") in the workspace zone, or now. */
export type When = { local: string } | { publishNow: true };

async function schedulePost(ids: Ids, version: number, when: When): Promise<Post> {
  const post = unwrap(
    await api.POST('/api/v1/workspaces/{workspaceId}/posts/{postId}/schedule', {
      params: path(ids),
      body: { version, ...when },
    }),
  );
  announceSendLimits(post);
  return post;
}

export async function reschedulePost(ids: Ids, version: number, local: string): Promise<Post> {
  const post = unwrap(
    await api.POST('/api/v1/workspaces/{workspaceId}/posts/{postId}/reschedule', {
      params: path(ids),
      body: { version, local },
    }),
  );
  announceSendLimits(post);
  return post;
}

export async function unschedulePost(ids: Ids, version: number, backToDraft = false): Promise<Post> {
  return unwrap(
    await api.POST('/api/v1/workspaces/{workspaceId}/posts/{postId}/unschedule', {
      params: path(ids),
      body: backToDraft ? { version, backToDraft } : { version },
    }),
  );
}

export async function cancelPost(ids: Ids, version: number): Promise<Post> {
  return unwrap(
    await api.POST('/api/v1/workspaces/{workspaceId}/posts/{postId}/cancel', {
      params: path(ids),
      body: { version },
    }),
  );
}

export async function addToQueue(ids: Ids, version: number): Promise<Post> {
  return unwrap(
    await api.POST('/api/v1/workspaces/{workspaceId}/posts/{postId}/queue', {
      params: path(ids),
      body: { version },
    }),
  );
}

export async function commentOnPost(ids: Ids, body: string) {
  return unwrap(
    await api.POST('/api/v1/workspaces/{workspaceId}/posts/{postId}/comments', {
      params: path(ids),
      body: { body },
    }),
  );
}

/**
 * Puts an approved (or, for a manager, a not-yet-approved) post at a time: schedule the first
 * time, reschedule when it is on the calendar already.
 */
export async function placePost(ids: Ids, post: Post, when: When): Promise<Post> {
  if (post.status === 'scheduled' && 'local' in when) return reschedulePost(ids, post.version, when.local);
  return schedulePost(ids, post.version, when);
}

/** Sets (or, with null, takes away) the proposed time of a post not yet scheduled. */
export async function proposeTime(ids: Ids, version: number, local: string | null): Promise<Post> {
  return updatePost(ids, { version, requestedSchedule: local === null ? null : { local } });
}

export async function duplicatePost(ids: Ids): Promise<Post> {
  return unwrap(
    await api.POST('/api/v1/workspaces/{workspaceId}/posts/{postId}/duplicate', { params: path(ids) }),
  );
}

/** Deletes for good; the version read guards against deleting what someone just changed. */
export async function deletePost(ids: Ids, version: number): Promise<void> {
  unwrap(
    await api.DELETE('/api/v1/workspaces/{workspaceId}/posts/{postId}', {
      params: path(ids),
      headers: { 'if-match': `"${version}"` },
    }),
  );
}

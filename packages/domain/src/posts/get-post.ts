import type { Actor } from '../accounts/actor';
import type { PostDeps } from './deps';
import { findPost } from './post-store';
import { toPostView } from './post-view';
import type { PostView } from './schemas';
import { assertRole } from './workflow';

/** One post with its targets, the approvals of its current revision and its comments counted. */
export async function getPost(deps: PostDeps, actor: Actor, postId: string): Promise<PostView> {
  assertRole(actor.role, 'read');
  return toPostView(deps.db, await findPost(deps.db, actor.workspaceId, postId));
}

// The count on the rail's Review link: for managers, posts waiting for their decision (in review,
// written by someone else); for editors, their own posts sent back for changes.
import { useTranslation } from 'react-i18next';
import { roleAtLeast } from '../../ui/roles';
import { usePostList } from '../posts/post-queries';
import { useCurrentWorkspace } from '../session/current-workspace';

export function reviewCount(
  posts: readonly { author: { userId: string | null } }[] | undefined,
  userId: string,
  mine: boolean,
): number {
  return (posts ?? []).filter((p) => (p.author.userId === userId) === mine).length;
}

export function ReviewBadge() {
  const { t } = useTranslation();
  const { workspace, session } = useCurrentWorkspace();
  const isManager = roleAtLeast(workspace.role, 'manager');
  const isEditor = roleAtLeast(workspace.role, 'editor');
  const waiting = usePostList(workspace.id, { status: 'in_review' }, isManager);
  const sentBack = usePostList(workspace.id, { status: 'changes_requested' }, isEditor && !isManager);
  const count = isManager
    ? reviewCount(waiting.data, session.user.id, false)
    : reviewCount(sentBack.data, session.user.id, true);
  if (count === 0) return null;
  return (
    <span className="rail-badge" data-testid="review-badge">
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{t('postControl.reviewBadge', { count })}</span>
    </span>
  );
}

// Full control of a post, the same buttons wherever the post is: its page, the calendar's hover card
// and the composer. Each button shows only when the server would accept it (post-permissions.ts is
// the very rule the API enforces); destructive ones confirm first. Delete and cancel say what they do.
import { mayRun, type PostCommand } from '@cadence/domain/posts/post-permissions';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { useToast } from '../../ui/toast';
import { useApiErrorText } from '../../ui/use-api-error-text';
import { useCurrentWorkspace } from '../session/current-workspace';
import { cancelPost, deletePost, duplicatePost, proposeTime, unschedulePost } from './post-actions';
import { type Post, useRefreshPosts } from './post-queries';

export type PostFactsSource = Pick<
  Post,
  'id' | 'status' | 'targets' | 'approvalsRequired' | 'author' | 'schedule' | 'version'
>;

/** What the signed-in person may do with this post, by the server's own rules. */
export function usePostPermissions(post: PostFactsSource) {
  const { workspace, session } = useCurrentWorkspace();
  const facts = {
    status: post.status,
    targetStatuses: post.targets.map((t) => t.status),
    approvalsRequired: post.approvalsRequired,
    isAuthor: post.author.userId !== null && post.author.userId === session.user.id,
  };
  return (command: PostCommand) => mayRun(workspace.role, facts, command);
}

interface PostCommandsProps {
  post: PostFactsSource;
  /** Where to go once the post is gone (deleted); stays put when absent. */
  afterDelete?: string;
  /** Called after any change, with the post as it now is (null once deleted). */
  onChanged?: (post: Post | null) => void;
  compact?: boolean;
}

export function PostCommands({ post, afterDelete, onChanged, compact }: PostCommandsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const errorText = useApiErrorText();
  const { workspace } = useCurrentWorkspace();
  const refresh = useRefreshPosts(workspace.id);
  const may = usePostPermissions(post);
  const [busy, setBusy] = useState(false);
  const ids = { workspaceId: workspace.id, postId: post.id };

  const run = async (work: () => Promise<Post | null>, done: string) => {
    setBusy(true);
    try {
      const result = await work();
      refresh(result ?? undefined);
      onChanged?.(result);
      toast({ kind: 'success', message: done });
      return { ok: true as const, post: result };
    } catch (e) {
      toast({ kind: 'error', message: errorText(e) });
      refresh();
      return { ok: false as const, post: null };
    } finally {
      setBusy(false);
    }
  };

  const unschedule = may('unschedule');
  const clearDate = !unschedule && post.schedule !== null && may('propose_time');
  const buttonClass = compact ? 'btn btn-small' : 'btn';
  return (
    <div className="button-group post-commands">
      {unschedule && (
        <button
          type="button"
          className={buttonClass}
          disabled={busy}
          onClick={() => void run(() => unschedulePost(ids, post.version), t('postControl.unscheduled'))}
        >
          {t('postControl.unschedule')}
        </button>
      )}
      {clearDate && (
        <button
          type="button"
          className={buttonClass}
          disabled={busy}
          onClick={() => void run(() => proposeTime(ids, post.version, null), t('postControl.dateCleared'))}
        >
          {t('postControl.clearDate')}
        </button>
      )}
      {may('duplicate') && (
        <button
          type="button"
          className={buttonClass}
          disabled={busy}
          onClick={async () => {
            const copy = await run(() => duplicatePost(ids), t('postControl.duplicated'));
            if (copy.post) void navigate(`/posts/${copy.post.id}/edit`);
          }}
        >
          {t('postControl.duplicate')}
        </button>
      )}
      {may('cancel') && (
        <ConfirmDialog
          trigger={
            <button type="button" className={buttonClass} disabled={busy}>
              {t('postControl.cancel')}
            </button>
          }
          title={t('postControl.cancelTitle')}
          body={<p>{t('postControl.cancelBody')}</p>}
          confirmLabel={t('postControl.cancelConfirm')}
          onConfirm={() => void run(() => cancelPost(ids, post.version), t('postControl.cancelled'))}
        />
      )}
      {may('delete') && (
        <ConfirmDialog
          trigger={
            <button type="button" className={`${buttonClass} btn-danger`} disabled={busy}>
              {t('common.delete')}
            </button>
          }
          title={t('postControl.deleteTitle')}
          body={<p>{t('postControl.deleteBody')}</p>}
          confirmLabel={t('postControl.deleteConfirm')}
          onConfirm={async () => {
            const result = await run(async () => {
              await deletePost(ids, post.version);
              return null;
            }, t('postControl.deleted'));
            if (result.ok && afterDelete) void navigate(afterDelete);
          }}
        />
      )}
    </div>
  );
}

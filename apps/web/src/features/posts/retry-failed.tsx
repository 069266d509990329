// "Retry failed targets": sends again only what failed, was missed or was held (the API never
// re-sends a published target). Disabled while the retry runs.
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { InlineError } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { type Post, useRefreshPosts } from './post-queries';

const RETRYABLE = new Set(['failed', 'missed', 'held']);

export function RetryFailed({ workspaceId, post }: { workspaceId: string; post: Post }) {
  const { t } = useTranslation();
  const toast = useToast();
  const refresh = useRefreshPosts(workspaceId);
  const retry = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/workspaces/{workspaceId}/posts/{postId}/retry', {
          params: { path: { workspaceId, postId: post.id } },
        }),
      ),
    onSuccess: (result) => {
      toast({ kind: 'success', message: t('post.retried', { count: result.retried.length }) });
      refresh();
    },
  });
  const failed = post.targets.filter((x) => RETRYABLE.has(x.status));
  if (failed.length === 0) return null;
  return (
    <div className="retry">
      <button
        type="button"
        className="btn btn-primary"
        disabled={retry.isPending}
        onClick={() => retry.mutate()}
      >
        {retry.isPending ? t('post.retrying') : t('post.retryFailed', { count: failed.length })}
      </button>
      <InlineError error={retry.error} />
    </div>
  );
}

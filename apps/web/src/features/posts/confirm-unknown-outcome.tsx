// A target whose outcome is unknown: the network never said whether the post went out. Says why, and
// lets a manager who looked on the network tell Cadence: published (with the live link if found) or
// not published (it then counts as failed and can be retried).
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { isApiError, unwrap } from '../../api/errors';
import { TextField } from '../../ui/field';
import { InlineError } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { type PostTarget, useRefreshPosts } from './post-queries';

type Outcome = 'published' | 'failed';

interface ConfirmUnknownOutcomeProps {
  workspaceId: string;
  postId: string;
  target: PostTarget;
  canConfirm: boolean;
}

export function ConfirmUnknownOutcome({
  workspaceId,
  postId,
  target,
  canConfirm,
}: ConfirmUnknownOutcomeProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const refresh = useRefreshPosts(workspaceId);
  const [url, setUrl] = useState('');
  const confirm = useMutation({
    mutationFn: async (outcome: Outcome) => {
      const externalUrl = url.trim();
      return unwrap(
        await api.POST('/api/v1/workspaces/{workspaceId}/posts/{postId}/targets/{targetId}/confirm', {
          params: { path: { workspaceId, postId, targetId: target.id } },
          body: outcome === 'published' && externalUrl ? { outcome, externalUrl } : { outcome },
        }),
      );
    },
    onSuccess: (_view, outcome) => {
      toast({
        kind: 'success',
        message:
          outcome === 'published' ? t('post.unknown.confirmedPublished') : t('post.unknown.confirmedFailed'),
      });
      refresh();
    },
    // Someone else answered first: show the target as it is now.
    onError: (e) => {
      if (isApiError(e, 409)) refresh();
    },
  });
  const urlError = isApiError(confirm.error, 400) ? confirm.error.fieldErrors.externalUrl : undefined;

  return (
    <div className="unknown-outcome">
      <p>{t('post.unknown.why')}</p>
      {target.lastError && (
        <details>
          <summary>{t('post.details')}</summary>
          <pre className="raw-error" lang="en" translate="no">
            {target.lastError}
          </pre>
        </details>
      )}
      {canConfirm ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            confirm.mutate('published');
          }}
        >
          <TextField
            type="url"
            inputMode="url"
            label={t('post.unknown.url')}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            error={urlError}
            placeholder="https://"
          />
          <div className="button-group">
            <button type="submit" className="btn btn-primary" disabled={confirm.isPending}>
              {t('post.unknown.published')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={confirm.isPending}
              onClick={() => confirm.mutate('failed')}
            >
              {t('post.unknown.notPublished')}
            </button>
          </div>
          {confirm.isPending && (
            <p className="muted" role="status">
              {t('post.unknown.saving')}
            </p>
          )}
          {!urlError && <InlineError error={confirm.error} />}
        </form>
      ) : (
        <p className="muted">{t('post.unknown.askManager')}</p>
      )}
    </div>
  );
}

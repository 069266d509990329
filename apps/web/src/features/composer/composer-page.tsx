// /posts/new?at=2026-03-04T14:30 and /posts/:postId/edit: loads what the composer needs first, so
// the form starts complete (no layout shift as channels or the charter arrive).
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { roleAtLeast } from '../../ui/roles';
import { ErrorState, Loading } from '../../ui/states';
import { parseLocalParam } from '../../ui/time';
import { useCampaigns } from '../campaigns/campaign-queries';
import { useChannels } from '../channels/channel-queries';
import { useCharter } from '../charter/charter-queries';
import { usePost } from '../posts/post-queries';
import { useCurrentWorkspace } from '../session/current-workspace';
import { ComposerForm } from './composer-form';

export function ComposerPage() {
  const { t } = useTranslation();
  const { postId } = useParams();
  const [params] = useSearchParams();
  const { workspace } = useCurrentWorkspace();
  const channels = useChannels(workspace.id);
  const charter = useCharter(workspace.id);
  const campaigns = useCampaigns(workspace.id);
  const post = usePost(workspace.id, postId);
  // The post this composer created: its address changes to /posts/:id/edit, the form stays mounted
  // (a remount would drop the cursor and what was typed during the save).
  const created = useRef<string | null>(null);
  const onCreated = useCallback((id: string) => {
    created.current = id;
  }, []);

  if (!roleAtLeast(workspace.role, 'editor')) {
    return (
      <section className="page">
        <h1>{t('composer.newTitle')}</h1>
        <p className="muted">{t('composer.viewersCannotWrite')}</p>
      </section>
    );
  }
  const failed = [channels, charter, campaigns, ...(postId ? [post] : [])].find((q) => q.isError);
  if (failed) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  if (channels.isPending || charter.isPending || campaigns.isPending || (postId && post.isPending))
    return <Loading />;

  return (
    <ComposerForm
      key={postId && postId === created.current ? 'new' : (post.data?.id ?? 'new')}
      onCreated={onCreated}
      initialPost={post.data ?? null}
      requestedLocal={parseLocalParam(params.get('at'), workspace.timezone)}
      channels={(channels.data ?? []).filter((c) => c.status !== 'disconnected')}
      charter={charter.data?.rules}
      campaigns={(campaigns.data ?? []).map((c) => ({
        id: c.id,
        name: c.name,
        rules: { startsOn: c.startsOn, endsOn: c.endsOn, additions: c.additions },
      }))}
    />
  );
}

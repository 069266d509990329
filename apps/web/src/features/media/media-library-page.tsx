// The workspace's media library: a grid of thumbnails, search by name or tag, a type filter,
// uploads with progress, alt text edited in place, where each item is used, and deletion (the
// server refuses an item a post not yet published uses, and the reason is shown in words).
import { MEDIA_KINDS, type MediaKind } from '@cadence/names';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { roleAtLeast } from '../../ui/roles';
import { EmptyState, ErrorState, Loading } from '../../ui/states';
import { useApiErrorText } from '../../ui/use-api-error-text';
import { MediaUploader } from '../composer/media-uploader';
import { useCurrentWorkspace } from '../session/current-workspace';
import { MediaCard } from './media-card';
import { useMediaCache, useMediaList } from './media-queries';

export function MediaLibraryPage() {
  const { t } = useTranslation();
  const { workspace } = useCurrentWorkspace();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<MediaKind | ''>('');
  const filter = { q: useDeferredValue(q).trim(), kind };
  const list = useMediaList(workspace.id, filter);
  const cache = useMediaCache(workspace.id);
  const canEdit = roleAtLeast(workspace.role, 'editor');
  const errorText = useApiErrorText();
  const items = list.data?.items ?? [];
  return (
    <section className="page" aria-labelledby="media-title">
      <h1 id="media-title">{t('media.title')}</h1>
      <p className="muted">{t('media.intro')}</p>
      {canEdit && (
        <MediaUploader
          workspaceId={workspace.id}
          from="library"
          onUploaded={() => void cache.refreshLists()}
        />
      )}
      <search className="media-filters">
        <label className="field">
          <span>{t('media.search')}</span>
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={100} />
        </label>
        <label className="field">
          <span>{t('media.type')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as MediaKind | '')}>
            <option value="">{t('media.allTypes')}</option>
            {MEDIA_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`composer.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </search>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={filter.q || kind ? t('media.noMatch') : t('media.empty')}>
          {!filter.q && !kind && <p className="muted">{t('media.emptyHint')}</p>}
        </EmptyState>
      ) : (
        <ul className="media-grid">
          {items.map((item) => (
            <MediaCard
              key={item.id}
              workspaceId={workspace.id}
              item={item}
              canEdit={canEdit}
              errorText={errorText}
              onChanged={() => void cache.refreshLists()}
            />
          ))}
        </ul>
      )}
      <p className="muted">
        <Link to="/posts/new">{t('media.useInPost')}</Link>
      </p>
    </section>
  );
}

// One item of the library grid: thumbnail, facts, alt text (in the reader's language) saved on
// blur, where it is used, and Delete behind a confirmation.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { formatBytes } from './format-bytes';
import { deleteMedia, type LibraryItem, mediaPath, updateMedia } from './media-queries';

interface MediaCardProps {
  workspaceId: string;
  item: LibraryItem;
  canEdit: boolean;
  errorText: (error: unknown) => string;
  onChanged: () => void;
}

export function MediaCard({ workspaceId, item, canEdit, errorText, onChanged }: MediaCardProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const [alt, setAlt] = useState(item.alt[lang] ?? '');
  const [state, setState] = useState<{ saved?: boolean; error?: unknown }>({});
  const altId = `alt-${item.id}`;

  const saveAlt = async () => {
    if (alt === (item.alt[lang] ?? '')) return;
    try {
      await updateMedia(workspaceId, item.id, { alt: { ...item.alt, [lang]: alt } });
      setState({ saved: true });
      onChanged();
    } catch (error) {
      setState({ error });
    }
  };
  const remove = async () => {
    try {
      await deleteMedia(workspaceId, item.id);
      onChanged();
    } catch (error) {
      setState({ error });
    }
  };

  return (
    <li className="media-card">
      {item.hasThumbnail ? (
        <img src={mediaPath(workspaceId, item.id, 'thumbnail')} alt="" className="media-card-thumb" />
      ) : (
        <span className="media-card-thumb media-thumb-empty" aria-hidden="true">
          {t(`composer.kinds.${item.kind}`)}
        </span>
      )}
      <div className="media-card-body">
        <a
          className="media-name"
          href={mediaPath(workspaceId, item.id, 'content')}
          target="_blank"
          rel="noreferrer"
        >
          {item.name}
        </a>
        <span className="muted">
          {t(`composer.kinds.${item.kind}`)} · {formatBytes(item.bytes, i18n.language)}
          {item.width && item.height ? ` · ${item.width} × ${item.height}` : ''}
        </span>
        {item.tags.length > 0 && <span className="muted">{item.tags.map((tag) => `#${tag}`).join(' ')}</span>}
        <label htmlFor={altId}>{t('composer.mediaAlt')}</label>
        <textarea
          id={altId}
          rows={2}
          value={alt}
          readOnly={!canEdit}
          onChange={(e) => {
            setAlt(e.target.value);
            setState({});
          }}
          onBlur={() => void saveAlt()}
        />
        {state.saved && (
          <span role="status" className="muted">
            {t('media.altSaved')}
          </span>
        )}
        <span className="muted">
          {item.usedIn.count === 0 ? t('media.unused') : t('media.usedIn', { count: item.usedIn.count })}{' '}
          {item.usedIn.posts.slice(0, 3).map((p, i) => (
            <Link key={p.id} to={`/posts/${p.id}`} className="chip chip-small">
              {t('media.post', { n: i + 1 })}
            </Link>
          ))}
        </span>
        {canEdit && (
          <ConfirmDialog
            trigger={
              <button type="button" className="btn btn-small btn-danger">
                {t('common.delete')}
              </button>
            }
            title={t('media.deleteTitle', { name: item.name })}
            body={t('media.deleteBody')}
            confirmLabel={t('common.delete')}
            onConfirm={() => void remove()}
          />
        )}
        {state.error !== undefined && (
          <p role="alert" className="field-error">
            {errorText(state.error)}
          </p>
        )}
      </div>
    </li>
  );
}

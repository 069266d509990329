// One editable list of attachments: Base's in the details, or a network's own list on its tab.
// Files come in through the uploader (drop, paste, pick) as library items; each row shows its
// thumbnail, its alt text, the charter's problems on that item and, where the server can make
// one, a fixed copy in one click. Older posts may still carry plain https URLs: kept as they are.
import type { Network } from '@cadence/domain/networks/schemas';
import { libraryContentPath } from '@cadence/domain/posts/schemas';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorText } from '../../ui/use-api-error-text';
import { fixMedia, type LibraryItem, mediaPath } from '../media/media-queries';
import { FIXES, itemProblems, useComposerMedia } from './composer-media-context';
import type { MediaItem } from './composer-model';
import { MediaUploader } from './media-uploader';
import { messageText } from '../../ui/message-text';

interface MediaListEditorProps {
  media: readonly MediaItem[];
  onChange: (media: MediaItem[]) => void;
  legend: string;
  /** Which list this is, so each item shows the problems of the networks that use it. */
  list: Network | 'base';
}

function toAttachment(workspaceId: string, item: LibraryItem, alt: string): MediaItem {
  return { url: libraryContentPath(workspaceId, item.id), alt, kind: item.kind, mediaId: item.id };
}

export function MediaListEditor({ media, onChange, legend, list }: MediaListEditorProps) {
  const { t, i18n } = useTranslation();
  const ctx = useComposerMedia();
  const errorText = useApiErrorText();
  const [fixing, setFixing] = useState<{ index: number; error: unknown } | null>(null);
  // Uploads and fixes finish after the render that started them, several in the same tick: each
  // builds on the latest list, not on the one its closure saw.
  const latest = useRef(media);
  latest.current = media;
  const change = (next: MediaItem[]) => {
    latest.current = next;
    onChange(next);
  };
  const update = (i: number, patch: Partial<MediaItem>) =>
    change(latest.current.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const altOf = (item: LibraryItem) => item.alt[i18n.language === 'fr' ? 'fr' : 'en'] ?? '';

  const applyFix = async (index: number, mediaId: string, network: 'bluesky' | 'instagram') => {
    setFixing({ index, error: null });
    try {
      const copy = await fixMedia(ctx.workspaceId, mediaId, network);
      ctx.remember(copy);
      const current = latest.current[index];
      update(index, toAttachment(ctx.workspaceId, copy, current?.alt ?? altOf(copy)));
      setFixing(null);
    } catch (error) {
      setFixing({ index, error });
    }
  };

  return (
    <fieldset className="media-list">
      <legend>{legend}</legend>
      {media.length > 0 && (
        <ul className="media-items">
          {media.map((m, i) => {
            const item = m.mediaId ? ctx.library.get(m.mediaId) : undefined;
            const problems = itemProblems(ctx, list, i);
            const fixes = FIXES.filter((f) =>
              problems.some((p) => p.network === f.network && p.rule === f.rule),
            );
            const altId = `media-alt-${list}-${i}`;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same library item may be attached twice
              <li key={i} className="media-item">
                {m.mediaId && item?.hasThumbnail ? (
                  <img
                    className="media-thumb"
                    src={mediaPath(ctx.workspaceId, m.mediaId, 'thumbnail')}
                    alt=""
                    width={96}
                    height={96}
                  />
                ) : (
                  <span className="media-thumb media-thumb-empty" aria-hidden="true">
                    {t(`composer.kinds.${m.kind}`)}
                  </span>
                )}
                <div className="media-item-body">
                  <span className="media-name">{item?.name ?? (m.mediaId ? '' : m.url)}</span>
                  <label htmlFor={altId}>{t('composer.mediaAlt')}</label>
                  <textarea
                    id={altId}
                    rows={2}
                    value={m.alt}
                    onChange={(e) => update(i, { alt: e.target.value })}
                  />
                  {problems.length > 0 && (
                    <ul className="media-problems">
                      {problems.map((p) => (
                        <li key={`${p.rule}-${p.network}`} className={`finding finding-${p.severity}`}>
                          {messageText(p)}
                        </li>
                      ))}
                    </ul>
                  )}
                  <div className="media-item-actions">
                    {m.mediaId &&
                      fixes.map((f) => (
                        <button
                          key={f.network}
                          type="button"
                          className="btn btn-small btn-primary"
                          disabled={fixing?.index === i && !fixing.error}
                          onClick={() => m.mediaId && void applyFix(i, m.mediaId, f.network)}
                        >
                          {t(`media.fix.${f.network}`)}
                        </button>
                      ))}
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => change(latest.current.filter((_, j) => j !== i))}
                    >
                      {t('composer.removeMedia')}
                    </button>
                  </div>
                  {fixing?.index === i && fixing.error !== null && (
                    <p role="alert" className="field-error">
                      {errorText(fixing.error)}
                    </p>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <MediaUploader
        workspaceId={ctx.workspaceId}
        from="composer"
        onUploaded={(item) => {
          ctx.remember(item);
          change([...latest.current, toAttachment(ctx.workspaceId, item, altOf(item))]);
        }}
      />
    </fieldset>
  );
}

// One editable list of media references (https URL, alt text, kind): Base's in the details, or a
// network's own list on its tab.
import { useTranslation } from 'react-i18next';
import type { MediaItem } from './composer-model';

interface MediaListEditorProps {
  media: readonly MediaItem[];
  onChange: (media: MediaItem[]) => void;
  legend: string;
}

export function MediaListEditor({ media, onChange, legend }: MediaListEditorProps) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<MediaItem>) =>
    onChange(media.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <fieldset className="media-list">
      <legend>{legend}</legend>
      {media.map((m, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
        <div key={i} className="media-row">
          <input
            aria-label={t('composer.mediaUrl')}
            placeholder="https://…"
            value={m.url}
            onChange={(e) => update(i, { url: e.target.value })}
          />
          <input
            aria-label={t('composer.mediaAlt')}
            placeholder={t('composer.mediaAlt')}
            value={m.alt}
            onChange={(e) => update(i, { alt: e.target.value })}
          />
          <select
            aria-label={t('composer.mediaKind')}
            value={m.kind}
            onChange={(e) => update(i, { kind: e.target.value as MediaItem['kind'] })}
          >
            <option value="image">{t('composer.kinds.image')}</option>
            <option value="video">{t('composer.kinds.video')}</option>
            <option value="gif">{t('composer.kinds.gif')}</option>
          </select>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => onChange(media.filter((_, j) => j !== i))}
          >
            {t('composer.removeMedia')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => onChange([...media, { url: '', alt: '', kind: 'image' }])}
      >
        {t('composer.addMedia')}
      </button>
    </fieldset>
  );
}

// The post's other fields: campaign, pillar, labels, first comment and media references.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposerDraft, MediaItem } from './composer-model';

interface Option {
  id: string;
  name: string;
}

interface ComposerDetailsProps {
  draft: ComposerDraft;
  campaigns: readonly Option[];
  pillars: readonly Option[];
  onChange: (draft: ComposerDraft) => void;
}

export function ComposerDetails({ draft, campaigns, pillars, onChange }: ComposerDetailsProps) {
  const { t } = useTranslation();
  const id = useId();
  const setMedia = (media: MediaItem[]) => onChange({ ...draft, media });
  return (
    <div className="composer-details">
      <div className="field">
        <label htmlFor={`${id}-campaign`}>{t('composer.campaign')}</label>
        <select
          id={`${id}-campaign`}
          value={draft.campaignId ?? ''}
          onChange={(e) => onChange({ ...draft, campaignId: e.target.value || null })}
        >
          <option value="">{t('composer.none')}</option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-pillar`}>{t('composer.pillar')}</label>
        <select
          id={`${id}-pillar`}
          value={draft.pillarId ?? ''}
          onChange={(e) => onChange({ ...draft, pillarId: e.target.value || null })}
        >
          <option value="">{t('composer.none')}</option>
          {pillars.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-labels`}>{t('composer.labels')}</label>
        <input
          id={`${id}-labels`}
          defaultValue={draft.labels.join(', ')}
          aria-describedby={`${id}-labels-hint`}
          onBlur={(e) =>
            onChange({
              ...draft,
              labels: [
                ...new Set(
                  e.target.value
                    .split(',')
                    .map((l) => l.trim())
                    .filter(Boolean),
                ),
              ],
            })
          }
        />
        <p className="field-hint" id={`${id}-labels-hint`}>
          {t('composer.labelsHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-first`}>{t('composer.firstComment')}</label>
        <textarea
          id={`${id}-first`}
          rows={2}
          value={draft.firstComment}
          onChange={(e) => onChange({ ...draft, firstComment: e.target.value })}
        />
      </div>
      <fieldset className="media-list">
        <legend>{t('composer.media')}</legend>
        {draft.media.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
          <div key={i} className="media-row">
            <input
              aria-label={t('composer.mediaUrl')}
              placeholder="https://…"
              value={m.url}
              onChange={(e) =>
                setMedia(draft.media.map((x, j) => (j === i ? { ...x, url: e.target.value } : x)))
              }
            />
            <input
              aria-label={t('composer.mediaAlt')}
              placeholder={t('composer.mediaAlt')}
              value={m.alt}
              onChange={(e) =>
                setMedia(draft.media.map((x, j) => (j === i ? { ...x, alt: e.target.value } : x)))
              }
            />
            <select
              aria-label={t('composer.mediaKind')}
              value={m.kind}
              onChange={(e) =>
                setMedia(
                  draft.media.map((x, j) =>
                    j === i ? { ...x, kind: e.target.value as MediaItem['kind'] } : x,
                  ),
                )
              }
            >
              <option value="image">{t('composer.kinds.image')}</option>
              <option value="video">{t('composer.kinds.video')}</option>
              <option value="gif">{t('composer.kinds.gif')}</option>
            </select>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => setMedia(draft.media.filter((_, j) => j !== i))}
            >
              {t('composer.removeMedia')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setMedia([...draft.media, { url: '', alt: '', kind: 'image' }])}
        >
          {t('composer.addMedia')}
        </button>
      </fieldset>
    </div>
  );
}

// The post's other fields: campaign, pillar, labels, first comment and Base's media references.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposerDraft } from './composer-model';
import { MediaListEditor } from './media-list-editor';

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
  return (
    <div className="composer-details">
      <div className="field">
        <label htmlFor={`${id}-campaign`}>{t('composer.campaign')}</label>
        <select
          id={`${id}-campaign`}
          value={draft.campaignId ?? ''}
          onChange={(e) => onChange({ ...draft, campaignId: e.target.value || null })}
        >
          <option value="">{t('composer.noCampaign')}</option>
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
          <option value="">{t('composer.noPillar')}</option>
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
      <MediaListEditor
        media={draft.media}
        legend={t('composer.media')}
        list="base"
        onChange={(media) => onChange({ ...draft, media })}
      />
    </div>
  );
}

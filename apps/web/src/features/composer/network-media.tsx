// A network tab's media: inherits Base's list until "Use other media" copies it for this network,
// then a "Reset media to Base" (with Undo) restores inheritance.
import type { Network } from '@cadence/domain/networks/schemas';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ComposerDraft,
  isMediaCustomised,
  type MediaItem,
  mediaFor,
  withMediaOverride,
} from './composer-model';
import { MediaListEditor } from './media-list-editor';

interface NetworkMediaProps {
  draft: ComposerDraft;
  network: Network;
  onChange: (draft: ComposerDraft) => void;
}

export function NetworkMedia({ draft, network, onChange }: NetworkMediaProps) {
  const { t } = useTranslation();
  const [undo, setUndo] = useState<{ network: Network; media: MediaItem[] } | null>(null);
  const name = t(`networks.${network}`);
  const customised = isMediaCustomised(draft, network);
  const set = (media: MediaItem[] | undefined) => onChange(withMediaOverride(draft, network, media));

  return (
    <div className="network-media">
      <div className="inherit-bar">
        {customised ? (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              setUndo({ network, media: mediaFor(draft, network) });
              set(undefined);
            }}
          >
            {t('composer.resetMediaToBase')}
          </button>
        ) : (
          <>
            <span className="muted">{t('composer.mediaInheritsBase')}</span>{' '}
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                setUndo(null);
                set(draft.media.map((m) => ({ ...m })));
              }}
            >
              {t('composer.customiseMedia', { network: name })}
            </button>
          </>
        )}
        {undo && undo.network === network && !customised && (
          <span role="status">
            {t('composer.mediaResetDone')}{' '}
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                set(undo.media);
                setUndo(null);
              }}
            >
              {t('common.undo')}
            </button>
          </span>
        )}
      </div>
      {customised && (
        <MediaListEditor
          media={mediaFor(draft, network)}
          legend={t('composer.mediaFor', { network: name })}
          list={network}
          onChange={(media) => {
            setUndo(null);
            set(media);
          }}
        />
      )}
    </div>
  );
}

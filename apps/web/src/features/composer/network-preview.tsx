// An approximate picture of the post on each network (UI guide pitfall 10: labelled as such).
// Links, hashtags and mentions are coloured; X shows links as their shortened form. Text only:
// nothing here is rendered as HTML.
import { extractEntities } from '@cadence/domain/networks/analyse-text';
import { networkLimits } from '@cadence/domain/networks/limits';
import type { Network } from '@cadence/domain/networks/schemas';
import { useTranslation } from 'react-i18next';
import { libraryThumbnail } from '../media/media-queries';
import type { MediaItem } from './composer-model';

interface NetworkPreviewProps {
  network: Network;
  name: string;
  handle: string;
  text: string;
  media: readonly MediaItem[];
  firstComment: string;
}

function Rich({ text, network }: { text: string; network: Network }) {
  const { urls, hashtags, mentions } = extractEntities(text);
  const entities = [...urls, ...hashtags, ...mentions].sort((a, b) => a.start - b.start);
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const e of entities) {
    if (e.start < at) continue;
    parts.push(text.slice(at, e.start));
    const shown =
      e.kind === 'url' && networkLimits(network).counting === 'x-weighted'
        ? `${e.text.replace(/^https?:\/\//, '').slice(0, 22)}…`
        : text.slice(e.start, e.end);
    parts.push(
      <span key={e.start} className={`pv-${e.kind}`}>
        {shown}
      </span>,
    );
    at = e.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

export function NetworkPreview({ network, name, handle, text, media, firstComment }: NetworkPreviewProps) {
  const { t } = useTranslation();
  return (
    <article
      className={`preview preview-${network}`}
      aria-label={t('composer.previewOf', { network: t(`networks.${network}`) })}
    >
      <header className="preview-head">
        <span className="avatar avatar-small" aria-hidden="true">
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span>
          <strong>{name}</strong> <span className="muted">{handle}</span>
        </span>
        <span className="chip chip-small">{t(`networks.${network}`)}</span>
      </header>
      <p className="preview-text">
        {text ? (
          <Rich text={text} network={network} />
        ) : (
          <span className="muted">{t('composer.previewEmpty')}</span>
        )}
      </p>
      {media.length > 0 && (
        <ul className="preview-media">
          {media.map((m, i) => {
            const thumbnail = libraryThumbnail(m.url);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same item may be attached twice
              <li key={i} className="muted">
                {thumbnail ? (
                  <img className="preview-thumb" src={thumbnail} alt={m.alt} />
                ) : (
                  <>
                    {m.kind === 'image' ? '🖼' : '🎞'} {m.alt || m.url}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {firstComment && (
        <p className="preview-comment">
          <span className="muted">{t('composer.firstCommentPrefix')}</span> {firstComment}
        </p>
      )}
    </article>
  );
}

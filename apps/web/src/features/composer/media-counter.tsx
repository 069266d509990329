// "X media 2/4": how many attachments a network takes, counted on the list that network will
// publish (its own media when customised, Base's otherwise). Red past the limit or with a kind the
// network refuses; the charter check lists the same problems with their fix.
import { networkLimits } from '@cadence/domain/networks/limits';
import type { Network } from '@cadence/domain/networks/schemas';
import { useTranslation } from 'react-i18next';
import type { MediaItem } from './composer-model';

export function MediaCounter({ network, media }: { network: Network; media: readonly MediaItem[] }) {
  const { t, i18n } = useTranslation();
  const limits = networkLimits(network).media;
  const refused = [...new Set(media.map((m) => m.kind).filter((k) => !limits.kinds.includes(k)))];
  const over = media.length > limits.maxItems || refused.length > 0;
  const format = new Intl.NumberFormat(i18n.language);
  return (
    <span
      className={`counter counter-${over ? 'over' : 'ok'}`}
      data-testid={`media-counter-${network}`}
      data-level={over ? 'over' : 'ok'}
    >
      {t('composer.mediaCounter', {
        network: t(`networks.${network}`),
        count: format.format(media.length),
        max: format.format(limits.maxItems),
      })}
      {refused.length > 0 && (
        <strong className="counter-over">
          {' '}
          {t('composer.mediaKindsRefused', {
            kinds: refused.map((k) => t(`composer.kinds.${k}`)).join(', '),
          })}
        </strong>
      )}
      {over && <span aria-hidden="true"> ⚠</span>}
    </span>
  );
}

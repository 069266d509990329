// "X 243/280", amber from 90 %, red with "−12" past the limit. The live region speaks only when
// the level changes, not on every keystroke (UI guide §8).
import type { Network } from '@cadence/domain/networks/schemas';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CounterLevel, measureFor } from './counter-level';

const ICON: Record<CounterLevel, string> = { ok: '', near: '◔', over: '⚠' };

export function NetworkCounter({ network, text }: { network: Network; text: string }) {
  const { t, i18n } = useTranslation();
  const { count, max, level, overBy } = measureFor(network, text);
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<CounterLevel>(level);
  const name = t(`networks.${network}`);

  useEffect(() => {
    if (previous.current === level) return;
    previous.current = level;
    setAnnouncement(
      level === 'ok'
        ? t('composer.counter.backWithin', { network: name })
        : t(`composer.counter.${level}`, { network: name, count: level === 'over' ? overBy : max - count }),
    );
  }, [level, overBy, count, max, name, t]);

  const format = new Intl.NumberFormat(i18n.language);
  return (
    <span className={`counter counter-${level}`} data-testid={`counter-${network}`} data-level={level}>
      <span className="counter-network">{name}</span>{' '}
      <span>
        {format.format(count)}/{format.format(max)}
      </span>
      {level === 'over' && <strong className="counter-over">−{format.format(overBy)}</strong>}
      {ICON[level] && <span aria-hidden="true"> {ICON[level]}</span>}
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </span>
  );
}

// "Paste text to test": checks a text against the rules being edited (live, in the browser, before
// saving) for the chosen networks, marking each problem in the text with its message.
import { checkPost } from '@cadence/domain/charter/check-post';
import type { CharterRules } from '@cadence/domain/charter/schemas';
import type { Network } from '@cadence/domain/networks/schemas';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HighlightedTextarea } from '../composer/highlighted-textarea';
import { distinctViolations } from '../composer/use-live-checks';
import { NETWORK_LIST } from './networks';
import { messageText } from '../../ui/message-text';

export function CharterTestBox({ charter, timeZone }: { charter: CharterRules; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [networks, setNetworks] = useState<Network[]>(['x', 'linkedin']);
  const deferred = useDeferredValue(text);
  const violations = useMemo(
    () =>
      networks.length === 0
        ? []
        : checkPost({
            text: deferred,
            targets: networks.map((network) => ({ channelId: network, network })),
            timezone: timeZone,
            charter,
            otherPosts: [],
          }),
    [deferred, networks, charter, timeZone],
  );
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const marks = violations.flatMap((v) =>
    v.range
      ? [{ start: v.range.start, end: v.range.end, severity: v.severity, message: messageText(v) }]
      : [],
  );
  return (
    <section className="charter-test" aria-labelledby="charter-test-title">
      <h2 id="charter-test-title">{t('charter.test.title')}</h2>
      <fieldset className="button-group">
        <legend className="inline-legend">{t('charter.test.networks')}</legend>
        {NETWORK_LIST.map((n) => (
          <label key={n} className="check-chip">
            <input
              type="checkbox"
              checked={networks.includes(n)}
              onChange={(e) =>
                setNetworks(e.target.checked ? [...networks, n] : networks.filter((x) => x !== n))
              }
            />{' '}
            {t(`networks.${n}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor="charter-test-text" className="visually-hidden">
        {t('charter.test.text')}
      </label>
      <HighlightedTextarea
        id="charter-test-text"
        value={text}
        marks={marks}
        onChange={setText}
        placeholder={t('charter.test.placeholder')}
      />
      {text && (
        <ul className="check-list" aria-live="polite">
          {violations.length === 0 && <li className="muted">✓ {t('composer.noProblems')}</li>}
          {distinctViolations(violations, lang).map(({ violation: v, message }) => (
            <li key={`${v.rule}-${v.network ?? ''}-${message}`} className={`check check-${v.severity}`}>
              <span aria-hidden="true">{v.severity === 'block' ? '⛔' : '⚠'}</span>{' '}
              {v.network && <span className="chip chip-small">{t(`networks.${v.network}`)}</span>} {message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// Write once: a Base tab, and a tab per network that inherits Base until edited (then a dot says
// it is customised, and "Reset to Base" undoes it, with Undo); the same for its media list.
// Counters (text and media, on the list each network will publish) and charter marks are live.
import type { Violation } from '@cadence/domain/charter/schemas';
import type { Network } from '@cadence/domain/networks/schemas';
import * as Tabs from '@radix-ui/react-tabs';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { networkLimits } from '@cadence/domain/networks/limits';
import {
  type ComposerDraft,
  hasOverrides,
  isCustomised,
  isMediaCustomised,
  mediaFor,
  textFor,
  withOverride,
} from './composer-model';
import { HighlightedTextarea } from './highlighted-textarea';
import { MediaCounter } from './media-counter';
import { NetworkCounter } from './network-counter';
import { NetworkMedia } from './network-media';
import { distinctViolations, marksForTab } from './use-live-checks';

interface ComposerEditorProps {
  draft: ComposerDraft;
  networks: readonly Network[];
  violations: readonly Violation[];
  onChange: (draft: ComposerDraft) => void;
}

export function ComposerEditor({ draft, networks, violations, onChange }: ComposerEditorProps) {
  const { t, i18n } = useTranslation();
  const [tab, setTab] = useState<'base' | Network>('base');
  const [undo, setUndo] = useState<{ network: Network; text: string } | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const active: 'base' | Network = tab !== 'base' && !networks.includes(tab) ? 'base' : tab;
  const text = active === 'base' ? draft.text : textFor(draft, active);
  const marks = marksForTab(violations, draft, active, i18n.language);
  const checks = distinctViolations(
    active === 'base'
      ? violations
      : violations.filter((v) => v.network === active || v.network === undefined),
    i18n.language,
  );

  const edit = (value: string) => {
    setUndo(null);
    onChange(active === 'base' ? { ...draft, text: value } : withOverride(draft, active, value));
  };
  const reset = (network: Network) => {
    setUndo({ network, text: textFor(draft, network) });
    onChange(withOverride(draft, network, undefined));
  };
  const select = (start: number, end: number) => {
    const el = textareaRef.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(start, end);
  };

  return (
    <div className="composer-editor">
      <Tabs.Root value={active} onValueChange={(v) => setTab(v as 'base' | Network)}>
        <Tabs.List className="tabs" aria-label={t('composer.versions')}>
          <Tabs.Trigger value="base" className="tab">
            {t('composer.base')}
          </Tabs.Trigger>
          {networks.map((n) => (
            <Tabs.Trigger key={n} value={n} className="tab">
              {t(`networks.${n}`)}
              {hasOverrides(draft, n) && (
                <span className="customised-dot" title={t('composer.customised')}>
                  <span aria-hidden="true"> ●</span>
                  <span className="visually-hidden"> ({t('composer.customised')})</span>
                </span>
              )}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        {/* One panel, the editor of the tab in front: each tab's aria-controls then names a panel. */}
        <Tabs.Content value={active} className="composer-tab-panel">
          <label htmlFor={`${id}-text`} className="visually-hidden">
            {active === 'base'
              ? t('composer.textBase')
              : t('composer.textFor', { network: t(`networks.${active}`) })}
          </label>
          {active !== 'base' && (
            <div className="inherit-bar">
              {isCustomised(draft, active) ? (
                <button type="button" className="btn btn-small" onClick={() => reset(active)}>
                  {t('composer.resetToBase')}
                </button>
              ) : (
                <span className="muted">{t('composer.inheritsBase')}</span>
              )}
              {undo && undo.network === active && (
                <span role="status">
                  {t('composer.resetDone')}{' '}
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => {
                      onChange(withOverride(draft, undo.network, undo.text));
                      setUndo(null);
                    }}
                  >
                    {t('common.undo')}
                  </button>
                </span>
              )}
            </div>
          )}
          <HighlightedTextarea
            ref={textareaRef}
            id={`${id}-text`}
            value={text}
            marks={marks}
            onChange={edit}
            describedBy={`${id}-counters ${id}-checks`}
            placeholder={t('composer.placeholder')}
          />
          <div className="counters" id={`${id}-counters`}>
            {(active === 'base' ? networks.filter((n) => !isCustomised(draft, n)) : [active]).map((n) => (
              <NetworkCounter key={n} network={n} text={textFor(draft, n)} />
            ))}
            {(active === 'base' ? networks.filter((n) => !isMediaCustomised(draft, n)) : [active])
              .filter((n) => mediaFor(draft, n).length > 0 || networkLimits(n).media.required)
              .map((n) => (
                <MediaCounter key={`media-${n}`} network={n} media={mediaFor(draft, n)} />
              ))}
          </div>
          {active !== 'base' && <NetworkMedia draft={draft} network={active} onChange={onChange} />}
          <section className="checks" id={`${id}-checks`} aria-label={t('composer.checks')}>
            {checks.length === 0 ? (
              <p className="muted check-ok">✓ {t('composer.noProblems')}</p>
            ) : (
              <ul className="check-list">
                {checks.map(({ violation: v, message }) => (
                  <li key={`${v.rule}-${v.network ?? ''}-${message}`} className={`check check-${v.severity}`}>
                    <span aria-hidden="true">{v.severity === 'block' ? '⛔' : '⚠'}</span>{' '}
                    <span className="visually-hidden">
                      {v.severity === 'block' ? t('composer.blocking') : t('composer.warning')}{' '}
                    </span>
                    {v.network && <span className="chip chip-small">{t(`networks.${v.network}`)}</span>}{' '}
                    {message}
                    {v.range && (active !== 'base' ? v.network === active : true) && (
                      <button
                        type="button"
                        className="btn btn-small btn-link"
                        onClick={() => v.range && select(v.range.start, v.range.end)}
                      >
                        {t('composer.showInText')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </Tabs.Content>
      </Tabs.Root>
    </div>
  );
}

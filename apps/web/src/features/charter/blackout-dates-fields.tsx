// Blackout dates: periods (from, to, inclusive, in the workspace's timezone) when nothing may be
// posted, each with a label that the calendar shows on the days it covers.
import type { RuleSet } from '@cadence/domain/charter/schemas';
import { useTranslation } from 'react-i18next';
import { invalidProps, Problem, RuleFrame, type RuleProblems, SeveritySelect } from './rule-controls';

type Rule = NonNullable<RuleSet['blackoutDates']>;
type Period = Rule['dates'][number];

export function BlackoutDatesFields({
  rule,
  onChange,
  problems,
  scopeId,
}: {
  rule: Rule | undefined;
  onChange: (rule: Rule | undefined) => void;
  problems: RuleProblems;
  scopeId: string;
}) {
  const { t } = useTranslation();
  const name = t('charter.rules.blackoutDates');
  const dates = rule?.dates ?? [];
  const update = (i: number, patch: Partial<Period>) =>
    rule && onChange({ ...rule, dates: dates.map((d, j) => (j === i ? { ...d, ...patch } : d)) });
  const path = (i: number, field: string) => `blackoutDates.dates.${i}.${field}`;
  return (
    <RuleFrame
      name={name}
      on={rule !== undefined}
      onToggle={(on) => onChange(on ? { dates: [], severity: 'block' } : undefined)}
      hint={t('charter.blackout.hint')}
    >
      {dates.length === 0 && <p className="muted">{t('charter.blackout.none')}</p>}
      <ol className="blackout-list">
        {dates.map((d, i) => (
          // Periods have no id; the position is what the server's problems name too.
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, never reordered
          <li key={i} className="blackout-row">
            <label className="mini-field">
              <span>{t('charter.blackout.from')}</span>
              <input
                type="date"
                value={d.from}
                onChange={(e) => update(i, { from: e.target.value })}
                {...invalidProps(scopeId, path(i, 'from'), problems)}
              />
            </label>
            <label className="mini-field">
              <span>{t('charter.blackout.to')}</span>
              <input
                type="date"
                value={d.to}
                min={d.from || undefined}
                onChange={(e) => update(i, { to: e.target.value })}
                {...invalidProps(scopeId, path(i, 'to'), problems)}
              />
            </label>
            <label className="mini-field mini-field-wide">
              <span>{t('charter.blackout.label')}</span>
              <input
                value={d.reason ?? ''}
                maxLength={200}
                placeholder={t('charter.blackout.labelPlaceholder')}
                onChange={(e) => update(i, { reason: e.target.value })}
                {...invalidProps(scopeId, path(i, 'reason'), problems)}
              />
            </label>
            <button
              type="button"
              className="btn btn-small"
              aria-label={t('charter.blackout.remove', { n: i + 1 })}
              onClick={() => rule && onChange({ ...rule, dates: dates.filter((_, j) => j !== i) })}
            >
              {t('charter.remove')}
            </button>
            <Problem scopeId={scopeId} path={path(i, 'from')} problems={problems} />
            <Problem scopeId={scopeId} path={path(i, 'to')} problems={problems} />
            <Problem scopeId={scopeId} path={path(i, 'reason')} problems={problems} />
          </li>
        ))}
      </ol>
      <div className="button-group">
        <button
          type="button"
          className="btn btn-small"
          disabled={dates.length >= 400}
          onClick={() => rule && onChange({ ...rule, dates: [...dates, { from: '', to: '', reason: '' }] })}
        >
          {t('charter.blackout.add')}
        </button>
        {rule && (
          <SeveritySelect
            label={t('charter.severityOf', { rule: name })}
            value={rule.severity}
            onChange={(severity) => onChange({ ...rule, severity })}
          />
        )}
      </div>
    </RuleFrame>
  );
}

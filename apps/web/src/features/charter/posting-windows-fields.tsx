// Posting windows: for each weekday, the times (in the workspace's timezone) when posts may go out;
// several ranges a day, and a day without any is closed. The calendar shades what falls outside.
import type { RuleSet } from '@cadence/domain/charter/schemas';
import { Info } from 'luxon';
import { useTranslation } from 'react-i18next';
import { invalidProps, Problem, RuleFrame, type RuleProblems, SeveritySelect } from './rule-controls';

type Rule = NonNullable<RuleSet['postingWindows']>;
type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
type Window = { start: string; end: string };
const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
const MAX_PER_DAY = 12;
// Typed as HH:mm, not <input type="time">: the native one shows the browser's clock (AM/PM on an
// English browser, even on a French screen); the charter's schema checks what is typed.
const TIME_INPUT = {
  type: 'text',
  inputMode: 'numeric',
  placeholder: '09:00',
  maxLength: 5,
  size: 5,
  className: 'time-text',
} as const;

/** A working week to start from: weekdays 09:00 to 18:00, the weekend closed. */
const OFFICE_HOURS: Rule['byWeekday'] = Object.fromEntries(
  [1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '18:00' }]]),
);

export function PostingWindowsFields({
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
  const { t, i18n } = useTranslation();
  const name = t('charter.rules.postingWindows');
  const dayNames = Info.weekdays('long', { locale: i18n.language });
  const windowsOf = (day: Weekday): Window[] => rule?.byWeekday[day] ?? [];
  const setDay = (day: Weekday, windows: Window[]) =>
    rule && onChange({ ...rule, byWeekday: { ...rule.byWeekday, [day]: windows } });
  const path = (day: Weekday, i: number, field: string) => `postingWindows.byWeekday.${day}.${i}.${field}`;
  return (
    <RuleFrame
      name={name}
      on={rule !== undefined}
      onToggle={(on) => onChange(on ? { byWeekday: OFFICE_HOURS, severity: 'warn' } : undefined)}
      hint={t('charter.windows.hint')}
    >
      <div className="weekday-windows">
        {WEEKDAYS.map((day) => {
          const windows = windowsOf(day);
          const dayName = dayNames[day - 1] ?? String(day);
          return (
            <fieldset key={day} className="weekday-row">
              <legend className="weekday-name">{dayName}</legend>
              <div className="weekday-ranges">
                {windows.length === 0 && <span className="muted">{t('charter.windows.closed')}</span>}
                {windows.map((w, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: ranges have no id; the server names them by position
                  <div key={i} className="window-range">
                    <input
                      {...TIME_INPUT}
                      aria-label={t('charter.windows.start', { day: dayName, n: i + 1 })}
                      value={w.start}
                      onChange={(e) =>
                        setDay(
                          day,
                          windows.map((x, j) => (j === i ? { ...x, start: e.target.value } : x)),
                        )
                      }
                      {...invalidProps(scopeId, path(day, i, 'start'), problems)}
                    />
                    <span aria-hidden="true">–</span>
                    <input
                      {...TIME_INPUT}
                      aria-label={t('charter.windows.end', { day: dayName, n: i + 1 })}
                      value={w.end}
                      onChange={(e) =>
                        setDay(
                          day,
                          windows.map((x, j) => (j === i ? { ...x, end: e.target.value } : x)),
                        )
                      }
                      {...invalidProps(scopeId, path(day, i, 'end'), problems)}
                    />
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={t('charter.windows.remove', { day: dayName, n: i + 1 })}
                      onClick={() =>
                        setDay(
                          day,
                          windows.filter((_, j) => j !== i),
                        )
                      }
                    >
                      ×
                    </button>
                    <Problem scopeId={scopeId} path={path(day, i, 'start')} problems={problems} />
                    <Problem scopeId={scopeId} path={path(day, i, 'end')} problems={problems} />
                  </div>
                ))}
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={windows.length >= MAX_PER_DAY}
                  aria-label={t('charter.windows.addFor', { day: dayName })}
                  onClick={() => setDay(day, [...windows, { start: '09:00', end: '12:00' }])}
                >
                  {t('charter.windows.add')}
                </button>
              </div>
            </fieldset>
          );
        })}
      </div>
      {rule && (
        <SeveritySelect
          label={t('charter.severityOf', { rule: name })}
          value={rule.severity}
          onChange={(severity) => onChange({ ...rule, severity })}
        />
      )}
    </RuleFrame>
  );
}

// Pieces every charter rule editor shares: the on/off switch in the legend, the severity, and a
// problem shown beside the input it concerns (and announced with it through aria-describedby).
import type { Severity } from '@cadence/domain/charter/schemas';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Problems of the rule set being edited, keyed by path inside it ("blackoutDates.dates.0.to"). */
export type RuleProblems = Record<string, string>;

export function SeveritySelect({
  value,
  onChange,
  label,
}: {
  value: Severity;
  onChange: (s: Severity) => void;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as Severity)}>
      <option value="block">{t('charter.severity.block')}</option>
      <option value="warn">{t('charter.severity.warn')}</option>
    </select>
  );
}

/** A rule's frame: a checkbox in the legend turns it on or off; the body shows while it is on. */
export function RuleFrame({
  name,
  on,
  onToggle,
  hint,
  inline,
  children,
}: {
  name: string;
  on: boolean;
  onToggle: (on: boolean) => void;
  hint?: ReactNode;
  inline?: boolean;
  children: ReactNode;
}) {
  return (
    <fieldset className={inline ? 'rule rule-inline' : 'rule'}>
      <legend>
        <label>
          <input type="checkbox" checked={on} onChange={(e) => onToggle(e.target.checked)} /> {name}
        </label>
      </legend>
      {on && hint && <p className="field-hint">{hint}</p>}
      {on && children}
    </fieldset>
  );
}

/** The id a problem paragraph takes, so its input can point at it. */
const problemId = (scopeId: string, path: string) => `${scopeId}-${path.replaceAll('.', '-')}-problem`;

export function Problem({
  scopeId,
  path,
  problems,
}: {
  scopeId: string;
  path: string;
  problems: RuleProblems;
}) {
  const text = problems[path];
  if (!text) return null;
  return (
    <p className="field-error" id={problemId(scopeId, path)}>
      {text}
    </p>
  );
}

/** Props that mark an input invalid and tie it to its problem. */
export function invalidProps(scopeId: string, path: string, problems: RuleProblems) {
  return problems[path]
    ? { 'aria-invalid': true as const, 'aria-describedby': problemId(scopeId, path) }
    : {};
}

// Edits one rule set (the workspace's, or one network's override): each rule can be switched on,
// given its values and a severity (block stops approval and publishing, warn only tells).
import type { RuleSet, Severity } from '@cadence/domain/charter/schemas';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

type ListRule = 'bannedPhrases' | 'forbiddenHashtags' | 'requiredHashtags';
type CountRule =
  | 'maxLength'
  | 'maxHashtags'
  | 'maxMentions'
  | 'maxEmoji'
  | 'maxPostsPerDay'
  | 'maxPostsPerWeek';
const LIST_RULES: ListRule[] = ['bannedPhrases', 'forbiddenHashtags', 'requiredHashtags'];
const COUNT_RULES: CountRule[] = [
  'maxLength',
  'maxHashtags',
  'maxMentions',
  'maxEmoji',
  'maxPostsPerDay',
  'maxPostsPerWeek',
];

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function listOf(rules: RuleSet, rule: ListRule): string[] {
  if (rule === 'bannedPhrases') return rules.bannedPhrases?.phrases ?? [];
  if (rule === 'forbiddenHashtags') return rules.forbiddenHashtags?.tags ?? [];
  return rules.requiredHashtags?.allOf ?? [];
}

function setList(rules: RuleSet, rule: ListRule, values: string[] | null, severity: Severity): RuleSet {
  const next = { ...rules };
  if (values === null) delete next[rule];
  else if (rule === 'bannedPhrases') next.bannedPhrases = { phrases: values, severity };
  else if (rule === 'forbiddenHashtags') next.forbiddenHashtags = { tags: values, severity };
  else next.requiredHashtags = { allOf: values, oneOf: rules.requiredHashtags?.oneOf ?? [], severity };
  return next;
}

function SeveritySelect({
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

export function RuleSetFields({ rules, onChange }: { rules: RuleSet; onChange: (rules: RuleSet) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="rule-fields">
      <div className="field">
        <label htmlFor={`${id}-tone`}>{t('charter.rules.tone')}</label>
        <textarea
          id={`${id}-tone`}
          rows={2}
          value={rules.tone ?? ''}
          onChange={(e) => onChange({ ...rules, tone: e.target.value })}
        />
      </div>
      {LIST_RULES.map((rule) => {
        const on = rules[rule] !== undefined;
        const severity = rules[rule]?.severity ?? 'warn';
        const name = t(`charter.rules.${rule}`);
        return (
          <fieldset key={rule} className="rule">
            <legend>
              <label>
                <input
                  type="checkbox"
                  checked={on}
                  onChange={(e) => onChange(setList(rules, rule, e.target.checked ? [] : null, severity))}
                />{' '}
                {name}
              </label>
            </legend>
            {on && (
              <>
                <textarea
                  aria-label={t('charter.onePerLine', { rule: name })}
                  rows={3}
                  defaultValue={listOf(rules, rule).join('\n')}
                  onBlur={(e) => onChange(setList(rules, rule, lines(e.target.value), severity))}
                />
                <SeveritySelect
                  label={t('charter.severityOf', { rule: name })}
                  value={severity}
                  onChange={(s) => onChange(setList(rules, rule, listOf(rules, rule), s))}
                />
              </>
            )}
          </fieldset>
        );
      })}
      {COUNT_RULES.map((rule) => {
        const value = rules[rule];
        const name = t(`charter.rules.${rule}`);
        return (
          <fieldset key={rule} className="rule rule-inline">
            <legend>
              <label>
                <input
                  type="checkbox"
                  checked={value !== undefined}
                  onChange={(e) => {
                    const next = { ...rules };
                    if (e.target.checked)
                      next[rule] = { max: rule === 'maxLength' ? 280 : 3, severity: 'warn' };
                    else delete next[rule];
                    onChange(next);
                  }}
                />{' '}
                {name}
              </label>
            </legend>
            {value && (
              <>
                <input
                  type="number"
                  min={0}
                  aria-label={t('charter.maxOf', { rule: name })}
                  value={value.max}
                  onChange={(e) => onChange({ ...rules, [rule]: { ...value, max: Number(e.target.value) } })}
                />
                <SeveritySelect
                  label={t('charter.severityOf', { rule: name })}
                  value={value.severity}
                  onChange={(s) => onChange({ ...rules, [rule]: { ...value, severity: s } })}
                />
              </>
            )}
          </fieldset>
        );
      })}
      <fieldset className="rule rule-inline">
        <legend>
          <label>
            <input
              type="checkbox"
              checked={rules.link !== undefined}
              onChange={(e) => {
                const next = { ...rules };
                if (e.target.checked) next.link = { mode: 'optional', severity: 'warn' };
                else delete next.link;
                onChange(next);
              }}
            />{' '}
            {t('charter.rules.link')}
          </label>
        </legend>
        {rules.link && (
          <>
            <select
              aria-label={t('charter.rules.link')}
              value={rules.link.mode}
              onChange={(e) =>
                rules.link &&
                onChange({
                  ...rules,
                  link: { ...rules.link, mode: e.target.value as 'required' | 'forbidden' | 'optional' },
                })
              }
            >
              {(['optional', 'required', 'forbidden'] as const).map((m) => (
                <option key={m} value={m}>
                  {t(`charter.linkModes.${m}`)}
                </option>
              ))}
            </select>
            <input
              aria-label={t('charter.allowedDomains')}
              placeholder={t('charter.allowedDomains')}
              defaultValue={(rules.link.allowedDomains ?? []).join(', ')}
              onBlur={(e) => {
                const domains = e.target.value
                  .split(',')
                  .map((d) => d.trim())
                  .filter(Boolean);
                if (!rules.link) return;
                const { allowedDomains: _, ...rest } = rules.link;
                onChange({ ...rules, link: domains.length ? { ...rest, allowedDomains: domains } : rest });
              }}
            />
            <SeveritySelect
              label={t('charter.severityOf', { rule: t('charter.rules.link') })}
              value={rules.link.severity}
              onChange={(s) => rules.link && onChange({ ...rules, link: { ...rules.link, severity: s } })}
            />
          </>
        )}
      </fieldset>
    </div>
  );
}

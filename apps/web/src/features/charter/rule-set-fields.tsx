// Edits one rule set (the workspace's, or one network's override): each rule can be switched on,
// given its values and a severity (block stops approval and publishing, warn only tells).
import type { RuleSet, Severity } from '@cadence/domain/charter/schemas';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BlackoutDatesFields } from './blackout-dates-fields';
import { type CountRule, CountRuleFields } from './count-rule-fields';
import { PostingWindowsFields } from './posting-windows-fields';
import { invalidProps, Problem, type RuleProblems, SeveritySelect } from './rule-controls';
import { SpacingFields } from './spacing-fields';

type ListRule = 'bannedPhrases' | 'forbiddenHashtags' | 'requiredHashtags';
const LIST_RULES: ListRule[] = ['bannedPhrases', 'forbiddenHashtags', 'requiredHashtags'];
const TEXT_COUNT_RULES: CountRule[] = ['maxLength', 'maxHashtags', 'maxMentions', 'maxEmoji'];
const CAPS: CountRule[] = ['maxPostsPerDay', 'maxPostsPerWeek'];

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

/** Sets one rule, or removes it when `value` is undefined (the rule is off). */
function withRule<K extends keyof RuleSet>(rules: RuleSet, key: K, value: RuleSet[K] | undefined): RuleSet {
  const next = { ...rules };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** The first problem of a list rule: its items are named by line ("bannedPhrases.phrases.2"). */
function listProblemPath(problems: RuleProblems, rule: ListRule): string | undefined {
  return Object.keys(problems).find((p) => p === rule || p.startsWith(`${rule}.`));
}

export function RuleSetFields({
  rules,
  onChange,
  problems = {},
}: {
  rules: RuleSet;
  onChange: (rules: RuleSet) => void;
  problems?: RuleProblems;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="rule-fields">
      <h2 className="rule-group-title">{t('charter.groups.text')}</h2>
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
                  {...invalidProps(id, listProblemPath(problems, rule) ?? rule, problems)}
                />
                {rule === 'bannedPhrases' && <p className="field-hint">{t('charter.wordForms.hint')}</p>}
                <Problem scopeId={id} path={listProblemPath(problems, rule) ?? rule} problems={problems} />
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
      {TEXT_COUNT_RULES.map((rule) => (
        <CountRuleFields
          key={rule}
          rule={rule}
          value={rules[rule]}
          onChange={(v) => onChange(withRule(rules, rule, v))}
          problems={problems}
          scopeId={id}
        />
      ))}
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
      <h2 className="rule-group-title">{t('charter.groups.schedule')}</h2>
      <PostingWindowsFields
        rule={rules.postingWindows}
        onChange={(v) => onChange(withRule(rules, 'postingWindows', v))}
        problems={problems}
        scopeId={id}
      />
      <BlackoutDatesFields
        rule={rules.blackoutDates}
        onChange={(v) => onChange(withRule(rules, 'blackoutDates', v))}
        problems={problems}
        scopeId={id}
      />
      <SpacingFields
        rule={rules.minSpacingMinutes}
        onChange={(v) => onChange(withRule(rules, 'minSpacingMinutes', v))}
        problems={problems}
        scopeId={id}
      />
      {CAPS.map((rule) => (
        <CountRuleFields
          key={rule}
          rule={rule}
          value={rules[rule]}
          onChange={(v) => onChange(withRule(rules, rule, v))}
          problems={problems}
          scopeId={id}
        />
      ))}
    </div>
  );
}

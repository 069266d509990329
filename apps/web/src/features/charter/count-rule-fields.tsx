// A rule that caps a number: characters, hashtags, mentions, emoji, posts a day or a week.
import type { RuleSet } from '@cadence/domain/charter/schemas';
import { useTranslation } from 'react-i18next';
import { invalidProps, Problem, RuleFrame, type RuleProblems, SeveritySelect } from './rule-controls';

export type CountRule =
  | 'maxLength'
  | 'maxHashtags'
  | 'maxMentions'
  | 'maxEmoji'
  | 'maxPostsPerDay'
  | 'maxPostsPerWeek';
type Rule = NonNullable<RuleSet[CountRule]>;

const FIRST_VALUE: Record<CountRule, number> = {
  maxLength: 280,
  maxHashtags: 3,
  maxMentions: 3,
  maxEmoji: 3,
  maxPostsPerDay: 3,
  maxPostsPerWeek: 10,
};

export function CountRuleFields({
  rule,
  value,
  onChange,
  problems,
  scopeId,
}: {
  rule: CountRule;
  value: Rule | undefined;
  onChange: (value: Rule | undefined) => void;
  problems: RuleProblems;
  scopeId: string;
}) {
  const { t } = useTranslation();
  const name = t(`charter.rules.${rule}`);
  const path = `${rule}.max`;
  return (
    <RuleFrame
      name={name}
      inline
      on={value !== undefined}
      onToggle={(on) => onChange(on ? { max: FIRST_VALUE[rule], severity: 'warn' } : undefined)}
    >
      {value && (
        <>
          <input
            type="number"
            min={rule === 'maxLength' ? 1 : 0}
            aria-label={t('charter.maxOf', { rule: name })}
            value={Number.isNaN(value.max) ? '' : value.max}
            onChange={(e) => onChange({ ...value, max: e.target.valueAsNumber })}
            {...invalidProps(scopeId, path, problems)}
          />
          <SeveritySelect
            label={t('charter.severityOf', { rule: name })}
            value={value.severity}
            onChange={(severity) => onChange({ ...value, severity })}
          />
          <Problem scopeId={scopeId} path={path} problems={problems} />
        </>
      )}
    </RuleFrame>
  );
}

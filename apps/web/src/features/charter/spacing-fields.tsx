// The least time between two posts on one channel, in minutes (hours shown beside for long gaps).
import type { RuleSet } from '@cadence/domain/charter/schemas';
import { useTranslation } from 'react-i18next';
import { invalidProps, Problem, RuleFrame, type RuleProblems, SeveritySelect } from './rule-controls';

type Rule = NonNullable<RuleSet['minSpacingMinutes']>;

export function SpacingFields({
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
  const name = t('charter.rules.minSpacingMinutes');
  return (
    <RuleFrame
      name={name}
      inline
      on={rule !== undefined}
      onToggle={(on) => onChange(on ? { minutes: 60, severity: 'warn' } : undefined)}
    >
      {rule && (
        <>
          <label className="mini-field">
            <span>{t('charter.spacing.minutes')}</span>
            <input
              type="number"
              min={1}
              max={10_080}
              value={Number.isNaN(rule.minutes) ? '' : rule.minutes}
              onChange={(e) => onChange({ ...rule, minutes: e.target.valueAsNumber })}
              {...invalidProps(scopeId, 'minSpacingMinutes.minutes', problems)}
            />
          </label>
          <SeveritySelect
            label={t('charter.severityOf', { rule: name })}
            value={rule.severity}
            onChange={(severity) => onChange({ ...rule, severity })}
          />
          <Problem scopeId={scopeId} path="minSpacingMinutes.minutes" problems={problems} />
        </>
      )}
    </RuleFrame>
  );
}

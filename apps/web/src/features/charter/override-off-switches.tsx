// On one network's page of the charter: the workspace's rules that do not apply on that network at
// all (stored as `null` in its override), as opposed to rules replaced there by the fields below.
import type { NetworkRuleOverride, RuleSet } from '@cadence/domain/charter/schemas';
import { useTranslation } from 'react-i18next';
import { CHARTER_RULE_KEYS } from './change-summary-text';

type RuleKey = keyof NetworkRuleOverride;
// Guidance and pillars are not checked per post: nothing to switch off.
const SWITCHABLE = CHARTER_RULE_KEYS.filter((k): k is RuleKey => k !== 'tone' && k !== 'pillars');

export function OverrideOffSwitches({
  network,
  workspaceRules,
  off,
  onChange,
}: {
  network: string;
  workspaceRules: RuleSet;
  off: ReadonlySet<string>;
  onChange: (rule: RuleKey, off: boolean) => void;
}) {
  const { t } = useTranslation();
  const rules = SWITCHABLE.filter((k) => workspaceRules[k] !== undefined || off.has(k));
  if (rules.length === 0) return null;
  return (
    <fieldset className="rule">
      <legend>{t('charter.offOn.title', { network })}</legend>
      <p className="field-hint">{t('charter.offOn.hint', { network })}</p>
      <div className="check-list">
        {rules.map((k) => (
          <label key={k} className="check-chip">
            <input type="checkbox" checked={off.has(k)} onChange={(e) => onChange(k, e.target.checked)} />{' '}
            {t(`charter.rules.${k}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

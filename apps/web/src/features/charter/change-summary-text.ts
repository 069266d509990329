// The charter's version history says which rules changed in words ("Expressions interdites
// (Bluesky)"), never as the stored keys ("rules.bannedPhrases", "overrides.bluesky.maxLength").
import type { RuleSet } from '@cadence/domain/charter/schemas';
import type { TFunction } from 'i18next';

/** Every rule a charter holds, so a test can check that each has a name in both catalogues. */
export const CHARTER_RULE_KEYS = [
  'tone',
  'bannedPhrases',
  'requiredHashtags',
  'forbiddenHashtags',
  'maxHashtags',
  'maxMentions',
  'maxEmoji',
  'maxLength',
  'link',
  'postingWindows',
  'blackoutDates',
  'maxPostsPerDay',
  'maxPostsPerWeek',
  'minSpacingMinutes',
  'altText',
  'pillars',
] as const satisfies readonly (keyof RuleSet)[];

// A rule added to the schema and not to the list above fails the typecheck here.
type Missing = Exclude<keyof RuleSet, (typeof CHARTER_RULE_KEYS)[number]>;
const allListed: Missing extends never ? true : false = true;
void allListed;

const isRuleKey = (key: string): key is (typeof CHARTER_RULE_KEYS)[number] =>
  (CHARTER_RULE_KEYS as readonly string[]).includes(key);

export function changeSummaryText(change: string, t: TFunction): string {
  const [scope, first, second] = change.split('.');
  if (scope === 'rules' && first && isRuleKey(first)) return t(`charter.rules.${first}`);
  if (scope === 'overrides' && first && second && isRuleKey(second))
    return t('charter.changedFor', {
      rule: t(`charter.rules.${second}`),
      network: t(`networks.${first}`, { defaultValue: first }),
    });
  return t('charter.otherChange');
}

/** Several changes as one list in the interface language ("Liens et Hashtags interdits"). */
export function changeSummaryList(changes: readonly string[], t: TFunction, language: string): string {
  const words = [...new Set(changes.map((c) => changeSummaryText(c, t)))];
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(words);
}

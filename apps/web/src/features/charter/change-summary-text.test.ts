import { charterChanges } from '@cadence/domain/charter/change-summary';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import i18n from '../../i18n/index';
import { CHARTER_RULE_KEYS, changeSummaryList, changeSummaryText } from './change-summary-text';

describe('the charter history in words', () => {
  it('has a name for every rule in both languages', () => {
    for (const key of CHARTER_RULE_KEYS) {
      expect((en.charter.rules as Record<string, string>)[key], `en ${key}`).toBeTruthy();
      expect((fr.charter.rules as Record<string, string>)[key], `fr ${key}`).toBeTruthy();
    }
  });

  it('names what changed in French, never the stored keys', async () => {
    await i18n.changeLanguage('fr');
    const changes = charterChanges(
      { rules: { maxPostsPerDay: { max: 3, severity: 'warn' } }, overrides: {} },
      {
        rules: {
          maxPostsPerDay: { max: 5, severity: 'warn' },
          bannedPhrases: { phrases: ['promo'], severity: 'block' },
        },
        overrides: { bluesky: { maxLength: null } },
      },
    );
    expect(changes).toContain('rules.bannedPhrases'); // what the server stores
    const text = changeSummaryList(changes, i18n.t, 'fr');
    expect(text).toBe(
      'Longueur maximale (Bluesky), Expressions interdites et Publications par jour au maximum',
    );
    expect(text).not.toMatch(/rules\.|overrides\./);
  });

  it('says "other settings" for a key it does not know rather than showing it', async () => {
    await i18n.changeLanguage('en');
    expect(changeSummaryText('rules.somethingNew', i18n.t)).toBe('other settings');
  });
});

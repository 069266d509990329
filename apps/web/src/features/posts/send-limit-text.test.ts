import { describe, expect, it } from 'vitest';
import i18n from '../../i18n/index';
import { durationParts, sendLimitText, windowParts } from './send-limit-text';

const warning = { channelId: 'c', posts: 300, seconds: 600, limit: { max: 30, perSeconds: 60 } };

describe('a send-limit warning in words', () => {
  it('rounds the wait up to the largest readable unit', () => {
    expect(durationParts(45)).toEqual({ unit: 'seconds', count: 45 });
    expect(durationParts(121)).toEqual({ unit: 'minutes', count: 3 });
    expect(durationParts(3 * 3600 + 1)).toEqual({ unit: 'hours', count: 4 });
    expect(durationParts(3 * 86_400)).toEqual({ unit: 'days', count: 3 });
  });

  it("names a limit's window in the unit that divides it exactly", () => {
    expect(windowParts(1)).toEqual({ unit: 'seconds', count: 1 });
    expect(windowParts(60)).toEqual({ unit: 'minutes', count: 1 });
    expect(windowParts(900)).toEqual({ unit: 'minutes', count: 15 });
    expect(windowParts(86_400)).toEqual({ unit: 'days', count: 1 });
    expect(windowParts(90)).toEqual({ unit: 'seconds', count: 90 });
  });

  it('says how many posts, how long, and the limit, in English and in French', async () => {
    await i18n.changeLanguage('en');
    expect(sendLimitText(i18n.t, warning, 'Brand')).toBe(
      "Brand: these 300 posts will take 10 minutes to leave at this account's limit (30 per minute).",
    );
    expect(sendLimitText(i18n.t, { ...warning, limit: { max: 100, perSeconds: 900 } }, 'Brand')).toContain(
      '(100 per 15 minutes)',
    );
    await i18n.changeLanguage('fr');
    expect(sendLimitText(i18n.t, warning, 'Marque')).toBe(
      'Marque\u00a0: ces 300 publications mettront 10 minutes à partir au rythme permis pour ce compte (30 par minute).',
    );
    expect(sendLimitText(i18n.t, { ...warning, seconds: 1 }, 'Marque')).toContain('1 seconde à partir');
  });
});

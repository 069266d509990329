import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import { describeProblems, localProblems, problemsIn, serverProblems } from './charter-problems';

const t = i18n.getFixedT.bind(i18n);
beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng: 'fr' });
});
const NBSP = '\u00a0';

describe('charter problems, named in the reader’s language', () => {
  it('names the rule, the period and the field of a blackout that ends before it starts', () => {
    const raw = localProblems({
      rules: { blackoutDates: { dates: [{ from: '2026-12-26', to: '2026-12-24' }], severity: 'block' } },
      overrides: {},
    });
    const [fr1] = describeProblems(raw, t('fr'), 'fr');
    expect(fr1).toMatchObject({ scope: 'workspace', path: 'blackoutDates.dates.0.to' });
    expect(fr1?.summary).toBe(
      `Dates interdites, période 1${NBSP}: «${NBSP}Au${NBSP}» doit être le même jour que «${NBSP}Du${NBSP}» ou après.`,
    );
    const [en1] = describeProblems(raw, t('en'), 'en');
    expect(en1?.summary).toBe('Blackout dates, period 1: "To" must be the same day as "From" or later.');
  });

  it('names the weekday and the window of a posting window in a network’s override', () => {
    const raw = localProblems({
      rules: {},
      overrides: {
        linkedin: {
          postingWindows: { byWeekday: { 1: [{ start: '18:00', end: '09:00' }] }, severity: 'warn' },
        },
      },
    });
    const [p] = describeProblems(raw, t('fr'), 'fr');
    expect(p?.scope).toBe('linkedin');
    expect(p?.summary).toBe(
      `Créneaux de publication, lundi, créneau 1 (LinkedIn)${NBSP}: L’heure de fin doit venir après l’heure de début.`,
    );
    expect(problemsIn(describeProblems(raw, t('fr'), 'fr'), 'linkedin')).toEqual({
      'postingWindows.byWeekday.1.0.end': 'L’heure de fin doit venir après l’heure de début.',
    });
  });

  it('says the bound of a number and a missing date', () => {
    const raw = localProblems({
      rules: {
        minSpacingMinutes: { minutes: 0, severity: 'warn' },
        blackoutDates: { dates: [{ from: '', to: '2026-12-24' }], severity: 'block' },
      },
      overrides: {},
    });
    const texts = describeProblems(raw, t('en'), 'en').map((p) => p.summary);
    expect(texts).toContain(
      'Minimum spacing between posts: Minutes between two posts on a channel must be at least 1.',
    );
    expect(texts).toContain('Blackout dates, period 1: From is missing or not valid.');
  });

  it('places the server’s field paths (400) on the same fields', () => {
    const e = new ApiError(400, 'validation_failed', 'invalid', [
      { field: 'body.rules.rules.bannedPhrases.phrases.2', message: 'Too big' },
    ]);
    const [p] = describeProblems(serverProblems(e), t('fr'), 'fr');
    expect(p?.path).toBe('bannedPhrases.phrases.2');
    expect(p?.summary).toBe(
      `Expressions interdites, ligne 3${NBSP}: Expressions interdites manque ou n’est pas valide.`,
    );
  });
});

import { CHARTER_RULE_CODES, ERROR_CODES, LOCALES, type Locale, NOT_FOUND_THINGS } from '@cadence/names';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { VALIDATION_REASONS } from './field-problems';
import { fr } from './fr';
import { catalogues, hasMessage, translate } from './translate';

type Tree = { [key: string]: string | Tree };

/** Every leaf of a catalogue by its full key, plural suffixes kept. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** The plural forms each language's Intl.PluralRules can ask for (French has "many": 1 000 000). */
const pluralForms = (locale: Locale) => new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
const codesOf = (tree: Tree) => new Set([...leaves(tree).keys()].map((k) => k.replace(PLURAL, '')));

const everyCode = [
  ...ERROR_CODES.map((c) => `errors.code.${c}`),
  ...NOT_FOUND_THINGS.map((t) => `errors.notFound.${t}`),
  ...CHARTER_RULE_CODES.map((r) => `charter.rules.${r}`),
  ...VALIDATION_REASONS.map((r) => `validation.${r}`),
  ...codesOf(en as Tree),
];

describe('the message catalogues', () => {
  it.each(LOCALES)('has every error code, rule code, field reason and message in %s', (locale) => {
    const missing = everyCode.filter((code) => !hasMessage(locale, code));
    expect(missing).toEqual([]);
  });

  it('has no French key that English lacks (a typo would never be said)', () => {
    const english = codesOf(en as Tree);
    expect([...codesOf(fr as Tree)].filter((code) => !english.has(code))).toEqual([]);
  });

  it.each(LOCALES)('gives every plural message each form %s asks for', (locale) => {
    const keys = [...leaves(catalogues[locale] as Tree).keys()];
    const families = new Set(keys.filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
    const lacking = [...families].flatMap((family) =>
      pluralForms(locale)
        .filter((form) => !keys.includes(`${family}_${form}`))
        .map((form) => `${family}_${form}`),
    );
    expect(lacking).toEqual([]);
  });

  it('puts a no-break space before : ; ! ? and inside « » in every French sentence', () => {
    const faults = [...leaves(fr as Tree)].flatMap(([key, text]) => {
      // Placeholders and nested keys are not read by people; times and ratios (09:30, 4:5) keep their colon.
      const read = text.replace(/\{\{[^}]*\}\}/g, 'X').replace(/\$t\([^)]*\)/g, 'X');
      const bad =
        /[^\u00a0\u202f\d][:;!?]/.test(read) ||
        /^[:;!?]/.test(read) ||
        /«[^\u00a0\u202f]/.test(read) ||
        /[^\u00a0\u202f]»/.test(read);
      return bad ? [key] : [];
    });
    expect(faults).toEqual([]);
  });

  it('never says « canal » for a channel in French', () => {
    expect([...leaves(fr as Tree)].filter(([, text]) => /\bcanal|canaux\b/i.test(text))).toEqual([]);
  });
});

// Parameters covering every placeholder the charter's sentences use.
const SAMPLE = {
  network: 'bluesky',
  count: 3,
  max: 2,
  min: 0.8,
  bytes: 1_400_000,
  kind: 'gif',
  what: 'hashtags',
  source: 'campaign',
  phrase: 'pas cher',
  tag: 'nsfw',
  tags: ['soldes', '#hiver'],
  host: 'evil.example',
  domains: ['example.com'],
  missing: ['utm_source'],
  weekday: 7,
  time: '10:00',
  windows: ['09:00–18:00'],
  day: '2025-12-24',
  reason: 'Noël',
  week: 52,
  weekYear: 2025,
  zone: 'Mars/Olympus',
};

describe('charter sentences', () => {
  const charterCodes = [...codesOf(en.charter as Tree)]
    .filter((k) => !/^(rules|sources|kinds|things)\./.test(k))
    .map((k) => `charter.${k}`);

  it.each(LOCALES)('fills every placeholder and nested word in %s', (locale) => {
    const unfilled = charterCodes.filter((code) => {
      const text = translate(locale, code as never, SAMPLE);
      return text.includes('{{') || text.includes('$t(') || text.includes('charter.') || text === code;
    });
    expect(unfilled).toEqual([]);
  });

  it('words lists, days, sizes and network names in each language', () => {
    expect(
      translate('en', 'charter.missingHashtags', { source: 'campaign', tags: ['soldes', '#hiver'] }),
    ).toBe('Add the hashtags the campaign requires: #soldes and #hiver.');
    expect(translate('fr', 'charter.bannedPhrase', { source: 'charter', phrase: 'pas cher' })).toBe(
      '«\u00a0pas cher\u00a0» fait partie des expressions interdites par la charte.',
    );
    expect(translate('fr', 'charter.mediaKind', { network: 'instagram', kind: 'gif' })).toBe(
      'Instagram n’accepte pas les GIF.',
    );
    expect(translate('en', 'charter.outsideWindows', SAMPLE)).toBe(
      'Scheduled for Sunday at 10:00, outside the posting windows (09:00–18:00).',
    );
    expect(translate('fr', 'charter.perDay', { day: '2025-12-24', count: 4, max: 3 })).toBe(
      'Ce compte aurait 4 publications le 24 décembre 2025\u00a0; la charte en autorise 3 par jour.',
    );
    expect(translate('fr', 'charter.networkLength', { network: 'x', count: 3000, max: 280 })).toBe(
      'Ce message fait 3\u202f000 caractères sur X, au-delà de sa limite de 280.',
    );
    expect(translate('en', 'charter.spacing', { count: 1, min: 60 })).toBe(
      'Another post on this channel is 1 minute away; the charter asks for at least 60.',
    );
  });

  it('words the domain’s refusals with their enum values as words', () => {
    expect(translate('fr', 'errors.posts.wrongStatus', { status: 'in_review', action: 'edit' })).toBe(
      'Impossible de modifier une publication en relecture',
    );
    expect(translate('en', 'errors.posts.wrongStatus', { status: 'draft', action: 'reschedule' })).toBe(
      'A post that is a draft cannot be rescheduled',
    );
    expect(translate('fr', 'errors.limits.liveItems', { max: 20, cap: 'api_tokens' })).toContain(
      '20 jetons d’API',
    );
    expect(translate('fr', 'validation.range_too_long', { field: 'querystring.to', max: 62 })).toBe(
      'Le champ «\u00a0querystring.to\u00a0» rend la période plus longue que 62 jours.',
    );
  });
});

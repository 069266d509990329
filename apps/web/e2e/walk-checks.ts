// What the screen walk checks on every screen: axe-core's serious and critical violations, English
// left on a French screen (against the English catalogue), and internal codes shown to a person.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import en from '../src/i18n/en.json';
import fr from '../src/i18n/fr.json';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** axe-core's serious and critical violations on the page as it stands. */
export async function axeProblems(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: unknown[] }> } })
      .axe;
    // axe's default rules: WCAG A/AA (2.0 to 2.2) and best practices, experimental ones left out.
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations as AxeViolation[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `axe ${v.impact} ${v.id} (${v.help}): ${v.nodes
          .slice(0, 4)
          .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`)
          .join(' | ')}`,
    );
}

function flatten(tree: object, into: Map<string, string> = new Map(), prefix = ''): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') into.set(prefix + key, value);
    else if (value && typeof value === 'object') flatten(value, into, `${prefix}${key}.`);
  }
  return into;
}

const english = flatten(en);
const french = flatten(fr);
const frenchText = [...french.values()].join('\n');
const wordIn = (text: string, phrase: string) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
    'u',
  ).test(text);

/**
 * The English catalogue's phrases worth looking for on a French screen: each value that differs
 * from its French one, cut at its placeholders, keeping pieces of at least four letters that no
 * French value also uses (network names, "Webhook", "Instagram" are the same in both).
 */
export const englishPhrases: string[] = [
  ...new Set(
    [...english].flatMap(([key, value]) =>
      french.get(key) === value
        ? []
        : value
            .split(/\{\{\w+\}\}|\n|<\/?\d+>/)
            .map((piece) => piece.trim().replace(/^[\s·:,.;!?()+\-–—→…]+|[\s·:,.;!?()+\-–—→…]+$/g, ''))
            .filter((piece) => (piece.match(/\p{L}/gu)?.length ?? 0) >= 4 && !wordIn(frenchText, piece)),
    ),
  ),
].sort((a, b) => b.length - a.length);

/** Enum values that are English words: shown lower-case on a French screen, they are raw codes. */
const ENUM_WORDS = [
  'draft', 'approved', 'scheduled', 'publishing', 'published', 'failed', 'cancelled', 'pending',
  'held', 'missed', 'sending', 'claimed', 'owner', 'editor', 'viewer', 'open', 'waiting', 'done',
  'planned', 'active', 'completed', 'archived', 'connected', 'disconnected', 'mention', 'reply',
]; // biome-ignore format: a list of words

/** Domain names, file names and addresses are not codes. */
const NOT_CODES =
  /https?:\/\/\S+|[\w.+-]+@[\w-]+(\.[\w-]+)+|\b[\w-]+(\.[\w-]+)*\.(com|org|net|fr|io|social|png|jpe?g|gif|webp|mp4|ics|csv|json)\b/g;
const CODE_PATTERNS: [string, RegExp][] = [
  ['uuid', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi],
  ['snake_case', /(?<![\p{L}\p{N}@#])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\p{L}\p{N}])/gu],
  ['dotted name', /(?<![\p{L}\p{N}@#.])[a-z][a-zA-Z0-9_]*(?:\.[a-z][a-zA-Z0-9_]*)+(?![\p{L}\p{N}])/gu],
  // Two lower-case letters first: units such as kB and MHz are not names.
  ['camelCase', /(?<![\p{L}\p{N}@#])[a-z]{2,}[A-Z][a-z][a-zA-Z]*(?![\p{L}\p{N}])/gu],
];

/**
 * The screen's visible text, one text node a line (so two buttons side by side do not read as one
 * word), plus the names a screen reader reads out (labels, titles, placeholders, alt texts).
 */
export function screenText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const lines = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      // translate="no" marks a value, not wording: a token's random prefix can look like camelCase.
      if (!text || !parent || parent.closest('script, style, [aria-hidden="true"], [translate="no"]'))
        continue;
      if (parent.checkVisibility({ visibilityProperty: true }) || parent.closest('.visually-hidden'))
        lines.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]'))
      if (!el.closest('[aria-hidden="true"]'))
        for (const a of ['aria-label', 'title', 'placeholder', 'alt']) lines.push(el.getAttribute(a) ?? '');
    return lines.filter(Boolean).join('\n');
  });
}

/** Raw codes in any language; English catalogue phrases and lower-case enum words in French. */
export function wordingProblems(text: string, lang: 'fr' | 'en', userContent: readonly string[]): string[] {
  let rest = text.replace(NOT_CODES, ' ');
  for (const content of userContent) rest = rest.split(content).join(' ');
  const problems: string[] = [];
  for (const [kind, pattern] of CODE_PATTERNS)
    for (const match of new Set(rest.match(pattern) ?? [])) problems.push(`raw ${kind} "${match}"`);
  if (lang === 'fr') {
    for (const word of ENUM_WORDS) if (wordIn(rest, word)) problems.push(`raw code "${word}"`);
    for (const phrase of englishPhrases)
      if (wordIn(rest, phrase)) {
        problems.push(`English "${phrase}"`);
        rest = rest.split(phrase).join(' '); // report the longest phrase, not each of its words
      }
  }
  return problems;
}

/**
 * On a phone, the page must not scroll sideways: names the outermost elements that stick out past
 * the screen's width (their parent fits), which is where a fix goes.
 */
export function overflowProblems(page: Page, width: number): Promise<string[]> {
  // No named functions inside: tsx would wrap them in a helper that the page does not have.
  return page.evaluate((width) => {
    if (document.documentElement.scrollWidth <= width) return [];
    const causes: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const parent = el.parentElement;
      if (el.getBoundingClientRect().right <= width + 1) continue;
      if (!parent || parent.getBoundingClientRect().right > width + 1) continue;
      const classes = typeof el.className === 'string' ? el.className.trim().split(/\s+/).join('.') : '';
      causes.push(
        `${el.tagName.toLowerCase()}${classes ? `.${classes}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`,
      );
    }
    return [
      `the page scrolls sideways (${document.documentElement.scrollWidth} px wide): ${causes.slice(0, 4).join(' | ')}`,
    ];
  }, width);
}

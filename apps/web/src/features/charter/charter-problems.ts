// What is wrong with a charter being edited, in the reader's language and naming the field: from the
// same zod schema the server uses (checked before sending, so most problems never make a round
// trip) or from the server's 400/422 field paths ("rules.overrides.x.blackoutDates.dates.1.to").
// The server's sentences are English; only the path and the kind of problem are taken from it.
import { charterRulesSchema, type CharterRules } from '@cadence/domain/charter/schemas';
import type { TFunction } from 'i18next';
import { Info } from 'luxon';
import { isApiError } from '../../api/errors';

type ProblemKind = 'order' | 'range' | 'format' | 'unknown';

export interface CharterProblem {
  /** "workspace" or a network: whose rules the problem is in. */
  scope: string;
  /** Path inside that rule set: "blackoutDates.dates.1.to". */
  path: string;
  /** The sentence shown beside the field. */
  text: string;
  /** The same with the rule and the scope named, for the list above the save button. */
  summary: string;
}

interface RawProblem {
  path: (string | number)[];
  kind: ProblemKind;
  min?: number | undefined;
  max?: number | undefined;
  /** What a size bound is about: a number's value, a text's length, a list's length. */
  origin?: string | undefined;
}

/** Problems found locally by the charter's own schema, before anything is sent. */
export function localProblems(rules: CharterRules): RawProblem[] {
  const parsed = charterRulesSchema.safeParse(rules);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const kind: ProblemKind =
      issue.code === 'custom'
        ? 'order'
        : issue.code === 'too_small' || issue.code === 'too_big'
          ? 'range'
          : issue.code === 'invalid_format'
            ? 'format'
            : 'unknown';
    const bounds = issue as { minimum?: number | bigint; maximum?: number | bigint; origin?: string };
    return {
      path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      kind,
      min: issue.code === 'too_small' ? Number(bounds.minimum) : undefined,
      max: issue.code === 'too_big' ? Number(bounds.maximum) : undefined,
      origin: bounds.origin,
    };
  });
}

/** The server's field problems for a save, as paths inside the charter's rules. */
export function serverProblems(error: unknown): RawProblem[] {
  if (!isApiError(error) || (error.status !== 400 && error.status !== 422)) return [];
  return Object.keys(error.fieldErrors)
    .filter((field) => field.startsWith('rules.'))
    .map((field) => ({ path: field.slice('rules.'.length).split('.'), kind: 'unknown' as const }));
}

const FIELD_NAMES: Record<string, string> = {
  from: 'charter.blackout.from',
  to: 'charter.blackout.to',
  reason: 'charter.blackout.label',
  start: 'charter.windows.startField',
  end: 'charter.windows.endField',
  minutes: 'charter.spacing.minutes',
  phrases: 'charter.rules.bannedPhrases',
  tags: 'charter.rules.forbiddenHashtags',
  allOf: 'charter.rules.requiredHashtags',
  oneOf: 'charter.rules.requiredHashtags',
  allowedDomains: 'charter.allowedDomains',
};

/** Turns raw problems into sentences: "« Au » comes before « Du »", with the rule and scope named. */
export function describeProblems(raw: RawProblem[], t: TFunction, language: string): CharterProblem[] {
  const weekdays = Info.weekdays('long', { locale: language });
  return raw.map(({ path, kind, min, max, origin }) => {
    const [top, second, ...rest] = path.map(String);
    const scope = top === 'overrides' ? (second ?? 'workspace') : 'workspace';
    const inner = top === 'overrides' ? rest : [second, ...rest].filter((p): p is string => p !== undefined);
    const [rule = '', ...tail] = inner;
    const fieldKey = [...tail].reverse().find((p) => FIELD_NAMES[p]);
    const field = fieldKey ? t(FIELD_NAMES[fieldKey] as string) : t(`charter.rules.${rule}`, rule);
    const text = sentence({ kind, fieldKey, field, min, max, origin }, t);
    // Where in the rule: "période 2", "lundi, créneau 1", "ligne 3".
    const index = (after: string) => {
      const at = tail.indexOf(after);
      const n = Number(tail[at + 1]);
      return at >= 0 && Number.isInteger(n) ? n + 1 : undefined;
    };
    const places: string[] = [];
    if (rule === 'blackoutDates' && index('dates'))
      places.push(t('charter.problems.period', { n: index('dates') }));
    if (rule === 'postingWindows') {
      const day = Number(tail[1]);
      const n = Number(tail[2]);
      if (day >= 1 && day <= 7) places.push(weekdays[day - 1] ?? '');
      if (Number.isInteger(n)) places.push(t('charter.problems.window', { n: n + 1 }));
    }
    const listIndex = ['phrases', 'tags', 'allOf', 'oneOf'].map(index).find((n) => n !== undefined);
    if (listIndex) places.push(t('charter.problems.line', { n: listIndex }));
    const ruleName = t(`charter.rules.${rule}`, rule);
    const where = [ruleName, ...places].join(', ');
    const scopeName = scope === 'workspace' ? '' : ` (${t(`networks.${scope}`, scope)})`;
    return {
      scope,
      path: inner.join('.'),
      text,
      summary: `${where}${scopeName}${t('charter.problems.colon')}${text}`,
    };
  });
}

/** The problems of one scope, keyed by path, for the editors to show beside their inputs. */
export function problemsIn(problems: CharterProblem[], scope: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) if (p.scope === scope) out[p.path] ??= p.text;
  return out;
}

function sentence(
  p: {
    kind: ProblemKind;
    fieldKey: string | undefined;
    field: string;
    min?: number;
    max?: number;
    origin?: string;
  },
  t: TFunction,
): string {
  const { kind, fieldKey, field, min, max, origin } = p;
  if (kind === 'order' && fieldKey === 'to') return t('charter.problems.blackoutOrder');
  if (kind === 'order' && fieldKey === 'end') return t('charter.problems.windowOrder');
  if (kind === 'range' && origin === 'string')
    return max !== undefined
      ? t('charter.problems.tooLong', { field, max })
      : t('charter.problems.empty', { field });
  if (kind === 'range' && origin === 'array' && max !== undefined)
    return t('charter.problems.tooMany', { field, max });
  if (kind === 'range' && min !== undefined && !Number.isNaN(min))
    return t('charter.problems.atLeast', { field, min });
  if (kind === 'range' && max !== undefined && !Number.isNaN(max))
    return t('charter.problems.atMost', { field, max });
  return t('charter.problems.invalid', { field });
}

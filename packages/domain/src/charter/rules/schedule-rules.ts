import type { DateTime } from 'luxon';
import { verdicts } from '../verdicts';
import type { RuleSet } from '../schemas';
import type { Finding } from './context';

type Rule<K extends keyof RuleSet> = NonNullable<RuleSet[K]>;

/** The post's time in the workspace zone, with the bounds of its local day and ISO week. */
export interface PostSlot {
  at: DateTime;
  millis: number;
  day: readonly [number, number];
  week: readonly [number, number];
}

// Bounds are worked out once in the zone (so a 23- or 25-hour DST day is right) and the channel's
// other posts are compared as plain instants, which is what makes long lists cheap.
export function postSlot(at: DateTime): PostSlot {
  const bounds = (unit: 'day' | 'week') => [at.startOf(unit).toMillis(), at.endOf(unit).toMillis()] as const;
  // Luxon's week is the ISO week, Monday to Sunday.
  return { at, millis: at.toMillis(), day: bounds('day'), week: bounds('week') };
}

/** The post and its channel's other posts, as instants in milliseconds. */
export interface ScheduleContext {
  post: PostSlot;
  others: readonly number[];
}

const within = (millis: number, [from, to]: readonly [number, number]) => from <= millis && millis <= to;

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether a wall-clock minute of an ISO weekday (Monday = 1) falls in one of the windows. */
export function insideWindows(rule: Rule<'postingWindows'>, weekday: number, minute: number): boolean {
  const windows = rule.byWeekday[weekday as keyof typeof rule.byWeekday] ?? [];
  return windows.some((w) => minute >= toMinutes(w.start) && minute < toMinutes(w.end));
}

/** The blackout period covering an ISO date ("YYYY-MM-DD"), if any. */
export function blackoutOn(rule: Rule<'blackoutDates'>, day: string) {
  // ISO dates compare in calendar order as strings.
  return rule.dates.find((d) => d.from <= day && day <= d.to);
}

export function checkPostingWindows(ctx: ScheduleContext, rule: Rule<'postingWindows'>): Finding[] {
  // Wall-clock time in the workspace zone, so 09:00 stays 09:00 across daylight-saving changes.
  const { at } = ctx.post;
  const windows = rule.byWeekday[at.weekday as keyof typeof rule.byWeekday] ?? [];
  if (insideWindows(rule, at.weekday, at.hour * 60 + at.minute + at.second / 60)) return [];
  return [
    {
      rule: 'postingWindows',
      severity: rule.severity,
      field: 'schedule',
      ...verdicts.outsideWindows(at, windows),
    },
  ];
}

export function checkBlackoutDates(ctx: ScheduleContext, rule: Rule<'blackoutDates'>): Finding[] {
  const hit = blackoutOn(rule, ctx.post.at.toISODate() ?? '');
  if (!hit) return [];
  return [
    {
      rule: 'blackoutDates',
      severity: rule.severity,
      field: 'schedule',
      ...verdicts.blackout(ctx.post.at, hit.reason),
    },
  ];
}

export function checkPostsPerDay(ctx: ScheduleContext, rule: Rule<'maxPostsPerDay'>): Finding[] {
  const count = 1 + ctx.others.filter((o) => within(o, ctx.post.day)).length;
  if (count <= rule.max) return [];
  return [
    {
      rule: 'maxPostsPerDay',
      severity: rule.severity,
      field: 'schedule',
      ...verdicts.perDay(ctx.post.at, count, rule.max),
    },
  ];
}

export function checkPostsPerWeek(ctx: ScheduleContext, rule: Rule<'maxPostsPerWeek'>): Finding[] {
  const count = 1 + ctx.others.filter((o) => within(o, ctx.post.week)).length;
  if (count <= rule.max) return [];
  return [
    {
      rule: 'maxPostsPerWeek',
      severity: rule.severity,
      field: 'schedule',
      ...verdicts.perWeek(ctx.post.at, count, rule.max),
    },
  ];
}

export function checkSpacing(ctx: ScheduleContext, rule: Rule<'minSpacingMinutes'>): Finding[] {
  const at = ctx.post.millis;
  // A loop rather than Math.min(...gaps): spreading a long list can overflow the call stack.
  let nearest = Number.POSITIVE_INFINITY;
  for (const other of ctx.others) nearest = Math.min(nearest, Math.abs(other - at) / 60_000);
  if (!(nearest < rule.minutes)) return [];
  return [
    {
      rule: 'minSpacingMinutes',
      severity: rule.severity,
      field: 'schedule',
      ...verdicts.spacing(Math.floor(nearest), rule.minutes),
    },
  ];
}

export function checkScheduleRules(ctx: ScheduleContext, rules: RuleSet): Finding[] {
  const findings: Finding[] = [];
  if (rules.postingWindows) findings.push(...checkPostingWindows(ctx, rules.postingWindows));
  if (rules.blackoutDates) findings.push(...checkBlackoutDates(ctx, rules.blackoutDates));
  if (rules.maxPostsPerDay) findings.push(...checkPostsPerDay(ctx, rules.maxPostsPerDay));
  if (rules.maxPostsPerWeek) findings.push(...checkPostsPerWeek(ctx, rules.maxPostsPerWeek));
  if (rules.minSpacingMinutes) findings.push(...checkSpacing(ctx, rules.minSpacingMinutes));
  return findings;
}

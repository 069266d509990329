// Walks a channel's weekly slots forward in the workspace timezone and yields the free ones.
// Pure: the clock, the channel's committed posts and the charter rules are all inputs.
//
// - A slot is a wall-clock time ("Tuesday 09:00"): it is resolved day by day with luxon, so 09:00
//   stays 09:00 whatever daylight saving does.
// - A slot inside a spring-forward gap (02:30 on the night clocks jump from 02:00 to 03:00) does
//   not exist that day and is skipped, not moved: moving it could land it on another slot or
//   against the spacing rule, and a post going out at an hour nobody chose is a surprise.
// - A slot inside a fall-back overlap resolves to the earlier of its two instants, as every local
//   time in Cadence does (docs/decisions/0020-time-rules.md).
// - A slot already holding a post of the channel, or one that any of the charter's schedule
//   rules (windows, blackouts, daily and weekly caps, spacing) flags, even as a warning, is
//   skipped: the queue picks times freely, so it picks only times the charter is happy with.
// - The walk is bounded (issue 10, finding 2: 20 channels of 200 weekly slots with posting windows
//   held the server 41 s). What can be known without walking is worked out first: slots outside
//   the posting windows never become free and are dropped before the walk, blackout days are
//   skipped whole, and a day without a daylight-saving change resolves its slots by arithmetic
//   instead of asking luxon for each. The remaining steps (a day, a slot) are counted against a
//   budget per request; when it runs out the search stops with a 422 rather than hold the event
//   loop for every other request.
import { DateTime } from 'luxon';
import { blackoutOn, insideWindows } from '../charter/rules/schedule-rules';
import type { RuleSet } from '../charter/schemas';
import { unprocessable } from '../errors';
import { resolveLocalTime } from '../time/local-time';
import type { WeeklySlot } from './schemas';
import { zonedDays } from './zoned-days';
import { countWithin, insertSorted, nearestDistance } from './sorted-instants';

export interface FreeSlot {
  at: Date;
  /** "YYYY-MM-DDTHH:mm" in the zone. */
  local: string;
  ambiguous: boolean;
}

/** What one request's slot searches may still spend, in days and slots looked at. */
export interface SlotBudget {
  left: number;
}

/**
 * A year of a channel with 200 weekly slots is about 10,800 steps: the budget lets one request walk
 * that several times over (a few channels to the horizon, or the preview's 50 slots anywhere in it),
 * and stops twenty channels that share no slot from walking twenty years of slots. About 50 ms.
 */
export const MAX_SLOT_STEPS = 50_000;

export const slotBudget = (steps = MAX_SLOT_STEPS): SlotBudget => ({ left: steps });

function spend(budget: SlotBudget): void {
  budget.left -= 1;
  if (budget.left < 0) {
    throw unprocessable(
      'errors.queue.searchExhausted',
      {},
      {
        reason: 'queue_search_exhausted',
      },
    );
  }
}

export interface FreeSlotsInput {
  slots: readonly WeeklySlot[];
  timezone: string;
  /** Slots at or before this instant are in the past. */
  after: Date;
  /** Instants (ms) of the channel's committed posts: they fill slots and count for the rules. */
  taken: readonly number[];
  rules: RuleSet;
  /** How far ahead to look, in days. */
  horizonDays?: number;
  /**
   * When true, each slot yielded counts as taken for the next ones (a preview of where the next
   * N posts would go). When false, slots are judged independently (to intersect channels).
   */
  reserve?: boolean;
  /** Shared by the searches of one request; a fresh MAX_SLOT_STEPS when absent. */
  budget?: SlotBudget;
}

export const DEFAULT_HORIZON_DAYS = 366;
// Two posts within the same minute on one channel are the same slot.
const SAME_SLOT_MS = 60_000;

interface DaySlot {
  time: string;
  minute: number;
}

/** The slots of each weekday in time order, without those the posting windows always refuse. */
function slotsByWeekday(slots: readonly WeeklySlot[], rules: RuleSet): Map<number, DaySlot[]> {
  const byDay = new Map<number, DaySlot[]>();
  for (const s of slots) {
    const minute = Number(s.localTime.slice(0, 2)) * 60 + Number(s.localTime.slice(3, 5));
    // A slot is a wall-clock time, and windows are read on the wall clock: a slot outside them
    // is outside them every week.
    if (rules.postingWindows && !insideWindows(rules.postingWindows, s.weekday, minute)) continue;
    byDay.set(s.weekday, [...(byDay.get(s.weekday) ?? []), { time: s.localTime, minute }]);
  }
  // "HH:mm" strings sort in time order.
  for (const times of byDay.values()) times.sort((a, b) => a.minute - b.minute);
  return byDay;
}

/**
 * The caps and spacing rules, read as schedule-rules.ts reads them (the post itself counts toward
 * a cap; spacing is the distance to the nearest other post), but on sorted instants and without
 * building the messages of a verdict the walk throws away.
 */
function capsAndSpacingAllow(
  rules: RuleSet,
  taken: readonly number[],
  millis: number,
  day: readonly [number, number],
  week: () => readonly [number, number],
): boolean {
  if (rules.maxPostsPerDay && 1 + countWithin(taken, day) > rules.maxPostsPerDay.max) return false;
  if (rules.maxPostsPerWeek && 1 + countWithin(taken, week()) > rules.maxPostsPerWeek.max) return false;
  if (rules.minSpacingMinutes && nearestDistance(taken, millis) / 60_000 < rules.minSpacingMinutes.minutes) {
    return false;
  }
  return true;
}

export function* freeSlots(input: FreeSlotsInput): Generator<FreeSlot> {
  const { rules, timezone } = input;
  const byDay = slotsByWeekday(input.slots, rules);
  if (byDay.size === 0) return;
  const budget = input.budget ?? slotBudget();
  const taken = [...input.taken].sort((a, b) => a - b);
  const after = input.after.getTime();
  const horizon = input.horizonDays ?? DEFAULT_HORIZON_DAYS;
  let weekBounds: readonly [number, number] | undefined;
  for (const today of zonedDays(input.after, timezone, horizon)) {
    spend(budget);
    if (today.weekday === 1) weekBounds = undefined;
    const times = byDay.get(today.weekday);
    if (!times) continue;
    const date = today.date;
    if (rules.blackoutDates && blackoutOn(rules.blackoutDates, date)) continue;
    // Day and week bounds in the zone (a 23- or 25-hour day is right); a week's once per week.
    const dayStart = today.start;
    const dayBounds = [today.start, today.end - 1] as const;
    const week = () => {
      if (!weekBounds) {
        const at = DateTime.fromMillis(today.start, { zone: timezone });
        weekBounds = [at.startOf('week').toMillis(), at.endOf('week').toMillis()];
      }
      return weekBounds;
    };
    const plain = today.plain;
    for (const { time, minute } of times) {
      spend(budget);
      let slot: FreeSlot;
      if (plain) {
        slot = { at: new Date(dayStart + minute * 60_000), local: `${date}T${time}`, ambiguous: false };
      } else {
        const resolved = resolveLocalTime(`${date}T${time}`, timezone);
        if (!resolved.ok) continue;
        slot = { at: resolved.instant, local: resolved.local, ambiguous: resolved.ambiguous };
      }
      const millis = slot.at.getTime();
      if (millis <= after) continue;
      if (nearestDistance(taken, millis) < SAME_SLOT_MS) continue;
      if (!capsAndSpacingAllow(rules, taken, millis, dayBounds, week)) continue;
      if (input.reserve) insertSorted(taken, millis);
      yield slot;
    }
  }
}

/** The next `count` free slots, each counting as taken for the ones after it. */
export function nextFreeSlots(input: Omit<FreeSlotsInput, 'reserve'>, count: number): FreeSlot[] {
  const out: FreeSlot[] = [];
  if (count <= 0) return out;
  for (const slot of freeSlots({ ...input, reserve: true })) {
    out.push(slot);
    if (out.length >= count) break;
  }
  return out;
}

/**
 * The earliest instant that is a free slot on every channel, or null within the horizon.
 * Each stream is in time order, so this is the intersection of sorted lists: advance every
 * stream that is behind the latest head until all heads agree.
 */
export function earliestCommonSlot(streams: readonly Iterator<FreeSlot>[]): FreeSlot | null {
  if (streams.length === 0) return null;
  const pull = (stream: Iterator<FreeSlot> | undefined): FreeSlot | undefined => {
    const r = stream?.next();
    return r && !r.done ? r.value : undefined;
  };
  const heads = streams.map(pull);
  for (;;) {
    if (heads.some((h) => h === undefined)) return null;
    const present = heads as FreeSlot[];
    const latest = Math.max(...present.map((h) => h.at.getTime()));
    if (present.every((h) => h.at.getTime() === latest)) return present[0] ?? null;
    for (let i = 0; i < streams.length; i++) {
      let head = heads[i];
      while (head !== undefined && head.at.getTime() < latest) head = pull(streams[i]);
      heads[i] = head;
    }
  }
}

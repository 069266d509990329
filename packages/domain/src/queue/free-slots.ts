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
import { DateTime } from 'luxon';
import { checkScheduleRules, postSlot } from '../charter/rules/schedule-rules';
import type { RuleSet } from '../charter/schemas';
import { resolveLocalTime } from '../time/local-time';
import type { WeeklySlot } from './schemas';

export interface FreeSlot {
  at: Date;
  /** "YYYY-MM-DDTHH:mm" in the zone. */
  local: string;
  ambiguous: boolean;
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
}

export const DEFAULT_HORIZON_DAYS = 366;
// Two posts within the same minute on one channel are the same slot.
const SAME_SLOT_MS = 60_000;

function slotsByWeekday(slots: readonly WeeklySlot[]): Map<number, string[]> {
  const byDay = new Map<number, string[]>();
  for (const s of slots) byDay.set(s.weekday, [...(byDay.get(s.weekday) ?? []), s.localTime]);
  // "HH:mm" strings sort in time order.
  for (const times of byDay.values()) times.sort();
  return byDay;
}

export function* freeSlots(input: FreeSlotsInput): Generator<FreeSlot> {
  const byDay = slotsByWeekday(input.slots);
  if (byDay.size === 0) return;
  const taken = [...input.taken];
  const after = input.after.getTime();
  const firstDay = DateTime.fromJSDate(input.after, { zone: input.timezone }).startOf('day');
  if (!firstDay.isValid) return;
  const horizon = input.horizonDays ?? DEFAULT_HORIZON_DAYS;
  for (let d = 0; d <= horizon; d++) {
    // Calendar arithmetic on the date alone: a 23- or 25-hour day still advances one date.
    const day = firstDay.plus({ days: d });
    for (const time of byDay.get(day.weekday) ?? []) {
      const resolved = resolveLocalTime(`${day.toISODate()}T${time}`, input.timezone);
      if (!resolved.ok) continue;
      const millis = resolved.instant.getTime();
      if (millis <= after) continue;
      if (taken.some((t) => Math.abs(t - millis) < SAME_SLOT_MS)) continue;
      const at = DateTime.fromMillis(millis, { zone: input.timezone });
      if (checkScheduleRules({ post: postSlot(at), others: taken }, input.rules).length > 0) continue;
      if (input.reserve) taken.push(millis);
      yield { at: resolved.instant, local: resolved.local, ambiguous: resolved.ambiguous };
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

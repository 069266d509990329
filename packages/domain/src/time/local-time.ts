// Wall-clock times in a named zone, resolved to instants with luxon.
// - A local time inside a spring-forward gap does not exist: refused, naming the gap.
// - A local time inside a fall-back overlap happens twice: the EARLIER instant is chosen (documented
//   in docs/decisions/0020-time-rules.md) so a post never goes out an hour later than the team expects.
import { DateTime, IANAZone } from 'luxon';
import { isStorableInstant, STORABLE_RANGE_MESSAGE } from '../storable';

export type LocalTimeResult =
  | { ok: true; instant: Date; local: string; ambiguous: boolean }
  | {
      ok: false;
      reason: 'invalid_zone' | 'invalid_time' | 'nonexistent';
      message: string;
      gap?: { from: string; to: string };
    };

const LOCAL_FORMAT = "yyyy-MM-dd'T'HH:mm";

/** `local` is "YYYY-MM-DDTHH:mm" (seconds optional) with no offset; `zone` an IANA name. */
export function resolveLocalTime(local: string, zone: string): LocalTimeResult {
  if (!IANAZone.isValidZone(zone))
    return { ok: false, reason: 'invalid_zone', message: `${zone} is not an IANA time zone` };
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m)
    return { ok: false, reason: 'invalid_time', message: 'must be a local date-time like 2026-03-29T09:30' };
  const [year, month, day, hour, minute, second] = m
    .slice(1)
    .map((v) => (v === undefined ? 0 : Number(v))) as number[];
  const wanted = { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second! };
  const candidate = DateTime.fromObject(wanted, { zone });
  if (!candidate.isValid)
    return { ok: false, reason: 'invalid_time', message: `${local} is not a valid date-time` };
  if (!isStorableInstant(candidate.toJSDate()))
    return { ok: false, reason: 'invalid_time', message: `${local} ${STORABLE_RANGE_MESSAGE}` };
  // luxon shifts a non-existent time forward; detect it by reading the wall clock back.
  if (candidate.hour !== wanted.hour || candidate.minute !== wanted.minute || candidate.day !== wanted.day) {
    const before = DateTime.fromObject({ ...wanted, minute: 0, second: 0 }, { zone }).minus({ hours: 1 });
    const offsetChange = candidate.offset - before.offset;
    const fromLocal = DateTime.fromObject({ ...wanted, minute: 0, second: 0 }).toFormat('HH:mm');
    const toLocal = DateTime.fromObject({ ...wanted, minute: 0, second: 0 })
      .plus({ minutes: offsetChange })
      .toFormat('HH:mm');
    return {
      ok: false,
      reason: 'nonexistent',
      message: `${local} does not exist in ${zone}: clocks jump from ${fromLocal} to ${toLocal} that day`,
      gap: { from: fromLocal, to: toLocal },
    };
  }
  // Two instants share this wall-clock time when the offset an hour later differs and maps back.
  const otherOffsets = [candidate.minus({ hours: 3 }).offset, candidate.plus({ hours: 3 }).offset];
  let instant = candidate;
  let ambiguous = false;
  for (const offset of otherOffsets) {
    if (offset === candidate.offset) continue;
    const alt = DateTime.fromObject(wanted, {
      zone: `UTC${offset >= 0 ? '+' : '-'}${Math.abs(offset) / 60}`,
    }).setZone(zone);
    const sameWall = alt.hour === wanted.hour && alt.minute === wanted.minute && alt.day === wanted.day;
    if (alt.isValid && sameWall && alt.toMillis() !== candidate.toMillis()) {
      ambiguous = true;
      if (alt.toMillis() < instant.toMillis()) instant = alt;
    }
  }
  return { ok: true, instant: instant.toJSDate(), local: instant.toFormat(LOCAL_FORMAT), ambiguous };
}

/** The wall-clock time of an instant in a zone, as stored beside it. */
export function toLocal(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat(LOCAL_FORMAT);
}

/**
 * Whether "YYYY-MM-DDTHH:mm[:ss]" is a real calendar date-time (no February 30th, no 25:00) in the
 * years 1900-9999, whatever the zone. Schemas use it so the error names the field that holds it.
 */
export function isValidLocalTime(local: string): boolean {
  const at = DateTime.fromISO(local, { zone: 'utc' });
  return at.isValid && at.year >= 1900 && at.year <= 9999;
}

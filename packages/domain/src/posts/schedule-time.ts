// Turns what a person picked (a wall-clock time in a zone, or "now") into the instant to publish,
// keeping the zone and wall-clock time beside it. DST rules live in time/local-time.ts.
import { invalidField, sayError, unprocessable } from '../errors';
import { resolveLocalTime, toLocal } from '../time/local-time';

export interface ScheduleTime {
  at: Date;
  timezone: string;
  local: string;
}

export interface ScheduleRequest {
  local?: string | undefined;
  timezone?: string | undefined;
  publishNow?: true | undefined;
}

/**
 * `field` names where the request holds the schedule (`body` for the schedule action,
 * `body.requestedSchedule` on a post), so a refusal names `body.requestedSchedule.timezone`.
 */
export function resolveScheduleTime(
  request: ScheduleRequest,
  defaultZone: string,
  now: Date,
  field = 'body',
): ScheduleTime {
  const timezone = request.timezone ?? defaultZone;
  if (request.publishNow) {
    const probe = resolveLocalTime('2000-01-01T00:00', timezone);
    if (!probe.ok && probe.reason === 'invalid_zone')
      throw invalidField(`${field}.timezone`, 'unknown_timezone');
    return { at: now, timezone, local: toLocal(now, timezone) };
  }
  if (request.local === undefined) throw invalidField(`${field}.local`, 'local_time_needed');
  const resolved = resolveLocalTime(request.local, timezone);
  if (!resolved.ok) {
    if (resolved.reason === 'invalid_zone') throw invalidField(`${field}.timezone`, 'unknown_timezone');
    if (resolved.reason === 'nonexistent') {
      throw unprocessable(
        'errors.posts.nonexistentLocalTime',
        { local: request.local, timezone, from: resolved.gap?.from ?? '', to: resolved.gap?.to ?? '' },
        {
          reason: 'nonexistent_local_time',
          field: `${field}.local`,
          gap: resolved.gap,
          timezone,
        },
      );
    }
    throw invalidField(`${field}.local`, 'invalid_local_time');
  }
  if (resolved.instant.getTime() <= now.getTime()) {
    throw sayError(
      'unprocessable',
      'errors.workflow.inThePast',
      { local: request.local, timezone },
      { reason: 'in_the_past', field: `${field}.local`, at: resolved.instant.toISOString() },
    );
  }
  return { at: resolved.instant, timezone, local: resolved.local };
}

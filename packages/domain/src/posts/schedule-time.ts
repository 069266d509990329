// Turns what a person picked (a wall-clock time in a zone, or "now") into the instant to publish,
// keeping the zone and wall-clock time beside it. DST rules live in time/local-time.ts.
import { AppError, unprocessable } from '../errors';
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

export function resolveScheduleTime(request: ScheduleRequest, defaultZone: string, now: Date): ScheduleTime {
  const timezone = request.timezone ?? defaultZone;
  if (request.publishNow) {
    const probe = resolveLocalTime('2000-01-01T00:00', timezone);
    if (!probe.ok && probe.reason === 'invalid_zone') throw invalidZone(probe.message);
    return { at: now, timezone, local: toLocal(now, timezone) };
  }
  if (request.local === undefined) {
    throw new AppError('validation_failed', 'body.local: send a local time or publishNow: true', [
      { field: 'body.local', message: 'send a local time or publishNow: true' },
    ]);
  }
  const resolved = resolveLocalTime(request.local, timezone);
  if (!resolved.ok) {
    if (resolved.reason === 'invalid_zone') throw invalidZone(resolved.message);
    if (resolved.reason === 'nonexistent') {
      throw unprocessable(resolved.message, {
        reason: 'nonexistent_local_time',
        gap: resolved.gap,
        timezone,
      });
    }
    throw new AppError('validation_failed', `body.local: ${resolved.message}`, [
      { field: 'body.local', message: resolved.message },
    ]);
  }
  if (resolved.instant.getTime() <= now.getTime()) {
    throw unprocessable(`${request.local} in ${timezone} is in the past: pick a later time or publish now`, {
      reason: 'in_the_past',
      at: resolved.instant.toISOString(),
    });
  }
  return { at: resolved.instant, timezone, local: resolved.local };
}

function invalidZone(message: string) {
  return new AppError('validation_failed', `body.timezone: ${message}`, [
    { field: 'body.timezone', message },
  ]);
}

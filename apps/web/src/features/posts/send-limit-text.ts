// Words for a send-limit warning ("these 300 posts will take 10 min to leave"): a duration in the
// largest unit that keeps it readable, rounded up so the wait is never understated.
import type { TFunction } from 'i18next';

export interface SendLimitWarningView {
  channelId: string;
  posts: number;
  seconds: number;
  limit: { max: number; perSeconds: number };
}

export function durationParts(seconds: number): {
  unit: 'seconds' | 'minutes' | 'hours' | 'days';
  count: number;
} {
  if (seconds < 120) return { unit: 'seconds', count: Math.max(1, Math.ceil(seconds)) };
  if (seconds < 2 * 3600) return { unit: 'minutes', count: Math.ceil(seconds / 60) };
  if (seconds < 2 * 86_400) return { unit: 'hours', count: Math.ceil(seconds / 3600) };
  return { unit: 'days', count: Math.ceil(seconds / 86_400) };
}

function durationText(t: TFunction, seconds: number): string {
  const { unit, count } = durationParts(seconds);
  return t(`sendLimit.${unit}`, { count });
}

const UNIT_SECONDS = [
  ['days', 86_400],
  ['hours', 3600],
  ['minutes', 60],
  ['seconds', 1],
] as const;

/** A limit's window in the largest unit that divides it exactly: 60 s is "a minute", 900 s "15 minutes". */
export function windowParts(seconds: number): ReturnType<typeof durationParts> {
  const [unit, size] = UNIT_SECONDS.find(([, size]) => seconds % size === 0) ?? ['seconds', 1];
  return { unit, count: Math.max(1, seconds / size) };
}

/** The per-window limit, "100 per second" / "100 per 15 minutes". */
function limitText(t: TFunction, limit: SendLimitWarningView['limit']): string {
  const { unit, count } = windowParts(limit.perSeconds);
  return count === 1
    ? t(`sendLimit.perOne.${unit}`, { count: limit.max })
    : t('sendLimit.perMany', { count: limit.max, window: t(`sendLimit.${unit}`, { count }) });
}

export function sendLimitText(t: TFunction, warning: SendLimitWarningView, channelName: string): string {
  return t('sendLimit.backlog', {
    count: warning.posts,
    channel: channelName,
    wait: durationText(t, warning.seconds),
    limit: limitText(t, warning.limit),
  });
}

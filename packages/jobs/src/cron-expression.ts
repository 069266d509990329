// Periods that fit the clock become node-cron expressions, so periodic work fires on whole seconds
// (a 1 s claim pass at :00.000, :01.000...) whatever the moment the process started, the way the
// publisher has always ticked. Other periods (sub-second polls in tests) have no cron form.
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

const dividesEvenly = (unit: number, within: number) => unit >= 1 && within % unit === 0;

/** A six-field node-cron expression firing every `everyMs`, or null when the clock cannot say it. */
export function cronExpression(everyMs: number): string | null {
  if (!Number.isInteger(everyMs) || everyMs <= 0) return null;
  if (everyMs < MINUTE && everyMs % SECOND === 0) {
    const seconds = everyMs / SECOND;
    return dividesEvenly(seconds, 60) ? (seconds === 1 ? '* * * * * *' : `*/${seconds} * * * * *`) : null;
  }
  if (everyMs < HOUR && everyMs % MINUTE === 0) {
    const minutes = everyMs / MINUTE;
    return dividesEvenly(minutes, 60) ? `0 */${minutes} * * * *` : null;
  }
  if (everyMs <= 24 * HOUR && everyMs % HOUR === 0) {
    const hours = everyMs / HOUR;
    return dividesEvenly(hours, 24) ? `0 0 */${hours} * * *` : null;
  }
  return null;
}

// Where a dragged post would land. In month view a drop names only a day: the post keeps its time
// of day (UI guide pitfall 1), read in the workspace zone, so that is the instant to judge.
import { DateTime } from 'luxon';

export function landingTime(
  span: { start: Date; allDay: boolean },
  draggedStart: Date | null,
  timeZone: string,
): number {
  if (!span.allDay || !draggedStart) return span.start.getTime();
  const day = DateTime.fromJSDate(span.start).setZone(timeZone);
  const time = DateTime.fromJSDate(draggedStart).setZone(timeZone);
  return day.set({ hour: time.hour, minute: time.minute, second: 0, millisecond: 0 }).toMillis();
}

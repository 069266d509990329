// Where a post lands, and the wall-clock time the API is sent. The calendar may show the workspace's
// zone or the viewer's own; whatever it shows, a drop keeps the time of day *as shown* (UI guide
// pitfall 1) and the reschedule call takes the wall-clock time in the WORKSPACE zone.
import { DateTime } from 'luxon';
import { toLocalInput } from '../../ui/time';

const LOCAL = "yyyy-MM-dd'T'HH:mm";

/**
 * The instant a dragged post would land. In month view a drop names only a day (its midnight in
 * the shown zone): the post keeps its time of day read in that same zone. Time grids name the slot.
 */
export function landingTime(
  span: { start: Date; allDay: boolean },
  draggedStart: Date | null,
  shownZone: string,
): number {
  if (!span.allDay || !draggedStart) return span.start.getTime();
  const day = DateTime.fromJSDate(span.start).setZone(shownZone);
  const time = DateTime.fromJSDate(draggedStart).setZone(shownZone);
  return day.set({ hour: time.hour, minute: time.minute, second: 0, millisecond: 0 }).toMillis();
}

/** A click or a draft dropped on a whole day means 09:00 on that day, as shown. */
export function slotInstant(date: Date, allDay: boolean, shownZone: string): number {
  if (!allDay) return date.getTime();
  return DateTime.fromJSDate(date)
    .setZone(shownZone)
    .set({ hour: 9, minute: 0, second: 0, millisecond: 0 })
    .toMillis();
}

/** The wall-clock time of an instant in the workspace zone ("2026-03-04T14:30"), as the API takes it. */
export const workspaceWallClock = (instant: Date | number, workspaceZone: string) =>
  toLocalInput(new Date(instant), workspaceZone);

/** A wall-clock time typed in one zone, read in another ("14:30" in Montreal → "20:30" in Paris). */
export function convertWallClock(local: string, fromZone: string, toZone: string): string | null {
  const parsed = DateTime.fromFormat(local, LOCAL, { zone: fromZone });
  return parsed.isValid ? parsed.setZone(toZone).toFormat(LOCAL) : null;
}

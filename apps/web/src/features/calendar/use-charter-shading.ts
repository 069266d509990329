// The calendar's shaded days and hours from the charter (charter-shading.ts), and how they draw:
// a blackout shows its label, reachable by keyboard (focus shows it whole) and named on hover.
import type { EventContentArg, EventInput, EventMountArg } from '@fullcalendar/core';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import type { CharterVersion } from '../charter/charter-queries';
import type { CalendarRange } from './calendar-queries';
import type { CalendarView } from './calendar-url';
import { blackoutDays, blackoutEvents, closedHourEvents, type ShadeProps } from './charter-shading';

const NONE: EventInput[] = [];

export function useCharterShading(
  charter: CharterVersion | undefined,
  range: CalendarRange,
  view: CalendarView,
  workspaceZone: string,
): EventInput[] {
  const rules = charter?.rules.rules;
  return useMemo(() => {
    if (!rules) return NONE;
    const blackouts = blackoutEvents(blackoutDays(rules.blackoutDates, range, workspaceZone), view);
    if (view !== 'week' && view !== 'day') return blackouts;
    return [...closedHourEvents(rules.postingWindows, range, workspaceZone), ...blackouts];
  }, [rules, range, view, workspaceZone]);
}

function shadeText(props: ShadeProps, t: TFunction): string {
  if (props.shade === 'closed') return t('calendar.shade.closed');
  return props.label
    ? t('calendar.shade.blackout', { label: props.label })
    : t('calendar.shade.blackoutNoLabel');
}

/** A blackout's label as the event's content; closed hours draw nothing but their shade. */
export function shadeNodes(arg: EventContentArg, props: ShadeProps, t: TFunction): { domNodes: Node[] } {
  if (props.shade === 'closed') return { domNodes: [] };
  const label = document.createElement('span');
  label.className = 'blackout-label';
  const full = shadeText(props, t);
  if (arg.event.display === 'background') {
    // A grid cell is narrow: the label alone, the whole sentence for screen readers. The shade
    // sits behind the cards, so the label takes focus for a keyboard to reach it (focus shows it whole).
    label.textContent = `⊘ ${props.label || t('calendar.shade.blackoutShort')}`;
    label.setAttribute('aria-label', full);
    label.tabIndex = 0;
  } else label.textContent = `⊘ ${full}`;
  return { domNodes: [label] };
}

/** Hovering a shaded day or hour names it. */
export function nameShade(info: EventMountArg, props: ShadeProps, t: TFunction) {
  info.el.title = shadeText(props, t);
}

import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import type { ZoneChoice } from './calendar-url';

/** "Europe/Paris · UTC+1": the zone every time on the calendar is shown in, always visible. */
export function TimezoneChip({ timeZone, choice }: { timeZone: string; choice: ZoneChoice }) {
  const { t } = useTranslation();
  const offset = DateTime.now().setZone(timeZone).toFormat("'UTC'Z");
  return (
    <span className="chip" title={t(`calendar.zone.hint.${choice}`)} data-testid="timezone-chip">
      {timeZone} · {offset}
    </span>
  );
}

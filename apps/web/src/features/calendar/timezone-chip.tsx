import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';

/** "Europe/Paris · UTC+1": the zone every time on the calendar is shown in, always visible. */
export function TimezoneChip({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation();
  const offset = DateTime.now().setZone(timeZone).toFormat("'UTC'Z");
  return (
    <span className="chip" title={t('calendar.timezoneHint')}>
      {timeZone} · {offset}
    </span>
  );
}

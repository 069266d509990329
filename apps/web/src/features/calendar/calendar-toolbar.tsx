import { useTranslation } from 'react-i18next';
import { CALENDAR_VIEWS, type CalendarView, type ZoneChoice } from './calendar-url';
import { TimezoneChip } from './timezone-chip';

interface CalendarToolbarProps {
  title: string;
  titleId: string;
  view: CalendarView;
  /** The zone the calendar shows, and whose it is. */
  timeZone: string;
  zoneChoice: ZoneChoice;
  onZoneChoice: (choice: ZoneChoice) => void;
  onNavigate: (action: 'prev' | 'next' | 'today' | CalendarView) => void;
}

const ZONE_CHOICES: ZoneChoice[] = ['workspace', 'mine'];

export function CalendarToolbar({
  title,
  titleId,
  view,
  timeZone,
  zoneChoice,
  onZoneChoice,
  onNavigate,
}: CalendarToolbarProps) {
  const { t } = useTranslation();
  return (
    <div className="calendar-toolbar">
      <div className="button-group">
        <button
          type="button"
          className="btn"
          onClick={() => onNavigate('prev')}
          aria-label={t('calendar.prev')}
        >
          ‹
        </button>
        <button type="button" className="btn" onClick={() => onNavigate('today')} aria-keyshortcuts="T">
          {t('calendar.today')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => onNavigate('next')}
          aria-label={t('calendar.next')}
        >
          ›
        </button>
      </div>
      <h2 id={titleId} className="calendar-title" aria-live="polite">
        {title}
      </h2>
      <fieldset className="button-group">
        <legend className="visually-hidden">{t('calendar.viewLabel')}</legend>
        {CALENDAR_VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            className="btn"
            aria-pressed={view === v}
            aria-keyshortcuts={v.slice(0, 1).toUpperCase()}
            onClick={() => onNavigate(v)}
          >
            {t(`calendar.views.${v}`)}
          </button>
        ))}
      </fieldset>
      <fieldset className="button-group zone-switch">
        <legend className="visually-hidden">{t('calendar.zone.label')}</legend>
        {ZONE_CHOICES.map((choice) => (
          <button
            key={choice}
            type="button"
            className="btn btn-small"
            aria-pressed={zoneChoice === choice}
            onClick={() => onZoneChoice(choice)}
          >
            {t(`calendar.zone.${choice}`)}
          </button>
        ))}
      </fieldset>
      <TimezoneChip timeZone={timeZone} choice={zoneChoice} />
    </div>
  );
}

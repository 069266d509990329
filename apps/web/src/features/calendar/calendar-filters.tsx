// Filters (channel, campaign, status, author) and "Colour by" with its legend; all in the URL. On a
// phone they fold into a disclosure naming how many are on, so the calendar starts near the top.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCampaigns } from '../campaigns/campaign-queries';
import { useChannels } from '../channels/channel-queries';
import { useMembers } from '../settings/member-queries';
import { type CalendarFilters, COLOR_MODES, type ColorMode, withFilter } from './calendar-url';
import { useIsPhone } from '../../ui/use-media-query';
import type { LegendEntry } from './event-colour';

const STATUSES = ['draft', 'in_review', 'approved', 'scheduled', 'published', 'failed'] as const;

interface CalendarFiltersProps {
  workspaceId: string;
  filters: CalendarFilters;
  colorBy: ColorMode;
  legend: readonly LegendEntry[];
}

export function CalendarFilterBar({ workspaceId, filters, colorBy, legend }: CalendarFiltersProps) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const channels = useChannels(workspaceId);
  const campaigns = useCampaigns(workspaceId);
  const members = useMembers(workspaceId);
  const isPhone = useIsPhone();
  const active = (Object.values(filters) as (string[] | undefined)[]).filter((v) => v && v.length > 0).length;
  const set = (key: keyof CalendarFilters, value: string) =>
    setParams(withFilter(params, key, value ? [value] : []));

  const select = (key: keyof CalendarFilters, label: string, options: { value: string; label: string }[]) => (
    <label className="filter">
      <span className="visually-hidden">{label}</span>
      <select value={filters[key]?.[0] ?? ''} onChange={(e) => set(key, e.target.value)} aria-label={label}>
        <option value="">{t(`calendar.filters.all.${key}`)}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );

  const controls = (
    <>
      {select(
        'channel',
        t('calendar.filters.channel'),
        (channels.data ?? []).map((c) => ({
          value: c.id,
          label: `${c.displayName} (${t(`networks.${c.network}`)})`,
        })),
      )}
      {select(
        'campaign',
        t('calendar.filters.campaign'),
        (campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name })),
      )}
      {select(
        'status',
        t('calendar.filters.status'),
        STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
      )}
      {select(
        'author',
        t('calendar.filters.author'),
        (members.data ?? []).map((m) => ({ value: m.userId, label: m.name })),
      )}
      <fieldset className="button-group colour-by">
        <legend className="inline-legend">{t('calendar.colorBy')}</legend>
        {COLOR_MODES.map((m) => (
          <button
            key={m}
            type="button"
            className="btn btn-small"
            aria-pressed={colorBy === m}
            onClick={() => {
              const next = new URLSearchParams(params);
              next.set('colorBy', m);
              setParams(next, { replace: true });
            }}
          >
            {t(`calendar.colorModes.${m}`)}
          </button>
        ))}
      </fieldset>
    </>
  );
  const legendList = legend.length > 0 && (
    <ul className="legend" aria-label={t('calendar.legend')}>
      {legend.map((l) => (
        <li key={l.key} className="chip chip-small">
          <span className="swatch" style={{ background: l.colour }} aria-hidden="true" /> {l.label}
        </li>
      ))}
    </ul>
  );

  if (isPhone) {
    return (
      <div className="calendar-filters-phone">
        <details className="calendar-filters-fold">
          <summary className="btn btn-small">
            {active > 0 ? t('calendar.filters.summary', { count: active }) : t('calendar.filters.title')}
          </summary>
          <div className="calendar-filters">{controls}</div>
        </details>
        {legendList}
      </div>
    );
  }
  return (
    <div className="calendar-filters">
      {controls}
      {legendList}
    </div>
  );
}

// Filters (channel, campaign, status, author) and "Colour by" with its legend; all in the URL.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCampaigns } from '../campaigns/campaign-queries';
import { useChannels } from '../channels/channel-queries';
import { useMembers } from '../settings/member-queries';
import { type CalendarFilters, COLOR_MODES, type ColorMode, withFilter } from './calendar-url';
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

  return (
    <div className="calendar-filters">
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
      {legend.length > 0 && (
        <ul className="legend" aria-label={t('calendar.legend')}>
          {legend.map((l) => (
            <li key={l.key} className="chip chip-small">
              <span className="swatch" style={{ background: l.colour }} aria-hidden="true" /> {l.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

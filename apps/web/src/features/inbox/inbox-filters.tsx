// Status tabs, then channel, network, campaign, assignee and order as selects. Each writes the URL
// (and forgets the open item, which may not be in the new list).
import { INBOX_ORDERS, INBOX_STATUSES } from '@cadence/names';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Channel } from '../channels/channel-queries';
import type { Member } from '../settings/member-queries';

interface Props {
  channels: Channel[];
  campaigns: { id: string; name: string }[];
  members: Member[];
  counts: { open: number; waiting: number; pastTarget: number } | undefined;
}

export function InboxFilters({ channels, campaigns, members, counts }: Props) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('item');
    setParams(next);
  };
  const id = useId();
  const status = params.get('status') ?? 'open';
  const networks = [...new Set(channels.map((c) => c.network))];
  return (
    <div className="inbox-filters">
      <nav className="tabs" aria-label={t('inbox.statusLabel')}>
        {[...INBOX_STATUSES, 'all' as const].map((s) => (
          <button
            key={s}
            type="button"
            className={s === status ? 'tab active' : 'tab'}
            aria-current={s === status ? 'page' : undefined}
            onClick={() => set('status', s === 'open' ? '' : s)}
          >
            {t(`inbox.tabs.${s}`)}
            {s === 'open' && counts
              ? ` (${counts.open})`
              : s === 'waiting' && counts
                ? ` (${counts.waiting})`
                : ''}
          </button>
        ))}
        {counts && (counts.pastTarget > 0 || params.get('pastTarget') === 'true') && (
          <button
            type="button"
            className={
              params.get('pastTarget') === 'true' ? 'tab active inbox-past-target' : 'tab inbox-past-target'
            }
            aria-pressed={params.get('pastTarget') === 'true'}
            onClick={() => set('pastTarget', params.get('pastTarget') === 'true' ? '' : 'true')}
          >
            {t('inbox.pastTargetCount', { count: counts.pastTarget })}
          </button>
        )}
      </nav>
      <div className="inbox-selects">
        <FilterSelect
          label={t('inbox.filter.channel')}
          value={params.get('channelId')}
          onChange={(v) => set('channelId', v)}
        >
          {channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.displayName} ({t(`networks.${c.network}`)})
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          label={t('inbox.filter.network')}
          value={params.get('network')}
          onChange={(v) => set('network', v)}
        >
          {networks.map((n) => (
            <option key={n} value={n}>
              {t(`networks.${n}`)}
            </option>
          ))}
        </FilterSelect>
        {campaigns.length > 0 && (
          <FilterSelect
            label={t('inbox.filter.campaign')}
            value={params.get('campaignId')}
            onChange={(v) => set('campaignId', v)}
          >
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </FilterSelect>
        )}
        <FilterSelect
          label={t('inbox.filter.assignee')}
          value={params.get('assignee')}
          onChange={(v) => set('assignee', v)}
        >
          <option value="me">{t('inbox.filter.me')}</option>
          <option value="none">{t('inbox.filter.unassigned')}</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </FilterSelect>
        <span className="inbox-field">
          <label htmlFor={`${id}-order`}>{t('inbox.filter.order')}</label>
          <select
            id={`${id}-order`}
            value={params.get('order') ?? 'newest'}
            onChange={(e) => set('order', e.target.value === 'newest' ? '' : e.target.value)}
          >
            {INBOX_ORDERS.map((o) => (
              <option key={o} value={o}>
                {t(`inbox.order.${o}`)}
              </option>
            ))}
          </select>
        </span>
      </div>
    </div>
  );
}

function FilterSelect(props: {
  label: string;
  value: string | null;
  onChange: (v: string) => void;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <span className="inbox-field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{t('inbox.filter.all')}</option>
        {props.children}
      </select>
    </span>
  );
}

// Campaigns: each with its dates drawn as a bar on a shared time axis, colour, status and posts
// counted by status. Managers create them here.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDayRange } from '../../ui/format';
import { roleAtLeast } from '../../ui/roles';
import { EmptyState, ErrorState, Loading } from '../../ui/states';
import { useCurrentWorkspace } from '../session/current-workspace';
import { CampaignForm } from './campaign-form';
import { type Campaign, useCampaigns } from './campaign-queries';
import { ScrollTable } from '../../ui/scroll-table';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

function DateBar({ campaign, min, span }: { campaign: Campaign; min: number; span: number }) {
  const left = ((day(campaign.startsOn) - min) / span) * 100;
  const width = Math.max(2, ((day(campaign.endsOn) - day(campaign.startsOn) + 1) / span) * 100);
  return (
    <div className="date-bar" aria-hidden="true">
      <span style={{ left: `${left}%`, width: `${width}%`, background: campaign.colour }} />
    </div>
  );
}

export function CampaignsPage() {
  const { t, i18n } = useTranslation();
  const { workspace } = useCurrentWorkspace();
  const campaigns = useCampaigns(workspace.id);
  const canManage = roleAtLeast(workspace.role, 'manager');
  const list = campaigns.data ?? [];
  const min = Math.min(...list.map((c) => day(c.startsOn)));
  const span = Math.max(1, Math.max(...list.map((c) => day(c.endsOn))) - min + 1);
  return (
    <section className="page" aria-labelledby="campaigns-title">
      <h1 id="campaigns-title">{t('nav.campaigns')}</h1>
      {campaigns.isPending ? (
        <Loading />
      ) : campaigns.isError ? (
        <ErrorState error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : list.length === 0 ? (
        <EmptyState title={t('campaigns.empty')}>
          <p className="muted">{canManage ? t('campaigns.emptyHint') : t('campaigns.emptyHintViewer')}</p>
        </EmptyState>
      ) : (
        <ScrollTable label={t('nav.campaigns')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('campaigns.name')}</th>
                <th scope="col">{t('campaigns.dates')}</th>
                <th scope="col">{t('campaigns.status')}</th>
                <th scope="col">{t('campaigns.posts')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.id}>
                  <td>
                    <span className="swatch" style={{ background: c.colour }} aria-hidden="true" />{' '}
                    <Link to={`/campaigns/${c.id}`}>{c.name}</Link>
                    {c.objective && <div className="muted small">{c.objective}</div>}
                  </td>
                  <td>
                    {formatDayRange(c.startsOn, c.endsOn, i18n.language)}
                    <DateBar campaign={c} min={min} span={span} />
                  </td>
                  <td>{t(`campaigns.statuses.${c.status}`)}</td>
                  <td>
                    <strong>{c.postCounts.total}</strong>{' '}
                    <span className="muted small">
                      {Object.entries(c.postCounts.byStatus)
                        .map(([s, n]) => `${t(`status.${s}`, { defaultValue: s })} ${n}`)
                        .join(' · ')}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {canManage && (
        <>
          <h2>{t('campaigns.create')}</h2>
          <CampaignForm workspaceId={workspace.id} campaign={null} />
        </>
      )}
    </section>
  );
}

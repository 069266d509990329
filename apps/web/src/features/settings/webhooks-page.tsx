// Outgoing webhooks (owners): subscribe a URL to event kinds (the signing secret is shown once),
// send a test event, read each subscription's delivery log and redeliver, turn a subscription
// that was switched off after failures back on. Payload and signature: docs/webhooks.md.
import { NOTIFICATION_KINDS } from '@cadence/names';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { CopyButton } from '../../ui/copy-button';
import { formatDateTime } from '../../ui/format';
import { refusalText } from '../../ui/refusal-text';
import { EmptyState, ErrorState, Loading } from '../../ui/states';
import { useCurrentWorkspace } from '../session/current-workspace';
import './settings.css';

type Kind = (typeof NOTIFICATION_KINDS)[number];

export function WebhooksPage() {
  const { t, i18n } = useTranslation();
  const { workspace } = useCurrentWorkspace();
  const queryClient = useQueryClient();
  const path = { path: { workspaceId: workspace.id } };
  const key = ['webhooks', workspace.id];
  const isOwner = workspace.role === 'owner';
  const hooks = useQuery({
    queryKey: key,
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/workspaces/{workspaceId}/webhooks', { params: path })).items,
    enabled: isOwner,
  });
  const [url, setUrl] = useState('');
  const [kinds, setKinds] = useState<Kind[]>(['post_failed', 'post_published']);
  const [open, setOpen] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/workspaces/{workspaceId}/webhooks', { params: path, body: { url, kinds } }),
      ),
    onSuccess: () => {
      setUrl('');
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const hookPath = (webhookId: string) => ({ path: { workspaceId: workspace.id, webhookId } });
  const sendTest = useMutation({
    mutationFn: async (webhookId: string) =>
      unwrap(
        await api.POST('/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/test', {
          params: hookPath(webhookId),
        }),
      ),
    onSuccess: (_d, webhookId) => setOpen(webhookId),
  });
  const turnOn = useMutation({
    mutationFn: async (webhookId: string) =>
      unwrap(
        await api.PATCH('/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}', {
          params: hookPath(webhookId),
          body: { enabled: true },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });

  if (!isOwner) return <p className="muted">{t('webhooks.ownersOnly')}</p>;
  const toggle = (kind: Kind) =>
    setKinds((current) => (current.includes(kind) ? current.filter((k) => k !== kind) : [...current, kind]));
  return (
    <div>
      <p className="muted">{t('webhooks.intro')}</p>
      {create.data && (
        <div className="secret-once" role="status">
          <p>
            <strong>{t('webhooks.secretTitle')}</strong> {t('webhooks.secretOnce')}
          </p>
          <code className="secret" data-testid="webhook-secret">
            {create.data.secret}
          </code>
          <CopyButton value={create.data.secret} label={t('common.copy')} />
          <button type="button" className="btn" onClick={() => create.reset()}>
            {t('tokens.secretDone')}
          </button>
        </div>
      )}
      <form
        className="form"
        noValidate
        aria-labelledby="webhook-new"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <h2 id="webhook-new">{t('webhooks.new')}</h2>
        <label className="field">
          <span>{t('webhooks.url')}</span>
          <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" />
        </label>
        <fieldset className="field">
          <legend>{t('webhooks.kinds')}</legend>
          {NOTIFICATION_KINDS.map((kind) => (
            <label key={kind} className="check">
              <input type="checkbox" checked={kinds.includes(kind)} onChange={() => toggle(kind)} />
              {t(`notifications.kindNames.${kind}`)}
            </label>
          ))}
        </fieldset>
        {create.isError && (
          <p className="form-error" role="alert">
            {refusalText(create.error, t)}
          </p>
        )}
        <button
          type="submit"
          className="btn btn-primary"
          disabled={create.isPending || url === '' || kinds.length === 0}
        >
          {t('webhooks.create')}
        </button>
      </form>
      <h2>{t('webhooks.listTitle')}</h2>
      {hooks.isPending ? (
        <Loading />
      ) : hooks.isError ? (
        <ErrorState error={hooks.error} onRetry={() => void hooks.refetch()} />
      ) : hooks.data.length === 0 ? (
        <EmptyState title={t('webhooks.none')} />
      ) : (
        <ul className="webhook-list">
          {hooks.data.map((hook) => (
            <li key={hook.id}>
              <p>
                <code>{hook.url}</code>
              </p>
              <p className="muted">
                {hook.enabled
                  ? t('webhooks.on', { count: hook.kinds.length })
                  : t('webhooks.off', {
                      date: hook.disabledAt
                        ? formatDateTime(hook.disabledAt, i18n.language, workspace.timezone)
                        : '',
                    })}
              </p>
              <div className="actions">
                {hook.enabled ? (
                  <button type="button" className="btn" onClick={() => sendTest.mutate(hook.id)}>
                    {t('webhooks.sendTest')}
                  </button>
                ) : (
                  <button type="button" className="btn" onClick={() => turnOn.mutate(hook.id)}>
                    {t('webhooks.turnOn')}
                  </button>
                )}
                <button
                  type="button"
                  className="btn"
                  onClick={() => setOpen(open === hook.id ? null : hook.id)}
                >
                  {t('webhooks.log')}
                </button>
              </div>
              {open === hook.id && (
                <DeliveryLog workspaceId={workspace.id} webhookId={hook.id} timeZone={workspace.timezone} />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function DeliveryLog({
  workspaceId,
  webhookId,
  timeZone,
}: {
  workspaceId: string;
  webhookId: string;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const params = { path: { workspaceId, webhookId } };
  const log = useQuery({
    queryKey: ['webhook-deliveries', webhookId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries', { params }))
        .items,
    refetchInterval: 3_000,
  });
  const again = useMutation({
    mutationFn: async (deliveryId: string) =>
      unwrap(
        await api.POST(
          '/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver',
          {
            params: { path: { workspaceId, webhookId, deliveryId } },
          },
        ),
      ),
    onSettled: () => log.refetch(),
  });
  if (log.isPending) return <Loading />;
  if (log.isError) return <ErrorState error={log.error} onRetry={() => void log.refetch()} />;
  if (log.data.length === 0) return <p className="muted">{t('webhooks.noDeliveries')}</p>;
  return (
    <table className="table webhook-log" data-testid="webhook-log">
      <thead>
        <tr>
          <th>{t('webhooks.when')}</th>
          <th>{t('webhooks.event')}</th>
          <th>{t('webhooks.result')}</th>
          <th>
            <span className="visually-hidden">{t('webhooks.redeliver')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {log.data.map((d) => (
          <tr key={d.id}>
            {/* data-label: on a phone each row folds into labelled lines instead of scrolling sideways. */}
            <td data-label={t('webhooks.when')}>{formatDateTime(d.createdAt, i18n.language, timeZone)}</td>
            <td data-label={t('webhooks.event')}>
              {d.kind === 'webhook_test' ? t('webhooks.testEvent') : t(`notifications.kindNames.${d.kind}`)}
            </td>
            <td data-label={t('webhooks.result')}>
              {/* One box, so the phone layout keeps the result and its reason in the value column. */}
              <div>
                {t(`webhooks.statuses.${d.status}`)}
                {d.statusCode !== null && ` · ${d.statusCode}`}
                {d.durationMs !== null && ` · ${d.durationMs} ms`}
                {d.failureReason && (
                  <span className="webhook-log-reason">
                    {t(`webhooks.failureReasons.${d.failureReason}`, { code: d.statusCode })}
                  </span>
                )}
              </div>
            </td>
            <td className="webhook-log-action">
              <button type="button" className="btn" onClick={() => again.mutate(d.id)}>
                {t('webhooks.redeliver')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

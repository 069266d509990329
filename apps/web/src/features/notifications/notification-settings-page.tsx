// My notification preferences in this workspace (per kind: app, email, both, off; the daily
// digest), and for owners the workspace's email outbox (read it when no SMTP server is set).
import {
  NOTIFICATION_DELIVERIES,
  NOTIFICATION_KINDS,
  type NotificationDelivery,
  type NotificationKind,
  type Role,
} from '@cadence/names';
import { useTranslation } from 'react-i18next';
import { roleAtLeast } from '../../ui/roles';
import { formatTime } from '../../ui/time';
import { useCurrentWorkspace } from '../session/current-workspace';
import { useOutbox, usePreferences, useUpdatePreferences } from './notification-queries';
import './notifications.css';

// Kinds only some roles ever receive (see packages/domain/src/notifications/recipients.ts).
const AUDIENCE: Partial<Record<NotificationKind, Role>> = {
  post_submitted: 'manager',
  channel_reconnect: 'manager',
  token_expiring: 'manager',
  publisher_stalled: 'owner',
  webhook_disabled: 'owner',
};

export function NotificationSettingsPage() {
  const { t, i18n } = useTranslation();
  const { workspace } = useCurrentWorkspace();
  const prefs = usePreferences(workspace.id);
  const update = useUpdatePreferences(workspace.id);
  const isOwner = workspace.role === 'owner';
  const outbox = useOutbox(workspace.id, isOwner);
  return (
    <div className="notification-settings">
      <h2>{t('notifications.preferences.title')}</h2>
      <p>{t('notifications.preferences.intro')}</p>
      {prefs.data && (
        <>
          <label className="check">
            <input
              type="checkbox"
              checked={prefs.data.emailDigest}
              onChange={(e) => update.mutate({ emailDigest: e.target.checked })}
            />
            {t('notifications.preferences.digest')}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={prefs.data.weeklyReport}
              onChange={(e) => update.mutate({ weeklyReport: e.target.checked })}
            />
            {t('notifications.preferences.weeklyReport')}
          </label>
          <table className="pref-table">
            <thead>
              <tr>
                <th scope="col">{t('notifications.preferences.kind')}</th>
                <th scope="col">{t('notifications.preferences.delivery')}</th>
              </tr>
            </thead>
            <tbody>
              {NOTIFICATION_KINDS.filter((kind) =>
                roleAtLeast(workspace.role, AUDIENCE[kind] ?? 'viewer'),
              ).map((kind) => (
                <tr key={kind}>
                  <th scope="row">
                    <label htmlFor={`pref-${kind}`}>{t(`notifications.kindNames.${kind}`)}</label>
                  </th>
                  <td>
                    <select
                      id={`pref-${kind}`}
                      value={prefs.data.kinds[kind]}
                      onChange={(e) =>
                        update.mutate({ kinds: { [kind]: e.target.value as NotificationDelivery } })
                      }
                    >
                      {NOTIFICATION_DELIVERIES.map((d) => (
                        <option key={d} value={d}>
                          {t(`notifications.deliveries.${d}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p role="status" className="saved-note">
            {update.isSuccess ? t('notifications.preferences.saved') : ''}
          </p>
        </>
      )}
      {isOwner && (
        <section aria-labelledby="outbox-title">
          <h2 id="outbox-title">{t('notifications.preferences.outboxTitle')}</h2>
          <p>{t('notifications.preferences.outboxIntro')}</p>
          {outbox.data?.length === 0 && <p>{t('notifications.preferences.outboxEmpty')}</p>}
          {outbox.data && outbox.data.length > 0 && (
            <ul className="outbox-list">
              {outbox.data.map((e) => (
                <li key={e.id}>
                  <details>
                    <summary>
                      <span className="outbox-status">
                        {t(`notifications.preferences.statuses.${e.status}`)}
                      </span>{' '}
                      <strong>{e.subject}</strong> · {e.toAddress} ·{' '}
                      <time dateTime={e.createdAt}>
                        {formatTime(e.createdAt, i18n.language, workspace.timezone)}
                      </time>
                    </summary>
                    <pre className="outbox-text">{e.textBody}</pre>
                  </details>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}

// Invitations not yet accepted: who, which role, until when; revoke kills the link at once.
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { formatDateTime } from '../../ui/format';
import { refusalText } from '../../ui/refusal-text';
import { ErrorState, Loading } from '../../ui/states';
import { useInvitations, useRevokeInvitation } from './member-queries';

export function PendingInvitations({ workspaceId, timeZone }: { workspaceId: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const invitations = useInvitations(workspaceId, true);
  const revoke = useRevokeInvitation(workspaceId);
  const expiry = (inv: { state: string; expiresAt: string }) =>
    inv.state === 'expired' ? t('members.expired') : formatDateTime(inv.expiresAt, i18n.language, timeZone);
  if (invitations.isPending) return <Loading />;
  if (invitations.isError) {
    return <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />;
  }
  return (
    <section aria-labelledby="invitations-title">
      <h3 id="invitations-title">{t('members.pending')}</h3>
      {invitations.data.length === 0 ? (
        <p className="muted">{t('members.noPending')}</p>
      ) : (
        <table className="table invitations-table">
          <thead>
            <tr>
              <th scope="col">{t('members.email')}</th>
              <th scope="col">{t('members.role')}</th>
              <th scope="col">{t('members.invitedBy')}</th>
              <th scope="col">{t('members.expires')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('tokens.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.data.map((inv) => (
              <tr key={inv.id} className={inv.state === 'expired' ? 'row-muted' : undefined}>
                <td className="cell-wrap">
                  {inv.email}
                  {/* Small screens hide the other columns: their facts follow the address. */}
                  <span className="phone-only muted">
                    {t(`roles.${inv.role}`)} · {expiry(inv)}
                  </span>
                </td>
                <td>{t(`roles.${inv.role}`)}</td>
                <td>{inv.invitedBy.name ?? '—'}</td>
                <td>{expiry(inv)}</td>
                <td>
                  <ConfirmDialog
                    trigger={
                      <button type="button" className="btn btn-small btn-danger">
                        {t('members.revokeInvitation')}
                      </button>
                    }
                    title={t('members.revokeInvitationTitle', { email: inv.email })}
                    body={<p>{t('members.revokeInvitationBody')}</p>}
                    confirmLabel={t('members.revokeInvitation')}
                    onConfirm={() => revoke.mutate(inv.id)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoke.isError && (
        <p className="form-error" role="alert">
          {refusalText(revoke.error, t)}
        </p>
      )}
    </section>
  );
}

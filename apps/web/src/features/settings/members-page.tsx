// Members and roles. Owners and managers change roles, remove people (their API tokens and
// calendar feeds stop with them) and invite; only what the server allows is offered.
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { refusalText } from '../../ui/refusal-text';
import { ROLES, type Role, roleAtLeast } from '../../ui/roles';
import { ErrorState, Loading } from '../../ui/states';
import { useCurrentWorkspace } from '../session/current-workspace';
import './settings.css';
import { useSession } from '../session/session-queries';
import { InviteForm } from './invite-form';
import { type Member, useChangeRole, useMembers, useRemoveMember } from './member-queries';
import { PendingInvitations } from './pending-invitations';

export function MembersPage() {
  const { t } = useTranslation();
  const { workspace } = useCurrentWorkspace();
  const me = useSession().data?.user.id;
  const members = useMembers(workspace.id);
  const changeRole = useChangeRole(workspace.id);
  const remove = useRemoveMember(workspace.id);
  const canManage = roleAtLeast(workspace.role, 'manager');
  const isOwner = workspace.role === 'owner';
  // Managers may neither touch an owner nor make one.
  const mayEdit = (m: Member) => canManage && (isOwner || m.role !== 'owner');
  const grantable: readonly Role[] = isOwner ? ROLES : ROLES.filter((r) => r !== 'owner');
  const failure = changeRole.error ?? remove.error;

  return (
    <section className="settings-section" aria-labelledby="members-title">
      <h2 id="members-title">{t('members.title')}</h2>
      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <table className="table members-table">
          <thead>
            <tr>
              <th scope="col">{t('members.name')}</th>
              <th scope="col">{t('members.email')}</th>
              <th scope="col">{t('members.role')}</th>
              {canManage && (
                <th scope="col">
                  <span className="visually-hidden">{t('tokens.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {members.data.map((m: Member) => (
              <tr key={m.userId}>
                <td>
                  {m.name}
                  {m.userId === me && <span className="muted"> {t('members.you')}</span>}
                </td>
                <td className="cell-wrap">{m.email}</td>
                <td>
                  {mayEdit(m) ? (
                    <select
                      aria-label={t('members.roleOf', { name: m.name })}
                      value={m.role}
                      disabled={changeRole.isPending}
                      onChange={(e) =>
                        changeRole.mutate({ userId: m.userId, role: e.target.value as Member['role'] })
                      }
                    >
                      {grantable.map((r) => (
                        <option key={r} value={r}>
                          {t(`roles.${r}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <span title={canManage ? t('members.ownerOnly') : undefined}>{t(`roles.${m.role}`)}</span>
                  )}
                </td>
                {canManage && (
                  <td>
                    {mayEdit(m) && m.userId !== me && (
                      <ConfirmDialog
                        trigger={
                          <button type="button" className="btn btn-small btn-danger">
                            {t('members.remove')}
                          </button>
                        }
                        title={t('members.removeTitle', { name: m.name })}
                        body={<p>{t('members.removeBody')}</p>}
                        confirmLabel={t('members.remove')}
                        onConfirm={() => remove.mutate(m.userId)}
                      />
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {refusalText(failure, t)}
        </p>
      )}
      {canManage && (
        <>
          <InviteForm workspaceId={workspace.id} myRole={workspace.role} />
          <PendingInvitations workspaceId={workspace.id} timeZone={workspace.timezone} />
        </>
      )}
    </section>
  );
}

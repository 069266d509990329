import { useTranslation } from 'react-i18next';
import { roleAtLeast, ROLES } from '../../ui/roles';
import { ErrorState, InlineError, Loading } from '../../ui/states';
import { useCurrentWorkspace } from '../session/current-workspace';
import { AddMemberForm } from './add-member-form';
import { type Member, useChangeRole, useMembers } from './member-queries';

export function MembersPage() {
  const { t } = useTranslation();
  const { workspace } = useCurrentWorkspace();
  const members = useMembers(workspace.id);
  const changeRole = useChangeRole(workspace.id);
  const canManage = roleAtLeast(workspace.role, 'manager');

  return (
    <section className="settings-section" aria-labelledby="members-title">
      <h2 id="members-title">{t('members.title')}</h2>
      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('members.name')}</th>
              <th scope="col">{t('members.email')}</th>
              <th scope="col">{t('members.role')}</th>
            </tr>
          </thead>
          <tbody>
            {members.data.map((m: Member) => (
              <tr key={m.userId}>
                <td>{m.name}</td>
                <td>{m.email}</td>
                <td>
                  {canManage ? (
                    <select
                      aria-label={t('members.roleOf', { name: m.name })}
                      value={m.role}
                      disabled={changeRole.isPending}
                      onChange={(e) =>
                        changeRole.mutate({ userId: m.userId, role: e.target.value as Member['role'] })
                      }
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`roles.${r}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    t(`roles.${m.role}`)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <InlineError error={changeRole.error} />
      {canManage && <AddMemberForm workspaceId={workspace.id} />}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { formatDateTime } from '../../ui/format';
import { roleAtLeast } from '../../ui/roles';
import { EmptyState, ErrorState, InlineError, Loading } from '../../ui/states';
import { useCurrentWorkspace } from '../session/current-workspace';
import { CreateTokenForm } from './create-token-form';
import { type ApiToken, useApiTokens, useRevokeToken } from './token-queries';
import { ScrollTable } from '../../ui/scroll-table';

export function ApiTokensPage() {
  const { t } = useTranslation();
  const { workspace } = useCurrentWorkspace();
  if (!roleAtLeast(workspace.role, 'manager')) {
    return (
      <section className="settings-section">
        <h2>{t('tokens.title')}</h2>
        <p className="muted">{t('tokens.managersOnly')}</p>
      </section>
    );
  }
  return <ApiTokens workspaceId={workspace.id} timeZone={workspace.timezone} />;
}

function ApiTokens({ workspaceId, timeZone }: { workspaceId: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const tokens = useApiTokens(workspaceId);
  const revoke = useRevokeToken(workspaceId);
  const when = (iso: string | null) =>
    iso ? formatDateTime(iso, i18n.language, timeZone) : t('tokens.never');
  const items: ApiToken[] = tokens.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="settings-section" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t('tokens.title')}</h2>
      <p className="muted">{t('tokens.intro')}</p>
      <CreateTokenForm workspaceId={workspaceId} />
      {tokens.isPending ? (
        <Loading />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('tokens.empty')} />
      ) : (
        <ScrollTable label={t('tokens.title')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('tokens.name')}</th>
                <th scope="col">{t('tokens.prefix')}</th>
                <th scope="col">{t('tokens.role')}</th>
                <th scope="col">{t('tokens.lastUsed')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('tokens.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((token) => (
                <tr key={token.id} className={token.revokedAt ? 'row-muted' : undefined}>
                  <td>{token.name}</td>
                  <td>
                    <code translate="no">{token.prefix}…</code>
                  </td>
                  <td>{t(`roles.${token.role}`)}</td>
                  <td>{when(token.lastUsedAt)}</td>
                  <td>
                    {token.revokedAt ? (
                      t('tokens.revokedOn', { date: when(token.revokedAt) })
                    ) : (
                      <ConfirmDialog
                        trigger={
                          <button type="button" className="btn btn-small btn-danger">
                            {t('tokens.revoke')}
                          </button>
                        }
                        title={t('tokens.revokeTitle', { name: token.name })}
                        body={<p>{t('tokens.revokeBody')}</p>}
                        confirmLabel={t('tokens.revoke')}
                        onConfirm={() => revoke.mutate(token.id)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <InlineError error={revoke.error} />
      {tokens.hasNextPage && (
        <button
          type="button"
          className="btn"
          disabled={tokens.isFetchingNextPage}
          onClick={() => void tokens.fetchNextPage()}
        >
          {t('common.loadMore')}
        </button>
      )}
    </section>
  );
}

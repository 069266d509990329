// The charter editor: workspace rules, per-network overrides, pillars, a box to test a text against
// the rules being edited, and version history. Saving makes a new version; a save over a version
// someone else saved meanwhile is refused (409) and says so.
import type { CharterRules, RuleSet } from '@cadence/domain/charter/schemas';
import type { Network } from '@cadence/domain/networks/schemas';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { isApiError, unwrap } from '../../api/errors';
import { roleAtLeast } from '../../ui/roles';
import { ErrorState, InlineError, Loading } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { useCurrentWorkspace } from '../session/current-workspace';
import { CharterHistory } from './charter-history';
import { type CharterVersion, useCharter, useSaveCharter } from './charter-queries';
import { CharterTestBox } from './charter-test-box';
import { NETWORK_LIST } from './networks';
import { PillarsEditor } from './pillars-editor';
import { RuleSetFields } from './rule-set-fields';

export function CharterPage() {
  const { t } = useTranslation();
  const { workspace } = useCurrentWorkspace();
  const charter = useCharter(workspace.id);
  if (charter.isPending) return <Loading />;
  if (charter.isError) return <ErrorState error={charter.error} onRetry={() => void charter.refetch()} />;
  return (
    <section className="page" aria-labelledby="charter-title">
      <h1 id="charter-title">{t('nav.charter')}</h1>
      <CharterEditor key={charter.data.version} current={charter.data} />
    </section>
  );
}

function CharterEditor({ current }: { current: CharterVersion }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { workspace } = useCurrentWorkspace();
  const canEdit = roleAtLeast(workspace.role, 'manager');
  const [rules, setRules] = useState<CharterRules>(current.rules);
  const [scope, setScope] = useState<'workspace' | Network>('workspace');
  const save = useSaveCharter(workspace.id);

  const override = scope === 'workspace' ? null : ((rules.overrides[scope] ?? {}) as RuleSet);
  const setScoped = (next: RuleSet) =>
    setRules(
      scope === 'workspace'
        ? { ...rules, rules: next }
        : { ...rules, overrides: { ...rules.overrides, [scope]: next } },
    );

  const submit = async () => {
    try {
      await save.mutateAsync({ rules, baseVersion: current.version });
      toast({ kind: 'success', message: t('charter.saved') });
    } catch (e) {
      if (isApiError(e, 409)) void queryClient.invalidateQueries({ queryKey: ['charter', workspace.id] });
    }
  };
  const load = async (version: number) => {
    const old = unwrap(
      await api.GET('/api/v1/workspaces/{workspaceId}/charter/versions/{version}', {
        params: { path: { workspaceId: workspace.id, version } },
      }),
    );
    setRules(old.rules);
    toast({ kind: 'info', message: t('charter.loaded', { version }) });
  };

  return (
    <div className="charter-grid">
      <div>
        <p className="muted">
          {current.version === 0 ? t('charter.none') : t('charter.inForce', { version: current.version })}
        </p>
        <div className="field">
          <label htmlFor="charter-scope">{t('charter.scope')}</label>
          <select
            id="charter-scope"
            value={scope}
            onChange={(e) => setScope(e.target.value as 'workspace' | Network)}
          >
            <option value="workspace">{t('charter.allNetworks')}</option>
            {NETWORK_LIST.map((n) => (
              <option key={n} value={n}>
                {t('charter.onlyOn', { network: t(`networks.${n}`) })}
                {rules.overrides[n] ? ' ●' : ''}
              </option>
            ))}
          </select>
        </div>
        <fieldset disabled={!canEdit} className="charter-fields">
          <RuleSetFields key={scope} rules={override ?? rules.rules} onChange={setScoped} />
          {scope === 'workspace' && (
            <PillarsEditor
              pillars={rules.rules.pillars ?? []}
              onChange={(pillars) => setRules({ ...rules, rules: { ...rules.rules, pillars } })}
            />
          )}
        </fieldset>
        {canEdit ? (
          <div className="button-group">
            <button
              type="button"
              className="btn btn-primary"
              disabled={save.isPending}
              onClick={() => void submit()}
            >
              {t('charter.save')}
            </button>
            <InlineError
              error={isApiError(save.error, 409) ? new Error(t('charter.conflict')) : save.error}
            />
          </div>
        ) : (
          <p className="muted">{t('charter.managersOnly')}</p>
        )}
      </div>
      <div>
        <CharterTestBox charter={rules} timeZone={workspace.timezone} />
        <CharterHistory
          workspaceId={workspace.id}
          timeZone={workspace.timezone}
          onLoad={canEdit ? (v) => void load(v) : null}
        />
      </div>
    </div>
  );
}

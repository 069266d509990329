// The charter editor: workspace rules, per-network overrides, pillars, a box to test a text against
// the rules being edited, and version history. Saving makes a new version; a save over a version
// someone else saved meanwhile is refused (409): the page says so in words and keeps what was typed,
// offering to save it over their version or to load theirs. Problems are found by the charter's own
// schema before sending (and from the server's field paths otherwise), and shown beside each field.
import type { CharterRules, NetworkRuleOverride, RuleSet } from '@cadence/domain/charter/schemas';
import type { Network } from '@cadence/domain/networks/schemas';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { isApiError, unwrap } from '../../api/errors';
import { roleAtLeast } from '../../ui/roles';
import { ErrorState, InlineError, Loading } from '../../ui/states';
import {
  type CharterProblem,
  describeProblems,
  localProblems,
  problemsIn,
  serverProblems,
} from './charter-problems';
import { ConflictNotice } from './conflict-notice';
import { useToast } from '../../ui/toast';
import { useCurrentWorkspace } from '../session/current-workspace';
import { CharterHistory } from './charter-history';
import { type CharterVersion, charterQuery, useCharter, useSaveCharter } from './charter-queries';
import { CharterTestBox } from './charter-test-box';
import { NETWORK_LIST } from './networks';
import { OverrideOffSwitches } from './override-off-switches';
import { PillarsEditor } from './pillars-editor';
import { RuleSetFields } from './rule-set-fields';
import { sameRules } from './same-rules';

export function CharterPage() {
  const { t } = useTranslation();
  const { workspace } = useCurrentWorkspace();
  const charter = useCharter(workspace.id);
  if (charter.isPending) return <Loading />;
  if (charter.isError) return <ErrorState error={charter.error} onRetry={() => void charter.refetch()} />;
  return (
    <section className="page" aria-labelledby="charter-title">
      <h1 id="charter-title">{t('nav.charter')}</h1>
      <CharterEditor current={charter.data} />
    </section>
  );
}

function CharterEditor({ current }: { current: CharterVersion }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { workspace } = useCurrentWorkspace();
  const canEdit = roleAtLeast(workspace.role, 'manager');
  // The version this edit started from: a newer one arriving (another tab, a refetch on focus)
  // never replaces what was typed; it is adopted only when nothing was changed, else said.
  const [base, setBase] = useState<CharterVersion>(current);
  const [rules, setRules] = useState<CharterRules>(current.rules);
  // Bumped when the rules are replaced whole, so fields holding their own text start again.
  const [edition, setEdition] = useState(0);
  const [scope, setScope] = useState<'workspace' | Network>('workspace');
  const [problems, setProblems] = useState<CharterProblem[]>([]);
  // The version someone else saved while this page was open (a 409 names it, or it arrived).
  const [conflict, setConflict] = useState<number | null>(null);
  const save = useSaveCharter(workspace.id);
  const startFrom = useCallback((version: CharterVersion) => {
    setBase(version);
    setRules(version.rules);
    setEdition((n) => n + 1);
    setConflict(null);
    setProblems([]);
  }, []);
  const edited = !sameRules(rules, base.rules);
  useEffect(() => {
    if (current.version <= base.version) return;
    if (edited) setConflict(current.version);
    else startFrom(current);
  }, [current, base.version, edited, startFrom]);

  // A network's override: rules of its own (edited like the workspace's) and rules switched off
  // there (null), kept apart so the fields below never see a null.
  const overrideAll: NetworkRuleOverride = scope === 'workspace' ? {} : (rules.overrides[scope] ?? {});
  const offHere = new Set(
    Object.keys(overrideAll).filter((k) => overrideAll[k as keyof NetworkRuleOverride] === null),
  );
  const override =
    scope === 'workspace'
      ? null
      : (Object.fromEntries(Object.entries(overrideAll).filter(([, v]) => v !== null)) as RuleSet);
  const setOverride = (network: Network, next: NetworkRuleOverride) => {
    const overrides = { ...rules.overrides, [network]: next };
    if (Object.keys(next).length === 0) delete overrides[network];
    setRules({ ...rules, overrides });
  };
  const setScoped = (next: RuleSet) => {
    if (scope === 'workspace') return setRules({ ...rules, rules: next });
    // A rule given its own value here is no longer off here.
    const nulls = Object.fromEntries([...offHere].filter((k) => !(k in next)).map((k) => [k, null]));
    setOverride(scope, { ...nulls, ...next });
  };
  const switchOff = (key: keyof NetworkRuleOverride, off: boolean) => {
    if (scope === 'workspace') return;
    const next: NetworkRuleOverride = { ...overrideAll };
    if (off) next[key] = null;
    else delete next[key];
    setOverride(scope, next);
  };

  const submit = async (baseVersion = base.version) => {
    const found = describeProblems(localProblems(rules), t, i18n.language);
    setProblems(found);
    if (found.length > 0) return;
    try {
      startFrom(await save.mutateAsync({ rules, baseVersion }));
      toast({ kind: 'success', message: t('charter.saved') });
    } catch (e) {
      if (isApiError(e, 409)) {
        const theirs = e.facts.currentVersion;
        setConflict(typeof theirs === 'number' ? theirs : base.version + 1);
      }
      setProblems(describeProblems(serverProblems(e), t, i18n.language));
    }
  };
  const discardMine = async () =>
    startFrom(await queryClient.fetchQuery({ ...charterQuery(workspace.id), staleTime: 0 }));
  // Field problems are listed above the save button; other failures (and 409) are said apart.
  const otherError = save.error && !isApiError(save.error, 409) && problems.length === 0 ? save.error : null;
  const load = async (version: number) => {
    const old = unwrap(
      await api.GET('/api/v1/workspaces/{workspaceId}/charter/versions/{version}', {
        params: { path: { workspaceId: workspace.id, version } },
      }),
    );
    setRules(old.rules);
    setEdition((n) => n + 1);
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
                {problems.some((p) => p.scope === n) ? ` ${t('charter.problems.inScope')}` : ''}
              </option>
            ))}
          </select>
        </div>
        <fieldset disabled={!canEdit} className="charter-fields">
          {scope !== 'workspace' && (
            <>
              <p className="field-hint">{t('charter.overrideHint', { network: t(`networks.${scope}`) })}</p>
              <OverrideOffSwitches
                network={t(`networks.${scope}`)}
                workspaceRules={rules.rules}
                off={offHere}
                onChange={switchOff}
              />
            </>
          )}
          <RuleSetFields
            key={`${scope}-${edition}`}
            rules={override ?? rules.rules}
            onChange={setScoped}
            problems={problemsIn(problems, scope)}
          />
          {scope === 'workspace' && (
            <PillarsEditor
              pillars={rules.rules.pillars ?? []}
              onChange={(pillars) => setRules({ ...rules, rules: { ...rules.rules, pillars } })}
            />
          )}
        </fieldset>
        {canEdit ? (
          <div className="charter-save">
            {problems.length > 0 && (
              <div className="charter-problems" role="alert">
                <p className="form-error">{t('charter.problems.title', { count: problems.length })}</p>
                <ul>
                  {problems.slice(0, 20).map((p) => (
                    <li key={`${p.scope}.${p.path}`}>{p.summary}</li>
                  ))}
                </ul>
              </div>
            )}
            {conflict !== null && (
              <ConflictNotice
                baseVersion={base.version}
                theirVersion={conflict}
                busy={save.isPending}
                onSaveMine={() => void submit(conflict)}
                onLoadTheirs={() => void discardMine()}
              />
            )}
            <div className="button-group">
              <button
                type="button"
                className="btn btn-primary"
                disabled={save.isPending}
                onClick={() => void submit()}
              >
                {t('charter.save')}
              </button>
              <InlineError error={otherError} />
            </div>
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

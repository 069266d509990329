// Workspace settings: name, time zone, language (managers and owners) and the approval policy
// (owners; others see it and why they cannot change it). Only changed fields are sent.
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../ui/field';
import { applyFieldErrors } from '../../ui/form-errors';
import { refusalText } from '../../ui/refusal-text';
import { roleAtLeast } from '../../ui/roles';
import { timeZoneOptions } from '../../ui/timezones';
import { useCurrentWorkspace } from '../session/current-workspace';
import { InboxSettingsSection } from './inbox-settings-section';
import './settings.css';
import {
  APPROVAL_SCOPES,
  type ApprovalScope,
  useUpdateWorkspace,
  type WorkspacePatch,
} from './workspace-queries';

interface Values {
  name: string;
  timezone: string;
  locale: 'en' | 'fr';
  approvalScope: ApprovalScope;
  requiredApprovals: '1' | '2';
}

export function WorkspaceSettingsPage() {
  const { t } = useTranslation();
  const { workspace } = useCurrentWorkspace();
  const update = useUpdateWorkspace(workspace.id);
  const zones = useMemo(timeZoneOptions, []);
  const canEdit = roleAtLeast(workspace.role, 'manager');
  const canSetPolicy = workspace.role === 'owner';
  const saved: Values = {
    name: workspace.name,
    timezone: workspace.timezone,
    locale: workspace.locale,
    approvalScope: workspace.approvalScope,
    requiredApprovals: workspace.requiredApprovals >= 2 ? '2' : '1',
  };
  const form = useForm<Values>({ values: saved });
  const { errors, isDirty, isSubmitting } = form.formState;
  const scope = form.watch('approvalScope');

  const submit = form.handleSubmit(async (values) => {
    const patch: WorkspacePatch = {};
    if (values.name !== saved.name) patch.name = values.name;
    if (values.timezone !== saved.timezone) patch.timezone = values.timezone;
    if (values.locale !== saved.locale) patch.locale = values.locale;
    if (canSetPolicy && values.approvalScope !== saved.approvalScope)
      patch.approvalScope = values.approvalScope;
    if (canSetPolicy && values.requiredApprovals !== saved.requiredApprovals) {
      patch.requiredApprovals = Number(values.requiredApprovals);
    }
    try {
      await update.mutateAsync(patch);
    } catch (e) {
      applyFieldErrors(form.setError, e);
    }
  });

  return (
    <section className="settings-section" aria-labelledby="workspace-settings-title">
      <h2 id="workspace-settings-title">{t('workspaceSettings.title')}</h2>
      {!canEdit && <p className="muted">{t('workspaceSettings.readOnly')}</p>}
      <form className="form" onSubmit={submit} noValidate>
        <fieldset disabled={!canEdit}>
          <legend>{t('workspaceSettings.general')}</legend>
          <TextField
            label={t('workspaceSettings.name')}
            error={errors.name?.message}
            {...form.register('name', { required: t('validation.required') })}
          />
          <SelectField
            label={t('workspaceSettings.timezone')}
            hint={t('workspaceSettings.timezoneHint')}
            error={errors.timezone?.message}
            {...form.register('timezone')}
          >
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('workspaceSettings.language')} {...form.register('locale')}>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </SelectField>
        </fieldset>
        <fieldset disabled={!canSetPolicy} aria-describedby="approval-policy-note">
          <legend>{t('workspaceSettings.approval.title')}</legend>
          <p className="muted" id="approval-policy-note">
            {canSetPolicy ? t('workspaceSettings.approval.intro') : t('refusals.owner_only')}
          </p>
          <div role="radiogroup" aria-label={t('workspaceSettings.approval.who')} className="choice-list">
            {APPROVAL_SCOPES.map((s) => (
              <label key={s} className="choice">
                <input type="radio" value={s} {...form.register('approvalScope')} />
                <span>
                  <strong>{t(`workspaceSettings.approval.scope.${s}`)}</strong>
                  <span className="muted">{t(`workspaceSettings.approval.scopeHint.${s}`)}</span>
                </span>
              </label>
            ))}
          </div>
          {scope !== 'nobody' && (
            <SelectField
              label={t('workspaceSettings.approval.howMany')}
              error={errors.requiredApprovals?.message}
              {...form.register('requiredApprovals')}
            >
              <option value="1">{t('workspaceSettings.approval.count', { count: 1 })}</option>
              <option value="2">{t('workspaceSettings.approval.count', { count: 2 })}</option>
            </SelectField>
          )}
        </fieldset>
        {update.isError && Object.keys(errors).length === 0 && (
          <p className="form-error" role="alert">
            {refusalText(update.error, t)}
          </p>
        )}
        {update.isSuccess && !isDirty && (
          <p role="status" className="form-success">
            {t('workspaceSettings.saved')}
          </p>
        )}
        {canEdit && (
          <button type="submit" className="btn btn-primary" disabled={!isDirty || isSubmitting}>
            {t('common.save')}
          </button>
        )}
      </form>
      <InboxSettingsSection />
    </section>
  );
}

// Inbox settings (managers and owners): reply approval, and the first-response target in working
// hours with the working days and hours it counts in (the workspace's timezone). Only changed
// fields are sent; the server judges them and names the field it refuses.
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/field';
import { applyFieldErrors } from '../../ui/form-errors';
import { refusalText } from '../../ui/refusal-text';
import { roleAtLeast } from '../../ui/roles';
import { useCurrentWorkspace } from '../session/current-workspace';
import { useUpdateWorkspace, type WorkspacePatch } from './workspace-queries';

interface Values {
  replyApproval: boolean;
  /** Hours as typed ("2", "1.5"); empty: no target. */
  targetHours: string;
  workingDays: string[];
  workingHoursStart: string;
  workingHoursEnd: string;
}

const DAYS = [1, 2, 3, 4, 5, 6, 7];
// 2 November 2026 is a Monday: day n of that week names ISO weekday n.
const dayName = (day: number, locale: string) =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 10, 1 + day));

export function InboxSettingsSection() {
  const { t, i18n } = useTranslation();
  const { workspace } = useCurrentWorkspace();
  const update = useUpdateWorkspace(workspace.id);
  const canEdit = roleAtLeast(workspace.role, 'manager');
  const target = workspace.firstResponseTargetMinutes;
  const saved: Values = {
    replyApproval: workspace.replyApproval,
    targetHours: target === null ? '' : String(target / 60),
    workingDays: workspace.workingDays.map(String),
    workingHoursStart: workspace.workingHoursStart,
    workingHoursEnd: workspace.workingHoursEnd,
  };
  const form = useForm<Values>({ values: saved });
  const { errors, isDirty, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (v) => {
    const patch: WorkspacePatch = {};
    if (v.replyApproval !== saved.replyApproval) patch.replyApproval = v.replyApproval;
    if (v.targetHours !== saved.targetHours) {
      patch.firstResponseTargetMinutes = v.targetHours.trim() ? Math.round(Number(v.targetHours) * 60) : null;
    }
    if ([...v.workingDays].sort().join() !== [...saved.workingDays].sort().join()) {
      patch.workingDays = v.workingDays.map(Number);
    }
    if (v.workingHoursStart !== saved.workingHoursStart) patch.workingHoursStart = v.workingHoursStart;
    if (v.workingHoursEnd !== saved.workingHoursEnd) patch.workingHoursEnd = v.workingHoursEnd;
    try {
      await update.mutateAsync(patch);
    } catch (e) {
      applyFieldErrors(form.setError, e);
    }
  });

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="inbox-settings-title">
      <h3 id="inbox-settings-title">{t('inboxSettings.title')}</h3>
      <fieldset disabled={!canEdit}>
        <legend>{t('inboxSettings.approvalLegend')}</legend>
        <label className="choice">
          <input type="checkbox" {...form.register('replyApproval')} />
          <span>
            <strong>{t('inboxSettings.replyApproval')}</strong>
            <span className="muted">{t('inboxSettings.replyApprovalHint')}</span>
          </span>
        </label>
      </fieldset>
      <fieldset disabled={!canEdit}>
        <legend>{t('inboxSettings.targetLegend')}</legend>
        <TextField
          label={t('inboxSettings.targetHours')}
          hint={t('inboxSettings.targetHint', { zone: workspace.timezone })}
          inputMode="decimal"
          error={errors.targetHours?.message}
          {...form.register('targetHours', {
            validate: (v) =>
              !v.trim() || (Number(v) > 0 && Number(v) <= 120) || t('inboxSettings.targetInvalid'),
          })}
        />
        <fieldset className="inbox-settings-days">
          <legend>{t('inboxSettings.days')}</legend>
          {DAYS.map((d) => (
            <label key={d} className="choice-inline">
              <input type="checkbox" value={String(d)} {...form.register('workingDays')} />
              {dayName(d, i18n.language)}
            </label>
          ))}
        </fieldset>
        <div className="inbox-settings-hours">
          <TextField
            type="time"
            label={t('inboxSettings.start')}
            error={errors.workingHoursStart?.message}
            {...form.register('workingHoursStart')}
          />
          <TextField
            type="time"
            label={t('inboxSettings.end')}
            error={errors.workingHoursEnd?.message}
            {...form.register('workingHoursEnd')}
          />
        </div>
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
  );
}

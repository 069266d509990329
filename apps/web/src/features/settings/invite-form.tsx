// Invite someone by address and role. With email configured the link goes to the address (the
// inviter never sees it); without, it is shown once to copy and pass on. Either way it works once,
// for 7 days, for that address only.
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../ui/copy-button';
import { SelectField, TextField } from '../../ui/field';
import { applyFieldErrors } from '../../ui/form-errors';
import { refusalText } from '../../ui/refusal-text';
import { ROLES, type Role } from '../../ui/roles';
import { type InvitationCreate, useInvite } from './member-queries';

export function InviteForm({ workspaceId, myRole }: { workspaceId: string; myRole: Role }) {
  const { t } = useTranslation();
  const invite = useInvite(workspaceId);
  const form = useForm<InvitationCreate>({ defaultValues: { email: '', role: 'editor' } });
  const { errors } = form.formState;
  // Only an owner can make an owner: the server refuses it, so it is not offered.
  const roles = ROLES.filter((r) => r !== 'owner' || myRole === 'owner');

  const submit = form.handleSubmit(async (values) => {
    try {
      await invite.mutateAsync(values);
      form.reset({ email: '', role: values.role });
    } catch (e) {
      applyFieldErrors(form.setError, e);
    }
  });

  return (
    <>
      <form className="form form-inline" onSubmit={submit} noValidate aria-labelledby="invite-title">
        <h3 id="invite-title">{t('members.invite')}</h3>
        <TextField
          label={t('members.email')}
          type="email"
          autoComplete="off"
          error={errors.email?.message}
          {...form.register('email', { required: t('validation.required') })}
        />
        <SelectField label={t('members.role')} error={errors.role?.message} {...form.register('role')}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </SelectField>
        {invite.isError && Object.keys(errors).length === 0 && (
          <p className="form-error" role="alert">
            {refusalText(invite.error, t)}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
          {t('members.inviteSubmit')}
        </button>
      </form>
      {invite.data?.delivery === 'email' && (
        <div className="secret-once" role="status">
          <p>
            <strong>{t('members.invited', { email: invite.data.email })}</strong> {t('members.linkEmailed')}
          </p>
          <button type="button" className="btn" onClick={() => invite.reset()}>
            {t('common.close')}
          </button>
        </div>
      )}
      {invite.data?.acceptUrl && (
        <div className="secret-once" role="status">
          <p>
            <strong>{t('members.invited', { email: invite.data.email })}</strong> {t('members.linkOnce')}
          </p>
          <code className="secret" data-testid="invitation-link">
            {invite.data.acceptUrl}
          </code>
          <CopyButton value={invite.data.acceptUrl} label={t('members.copyLink')} />
          <button type="button" className="btn" onClick={() => invite.reset()}>
            {t('tokens.secretDone')}
          </button>
        </div>
      )}
    </>
  );
}

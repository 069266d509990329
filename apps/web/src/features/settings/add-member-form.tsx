import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../ui/field';
import { applyFieldErrors } from '../../ui/form-errors';
import { ROLES } from '../../ui/roles';
import { InlineError } from '../../ui/states';
import { type MemberAdd, useAddMember } from './member-queries';

export function AddMemberForm({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const add = useAddMember(workspaceId);
  const form = useForm<MemberAdd>({ defaultValues: { email: '', name: '', password: '', role: 'editor' } });
  const { errors } = form.formState;

  const submit = form.handleSubmit(async ({ password, ...rest }) => {
    try {
      // An empty password means "the person already has an account".
      await add.mutateAsync(password ? { ...rest, password } : rest);
      form.reset();
    } catch (e) {
      applyFieldErrors(form.setError, e);
    }
  });
  const required = { required: t('validation.required') };

  return (
    <form className="form form-inline" onSubmit={submit} noValidate aria-labelledby="add-member-title">
      <h3 id="add-member-title">{t('members.add')}</h3>
      <TextField
        label={t('members.email')}
        type="email"
        error={errors.email?.message}
        {...form.register('email', required)}
      />
      <TextField
        label={t('members.name')}
        error={errors.name?.message}
        {...form.register('name', required)}
      />
      <TextField
        label={t('members.password')}
        type="password"
        autoComplete="new-password"
        hint={t('members.passwordHint')}
        error={errors.password?.message}
        {...form.register('password')}
      />
      <SelectField label={t('members.role')} error={errors.role?.message} {...form.register('role')}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </SelectField>
      {add.isError && Object.keys(errors).length === 0 && <InlineError error={add.error} />}
      {add.isSuccess && (
        <p role="status" className="form-success">
          {t('members.added')}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
        {t('members.addSubmit')}
      </button>
    </form>
  );
}

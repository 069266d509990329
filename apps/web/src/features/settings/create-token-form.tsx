import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../ui/copy-button';
import { SelectField, TextField } from '../../ui/field';
import { applyFieldErrors } from '../../ui/form-errors';
import { InlineError } from '../../ui/states';
import { type TokenCreate, useCreateToken } from './token-queries';

const TOKEN_ROLES = ['manager', 'editor', 'viewer'] as const;

export function CreateTokenForm({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const create = useCreateToken(workspaceId);
  const form = useForm<TokenCreate>({ defaultValues: { name: '', role: 'editor' } });
  const { errors } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    try {
      await create.mutateAsync(values);
      form.reset();
    } catch (e) {
      applyFieldErrors(form.setError, e);
    }
  });

  return (
    <>
      <form className="form form-inline" onSubmit={submit} noValidate aria-labelledby="create-token-title">
        <h3 id="create-token-title">{t('tokens.create')}</h3>
        <TextField
          label={t('tokens.name')}
          error={errors.name?.message}
          {...form.register('name', { required: t('validation.required') })}
        />
        <SelectField label={t('tokens.role')} error={errors.role?.message} {...form.register('role')}>
          {TOKEN_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </SelectField>
        {create.isError && Object.keys(errors).length === 0 && <InlineError error={create.error} />}
        <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
          {t('tokens.createSubmit')}
        </button>
      </form>
      {create.data && (
        <div className="secret-once" role="status">
          <p>
            <strong>{t('tokens.secretTitle', { name: create.data.name })}</strong> {t('tokens.secretOnce')}
          </p>
          <code className="secret" data-testid="token-secret" translate="no">
            {create.data.token}
          </code>
          <CopyButton value={create.data.token} />
          <button type="button" className="btn" onClick={() => create.reset()}>
            {t('tokens.secretDone')}
          </button>
        </div>
      )}
    </>
  );
}

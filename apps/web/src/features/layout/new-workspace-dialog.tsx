// Creating another workspace (another brand or client) from the switcher: its name, zone and
// language; the creator becomes its owner and it opens at once.
import * as Dialog from '@radix-ui/react-dialog';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { SelectField, TextField } from '../../ui/field';
import { timeZoneOptions } from '../../ui/timezones';
import { useApiErrorText } from '../../ui/use-api-error-text';
import { useCurrentWorkspace } from '../session/current-workspace';
import { sessionQuery } from '../session/session-queries';

interface Values {
  name: string;
  timezone: string;
  locale: 'en' | 'fr';
}

export function NewWorkspaceDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { workspace, selectWorkspace } = useCurrentWorkspace();
  const queryClient = useQueryClient();
  const errorText = useApiErrorText();
  const zones = useMemo(timeZoneOptions, []);
  const form = useForm<Values>({
    defaultValues: {
      name: '',
      timezone: workspace.timezone,
      locale: i18n.language === 'fr' ? 'fr' : 'en',
    },
  });
  const create = useMutation({
    mutationFn: async (body: Values) => unwrap(await api.POST('/api/v1/workspaces', { body })),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
      selectWorkspace(created.id);
      onClose();
    },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit((values) =>
    create.mutateAsync({ ...values, name: values.name.trim() }).catch(() => {}),
  );
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title>{t('workspace.createTitle')}</Dialog.Title>
          <Dialog.Description className="muted">{t('workspace.createIntro')}</Dialog.Description>
          <form className="form" onSubmit={submit} noValidate>
            <TextField
              label={t('setup.workspaceName')}
              error={errors.name?.message}
              {...form.register('name', {
                validate: (v) => v.trim().length > 0 || t('validation.required'),
              })}
            />
            <SelectField label={t('setup.timezone')} {...form.register('timezone')}>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('setup.locale')} {...form.register('locale')}>
              <option value="fr">{t('language.fr')}</option>
              <option value="en">{t('language.en')}</option>
            </SelectField>
            {create.isError && (
              <p className="form-error" role="alert">
                {errorText(create.error)}
              </p>
            )}
            <div className="dialog-actions">
              <Dialog.Close asChild>
                <button type="button" className="btn">
                  {t('common.cancel')}
                </button>
              </Dialog.Close>
              <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
                {t('workspace.createSubmit')}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

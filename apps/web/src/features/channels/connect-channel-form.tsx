// Connect a channel with credentials typed in directly (OAuth connections come with the adapters).
// Credentials are write-only: the API stores them encrypted and never sends them back.
import { NETWORKS } from '@cadence/names';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../ui/field';
import { isApiError } from '../../api/errors';
import { InlineError } from '../../ui/states';
import { type Network, useConnectChannel } from './channel-queries';

const FORM_FIELDS = ['network', 'displayName', 'handle'] as const;
// Why the API refused an address typed as a credential (webhook url, Mastodon instanceUrl, Bluesky
// service); each has words in the catalogue, so the person reads them in their language.
const URL_PROBLEMS = ['not_a_url', 'not_http', 'needs_https', 'private_address'] as const;

interface ConnectValues {
  network: Network;
  displayName: string;
  handle: string;
  credentials: { name: string; value: string }[];
  // Where the API's problems about credentials are shown (they concern the set, not one row).
  credentialsProblem?: string;
}

export function ConnectChannelForm({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const connect = useConnectChannel(workspaceId);
  const form = useForm<ConnectValues>({
    defaultValues: {
      network: 'mastodon',
      displayName: '',
      handle: '',
      credentials: [{ name: '', value: '' }],
    },
  });
  const rows = useFieldArray({ control: form.control, name: 'credentials' });
  const { errors } = form.formState;

  const submit = form.handleSubmit(async ({ credentials, credentialsProblem: _, ...rest }) => {
    const filled = credentials.filter((c) => c.name.trim());
    try {
      await connect.mutateAsync({
        ...rest,
        ...(filled.length
          ? { credentials: Object.fromEntries(filled.map((c) => [c.name.trim(), c.value])) }
          : {}),
      });
      form.reset();
    } catch (e) {
      if (!isApiError(e)) return;
      const reasons = e.fieldReasons;
      for (const [field, message] of Object.entries(e.fieldErrors)) {
        const target = FORM_FIELDS.find((f) => f === field) ?? 'credentialsProblem';
        const reason = URL_PROBLEMS.find((r) => r === reasons[field]);
        const name = field.replace(/^credentials\./, '');
        form.setError(target, {
          type: 'server',
          message: reason ? t(`channels.urlProblem.${reason}`, { name }) : message,
        });
      }
    }
  });
  const required = { required: t('validation.required') };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="connect-title">
      <h2 id="connect-title">{t('channels.connect')}</h2>
      <SelectField
        label={t('channels.network')}
        error={errors.network?.message}
        {...form.register('network')}
      >
        {NETWORKS.map((n) => (
          <option key={n} value={n}>
            {t(`networks.${n}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('channels.displayName')}
        error={errors.displayName?.message}
        {...form.register('displayName', required)}
      />
      <TextField
        label={t('channels.handle')}
        hint={t('channels.handleHint')}
        error={errors.handle?.message}
        {...form.register('handle', required)}
      />
      <fieldset className="credentials">
        <legend>{t('channels.credentials')}</legend>
        <p className="field-hint">{t('channels.credentialsHint')}</p>
        {rows.fields.map((row, index) => (
          <div key={row.id} className="credential-row">
            <TextField
              label={t('channels.credentialName')}
              placeholder="accessToken"
              autoComplete="off"
              {...form.register(`credentials.${index}.name`)}
            />
            <TextField
              label={t('channels.credentialValue')}
              type="password"
              autoComplete="off"
              {...form.register(`credentials.${index}.value`)}
            />
            <button type="button" className="btn btn-small" onClick={() => rows.remove(index)}>
              {t('channels.removeCredential')}
            </button>
          </div>
        ))}
        <button type="button" className="btn btn-small" onClick={() => rows.append({ name: '', value: '' })}>
          {t('channels.addCredential')}
        </button>
        {errors.credentialsProblem && <p className="field-error">{errors.credentialsProblem.message}</p>}
      </fieldset>
      {connect.isError && Object.keys(errors).length === 0 && <InlineError error={connect.error} />}
      {connect.isSuccess && (
        <p role="status" className="form-success">
          {t('channels.connected')}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
        {t('channels.connectSubmit')}
      </button>
    </form>
  );
}

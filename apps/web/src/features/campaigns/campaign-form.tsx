// Create or edit a campaign; the API's per-field problems land beside their fields.
import { CAMPAIGN_STATUSES as STATUSES } from '@cadence/names';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../ui/field';
import { applyFieldErrors } from '../../ui/form-errors';
import { InlineError } from '../../ui/states';
import { type Campaign, type CampaignCreate, useSaveCampaign } from './campaign-queries';

type Values = Pick<
  CampaignCreate,
  'name' | 'objective' | 'description' | 'startsOn' | 'endsOn' | 'colour' | 'status'
>;

export function CampaignForm({
  workspaceId,
  campaign,
  onSaved,
}: {
  workspaceId: string;
  campaign: Campaign | null;
  onSaved?: (c: Campaign) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveCampaign(workspaceId);
  const today = new Date().toISOString().slice(0, 10);
  const form = useForm<Values>({
    defaultValues: campaign
      ? {
          name: campaign.name,
          objective: campaign.objective,
          description: campaign.description,
          startsOn: campaign.startsOn,
          endsOn: campaign.endsOn,
          colour: campaign.colour,
          status: campaign.status,
        }
      : {
          name: '',
          objective: '',
          description: '',
          startsOn: today,
          endsOn: today,
          colour: '#3451d1',
          status: 'planned',
        },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      const saved = await save.mutateAsync({ id: campaign?.id ?? null, body: values });
      if (!campaign) form.reset();
      onSaved?.(saved);
    } catch (e) {
      applyFieldErrors(form.setError, e);
    }
  });
  const required = { required: t('validation.required') };
  return (
    <form
      className="form form-inline"
      onSubmit={submit}
      noValidate
      aria-label={campaign ? t('campaigns.edit') : t('campaigns.create')}
    >
      <TextField
        label={t('campaigns.name')}
        error={errors.name?.message}
        {...form.register('name', required)}
      />
      <TextField
        label={t('campaigns.objective')}
        error={errors.objective?.message}
        {...form.register('objective')}
      />
      <div className="field">
        <label htmlFor="campaign-description">{t('campaigns.description')}</label>
        <textarea id="campaign-description" rows={3} {...form.register('description')} />
      </div>
      <div className="form-row">
        <TextField
          type="date"
          label={t('campaigns.startsOn')}
          error={errors.startsOn?.message}
          {...form.register('startsOn', required)}
        />
        <TextField
          type="date"
          label={t('campaigns.endsOn')}
          error={errors.endsOn?.message}
          {...form.register('endsOn', required)}
        />
        <TextField
          type="color"
          label={t('campaigns.colour')}
          error={errors.colour?.message}
          {...form.register('colour')}
        />
      </div>
      <SelectField label={t('campaigns.status')} error={errors.status?.message} {...form.register('status')}>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`campaigns.statuses.${s}`)}
          </option>
        ))}
      </SelectField>
      {save.isError && Object.keys(errors).length === 0 && <InlineError error={save.error} />}
      {save.isSuccess && (
        <p role="status" className="form-success">
          {t('campaigns.saved')}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
        {campaign ? t('common.save') : t('campaigns.createSubmit')}
      </button>
    </form>
  );
}

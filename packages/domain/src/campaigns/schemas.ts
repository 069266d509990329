// Request and response shapes of the campaigns API. Safe for the browser.
import { CAMPAIGN_STATUSES } from '@cadence/names';
import { z } from 'zod';
import { campaignAdditionsSchema } from '../charter/schemas';

export { CAMPAIGN_STATUSES };
export const campaignStatusSchema = z.enum(CAMPAIGN_STATUSES);
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

const colourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #rrggbb');
const dateSchema = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });

const fields = {
  name: z.string().trim().min(1, 'is required').max(120),
  objective: z.string().trim().max(500),
  description: z.string().trim().max(5_000),
  startsOn: dateSchema,
  endsOn: dateSchema,
  colour: colourSchema,
  status: campaignStatusSchema,
  /** A member of the workspace who answers for the campaign. */
  ownerUserId: z.uuid().nullable(),
  additions: campaignAdditionsSchema,
};

export const ENDS_BEFORE_STARTS = 'must be on or after startsOn';

export const campaignCreateSchema = z
  .strictObject({
    ...fields,
    objective: fields.objective.default(''),
    description: fields.description.default(''),
    status: fields.status.default('planned'),
    ownerUserId: fields.ownerUserId.optional(),
    additions: fields.additions.default({}),
  })
  // ISO dates compare in calendar order as strings.
  .refine((c) => c.endsOn >= c.startsOn, { message: ENDS_BEFORE_STARTS, path: ['endsOn'] });

/** Every field optional; dates given alone are checked against the stored other one by the use case. */
export const campaignUpdateSchema = z
  .strictObject(fields)
  .partial()
  .refine((c) => !c.startsOn || !c.endsOn || c.endsOn >= c.startsOn, {
    message: ENDS_BEFORE_STARTS,
    path: ['endsOn'],
  });

export const postCountsSchema = z.object({
  total: z.number().int(),
  /** Post workflow status (draft, in_review, scheduled, published…) to count; absent means none. */
  byStatus: z.record(z.string(), z.number().int()),
});
export type PostCounts = z.infer<typeof postCountsSchema>;

export const campaignSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  objective: z.string(),
  description: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  colour: z.string(),
  status: campaignStatusSchema,
  ownerUserId: z.uuid().nullable(),
  additions: campaignAdditionsSchema,
  postCounts: postCountsSchema,
  createdAt: z.date(),
  updatedAt: z.date(),
});

export type CampaignCreate = z.infer<typeof campaignCreateSchema>;
export type CampaignUpdate = z.infer<typeof campaignUpdateSchema>;
export type CampaignView = z.infer<typeof campaignSchema>;

import { describeDefaultSendLimits } from '../publishing/send-limits';
import { CHANNEL_STATUSES } from '@cadence/names';
import { z } from 'zod';
import { networkSchema } from '../networks/schemas';

const credentialsSchema = z
  .record(z.string().min(1).max(64), z.string().max(8000))
  .refine((o) => Object.keys(o).length <= 20, { message: 'at most 20 entries' })
  .describe('Secrets to reach the network (tokens, app passwords). Write-only: never returned.');

export const channelStatusSchema = z.enum(CHANNEL_STATUSES);

/**
 * How fast Cadence may send to this channel, across all publisher processes: at most `max` sends
 * per `perSeconds`. Null (or absent) uses the network's default (README, "Sending limits").
 */
export const sendLimitSchema = z
  .strictObject({
    max: z.int().min(1).max(100_000),
    perSeconds: z.int().min(1).max(86_400),
  })
  .nullable()
  .describe(
    `At most \`max\` sends per \`perSeconds\` to this channel, shared by all publishers; null: the network's default (${describeDefaultSendLimits()}; the sandbox has none). Posts due beyond it wait for the next window; scheduling answers a sendLimitWarnings entry when that happens.`,
  );

export const channelCreateSchema = z.strictObject({
  network: networkSchema,
  displayName: z.string().trim().min(1).max(120),
  handle: z.string().trim().min(1).max(200),
  credentials: credentialsSchema.optional(),
  sendLimit: sendLimitSchema.optional(),
});

export const channelUpdateSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(120).optional(),
  handle: z.string().trim().min(1).max(200).optional(),
  credentials: credentialsSchema.optional(),
  status: z.enum(['connected', 'disconnected']).optional(),
  sendLimit: sendLimitSchema.optional(),
});

/** What may leave the server: note there is no credentials field, only whether some are stored. */
export const channelSchema = z.object({
  id: z.uuid(),
  network: networkSchema,
  displayName: z.string(),
  handle: z.string(),
  status: channelStatusSchema,
  statusReason: z.string().nullable(),
  hasCredentials: z.boolean(),
  sendLimit: sendLimitSchema,
  createdAt: z.date(),
  updatedAt: z.date(),
});

export type ChannelCreate = z.infer<typeof channelCreateSchema>;
export type ChannelUpdate = z.infer<typeof channelUpdateSchema>;

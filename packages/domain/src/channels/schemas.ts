import { CHANNEL_STATUSES } from '@cadence/names';
import { z } from 'zod';
import { networkSchema } from '../networks/schemas';

const credentialsSchema = z
  .record(z.string().min(1).max(64), z.string().max(8000))
  .refine((o) => Object.keys(o).length <= 20, { message: 'at most 20 entries' })
  .describe('Secrets to reach the network (tokens, app passwords). Write-only: never returned.');

export const channelStatusSchema = z.enum(CHANNEL_STATUSES);

export const channelCreateSchema = z.strictObject({
  network: networkSchema,
  displayName: z.string().trim().min(1).max(120),
  handle: z.string().trim().min(1).max(200),
  credentials: credentialsSchema.optional(),
});

export const channelUpdateSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(120).optional(),
  handle: z.string().trim().min(1).max(200).optional(),
  credentials: credentialsSchema.optional(),
  status: z.enum(['connected', 'disconnected']).optional(),
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
  createdAt: z.date(),
  updatedAt: z.date(),
});

export type ChannelCreate = z.infer<typeof channelCreateSchema>;
export type ChannelUpdate = z.infer<typeof channelUpdateSchema>;

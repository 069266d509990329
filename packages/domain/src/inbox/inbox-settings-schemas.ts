// The workspace's inbox settings (issue 16): reply approval, and the first-response target in
// working hours (days and hours read in the workspace's timezone). Browser-safe.
import { z } from 'zod';
import { parseHhMm } from './working-hours';

/** At most 15 working days of 8 hours: a target, not an archive. */
export const MAX_FIRST_RESPONSE_TARGET_MINUTES = 7200;

export const hhMmSchema = z
  .string()
  .refine((v) => parseHhMm(v) !== null, { message: 'must be a time of day as HH:mm (00:00 to 23:59)' });

export const workingDaysSchema = z
  .array(z.number().int().min(1).max(7))
  .max(7)
  .refine((days) => new Set(days).size === days.length, { message: 'must not repeat a day' })
  .transform((days) => [...days].sort((a, b) => a - b));

export const firstResponseTargetSchema = z
  .number()
  .int()
  .min(1)
  .max(MAX_FIRST_RESPONSE_TARGET_MINUTES)
  .nullable();

/** Fields of the workspace update that set the inbox's behaviour (managers and owners). */
export const inboxSettingsPatchShape = {
  /** Editors' replies wait for a manager's approval before they are sent. */
  replyApproval: z.boolean().optional(),
  /** Working minutes to a first response; null: no target. */
  firstResponseTargetMinutes: firstResponseTargetSchema.optional(),
  /** ISO weekdays, 1 Monday ... 7 Sunday. */
  workingDays: workingDaysSchema.optional(),
  workingHoursStart: hhMmSchema.optional(),
  workingHoursEnd: hhMmSchema.optional(),
};

export const inboxSettingsViewShape = {
  replyApproval: z.boolean(),
  firstResponseTargetMinutes: z.number().int().nullable(),
  workingDays: z.array(z.number().int()),
  workingHoursStart: z.string(),
  workingHoursEnd: z.string(),
};

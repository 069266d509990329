// Request and response shapes for accounts, workspaces, members and tokens. Safe for the browser.
import { IANAZone } from 'luxon';
import { LOCALES } from '@cadence/names';
import { z } from 'zod';
import { inboxSettingsPatchShape, inboxSettingsViewShape } from '../inbox/inbox-settings-schemas';
import { approvalScopeSchema, requiredApprovalsSchema } from '../posts/approval-policy';
import { roleSchema } from './roles';

export const timezoneSchema = z
  .string()
  .max(64)
  .refine((tz) => IANAZone.isValidZone(tz), { message: 'must be an IANA time zone such as Europe/Paris' });
export const localeSchema = z.enum(LOCALES);
export const emailSchema = z
  .email({ message: 'must be an email address' })
  .max(254)
  .transform((e) => e.toLowerCase());
/** Shared with the web app's forms, which check it before sending, in the person's language. */
export const PASSWORD_MIN_LENGTH = 10;
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200);

/** Changing one's own password proves the current one first. */
export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});
export type PasswordChange = z.infer<typeof passwordChangeSchema>;
const nameSchema = z.string().trim().min(1, 'is required').max(120);

export const workspaceInputSchema = z.strictObject({
  name: nameSchema,
  timezone: timezoneSchema,
  locale: localeSchema.default('en'),
});

export const workspaceUpdateSchema = z.strictObject({
  name: nameSchema.optional(),
  timezone: timezoneSchema.optional(),
  locale: localeSchema.optional(),
  /** The approval policy: owners only. */
  approvalScope: approvalScopeSchema.optional(),
  requiredApprovals: requiredApprovalsSchema.optional(),
  ...inboxSettingsPatchShape,
});

export const setupInputSchema = z.strictObject({
  email: emailSchema,
  name: nameSchema,
  password: passwordSchema,
  workspace: workspaceInputSchema,
});

export const loginInputSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

/** What a person may change about themself (their password has its own call, which asks for it). */
export const profileUpdateSchema = z.strictObject({
  name: nameSchema.optional(),
  /** The language of their emails, and of the interface wherever they sign in. */
  locale: localeSchema.optional(),
});
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

export const memberUpdateSchema = z.strictObject({ role: roleSchema });

export const tokenCreateSchema = z.strictObject({
  name: nameSchema,
  role: roleSchema.exclude(['owner']),
});

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale: localeSchema,
});

export const workspaceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  timezone: z.string(),
  locale: localeSchema,
  approvalScope: approvalScopeSchema,
  requiredApprovals: z.number().int(),
  ...inboxSettingsViewShape,
  createdAt: z.date(),
});

export const membershipWorkspaceSchema = workspaceSchema.extend({ role: roleSchema });

export const memberSchema = z.object({
  userId: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  createdAt: z.date(),
});

export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: roleSchema,
  prefix: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export type WorkspaceInput = z.infer<typeof workspaceInputSchema>;
export type SetupInput = z.infer<typeof setupInputSchema>;

// Shapes of invitations, shared with the browser.
import { z } from 'zod';
import { emailSchema, localeSchema, passwordSchema } from '../accounts/schemas';
import { roleSchema } from '../accounts/roles';

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;
/** "inv_" and 43 base64url characters (256 bits). */
export const INVITATION_TOKEN = /^inv_[A-Za-z0-9_-]{43}$/;

export const invitationCreateSchema = z.strictObject({
  email: emailSchema,
  role: roleSchema,
  /** The invitation email's language; the workspace's by default. */
  locale: localeSchema.optional(),
});

export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: roleSchema,
  invitedBy: z.object({ userId: z.uuid().nullable(), name: z.string().nullable() }),
  createdAt: z.date(),
  expiresAt: z.date(),
  /** open: can still be accepted; expired: the link is dead, invite again. */
  state: z.enum(['open', 'expired']),
});

/** The one answer to an invitation, whether or not the address has an account anywhere. */
export const invitationCreatedSchema = invitationSchema.extend({
  /** email: the link went by email (SMTP is configured) and is not in this answer; link: copy it. */
  delivery: z.enum(['email', 'link']),
  /** The secret part of the link, shown once when no email is sent (the inviter passes it on). */
  token: z.string().nullable(),
  acceptUrl: z.string().nullable(),
});

const tokenField = z.string().regex(INVITATION_TOKEN, 'is not an invitation link');
export const invitationTokenSchema = z.strictObject({ token: tokenField });
export const invitationRegisterSchema = z.strictObject({
  token: tokenField,
  name: z.string().trim().min(1, 'is required').max(120),
  password: passwordSchema,
  locale: localeSchema.optional(),
});

/** What the link's holder sees before accepting: which workspace, which role, for which address. */
export const invitationPreviewSchema = z.object({
  workspaceName: z.string(),
  role: roleSchema,
  email: z.string(),
  invitedByName: z.string().nullable(),
  expiresAt: z.date(),
});

export type InvitationView = z.infer<typeof invitationSchema>;

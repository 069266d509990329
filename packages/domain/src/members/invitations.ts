// Owners and managers invite an address with a role; the person accepts (accept-invitation.ts).
// The answer is the same whether or not the address has an account, here or in another
// workspace: nothing about other tenants leaks to the inviter.
import { type Db, invitations, memberships, users, workspaces } from '@cadence/db';
import type { Locale } from '@cadence/names';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { LIMITS } from '../accounts/limits';
import type { Role } from '../accounts/roles';
import { recordAudit } from '../audit/record-audit';
import { limitReached, notFound, sayError } from '../errors';
import { renderInvitationEmail } from '../notifications/account-emails';
import { queueEmail } from '../notifications/queue-email';
import { randomSecret, sha256 } from '../security/tokens';
import { INVITATION_TTL_MS, type InvitationView } from './invitation-schemas';
import { assertCanGrant, lockWorkspace } from './member-guards';

type InvitationRow = typeof invitations.$inferSelect;

function toView(row: InvitationRow, inviterName: string | null, now: Date): InvitationView {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy: { userId: row.invitedByUserId, name: inviterName },
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    state: row.expiresAt.getTime() > now.getTime() ? 'open' : 'expired',
  };
}

export function newInvitationToken() {
  const token = `inv_${randomSecret(32)}`;
  return { token, hash: sha256(token) };
}

/** How the link travels when SMTP is configured; without it the inviter copies the link. */
export interface InvitationMail {
  link: (token: string) => string;
  mailDomain: string;
}

/**
 * Invites one address. Inviting an address again replaces its open invitation (the old link
 * dies). Someone already a member gets 409: the inviter can read the member list anyway.
 * With `mail`, the link is emailed (queued in this transaction) in the workspace's language unless
 * the inviter chose one; the email does not depend on whether the address has an account.
 */
export async function createInvitation(
  db: Db,
  actor: Actor,
  input: { email: string; role: Role; locale?: Locale | undefined },
  now: Date,
  mail: InvitationMail | null = null,
) {
  assertCanGrant(actor, input.role);
  const { token, hash } = newInvitationToken();
  return db.transaction(async (tx) => {
    await lockWorkspace(tx, actor.workspaceId);
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(eq(memberships.workspaceId, actor.workspaceId), eq(sql`lower(${users.email})`, input.email)),
      );
    if (member) throw sayError('conflict', 'errors.members.alreadyMember', {}, { reason: 'already_member' });
    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.workspaceId, actor.workspaceId), eq(invitations.email, input.email), open()));
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(invitations)
      .where(and(eq(invitations.workspaceId, actor.workspaceId), open()));
    if (n >= LIMITS.openInvitationsPerWorkspace) {
      throw limitReached(
        'errors.limits.openInvitations',
        { max: LIMITS.openInvitationsPerWorkspace },
        {
          limit: 'open_invitations',
          max: LIMITS.openInvitationsPerWorkspace,
        },
      );
    }
    const [row] = await tx
      .insert(invitations)
      .values({
        workspaceId: actor.workspaceId,
        email: input.email,
        role: input.role,
        tokenHash: hash,
        invitedByUserId: actor.userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const [inviter] = actor.userId
      ? await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId))
      : [];
    const view = toView(row, inviter?.name ?? null, now);
    if (mail) {
      const [workspace] = await tx
        .select({ name: workspaces.name, locale: workspaces.locale })
        .from(workspaces)
        .where(eq(workspaces.id, actor.workspaceId));
      const locale = input.locale ?? workspace?.locale ?? 'en';
      await queueEmail(tx, {
        workspaceId: actor.workspaceId,
        userId: null,
        to: input.email,
        locale,
        topic: 'invitation',
        rendered: renderInvitationEmail({
          locale,
          workspace: workspace?.name ?? '',
          inviterName: inviter?.name ?? null,
          role: input.role,
          link: mail.link(token),
        }),
        mailDomain: mail.mailDomain,
        now,
      });
    }
    await recordAudit(tx, actor, {
      action: 'invitation.created',
      entityType: 'invitation',
      entityId: row.id,
      after: view,
    });
    return { view, token };
  });
}

/** Not yet accepted nor revoked (expired ones are listed so the inviter can invite again). */
const open = () => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));

export async function listInvitations(db: Db, workspaceId: string, now: Date) {
  const rows = await db
    .select({ invitation: invitations, inviterName: users.name })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(and(eq(invitations.workspaceId, workspaceId), open()))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(LIMITS.openInvitationsPerWorkspace);
  return rows.map((r) => toView(r.invitation, r.inviterName, now));
}

/** The link stops working at once. Revoking twice, or an accepted invitation, is 404. */
export async function revokeInvitation(db: Db, actor: Actor, invitationId: string, now: Date) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.id, invitationId), eq(invitations.workspaceId, actor.workspaceId), open()))
      .returning();
    if (!row) throw notFound('invitation');
    await recordAudit(tx, actor, {
      action: 'invitation.revoked',
      entityType: 'invitation',
      entityId: row.id,
      before: { email: row.email, role: row.role },
    });
  });
}

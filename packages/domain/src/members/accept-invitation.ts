// The invited person's side: see what the link offers, then accept it signed in (an existing
// account) or by creating an account (name and password). A link works once, for 7 days, and only
// for the address it was sent to.
import { type Db, type Executor, invitations, memberships, users, workspaces } from '@cadence/db';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { createSession } from '../accounts/sessions';
import { recordAudit } from '../audit/record-audit';
import { conflict, forbidden, sayError } from '../errors';
import { hashPassword } from '../security/password';
import { sha256 } from '../security/tokens';

// One answer for a wrong, used, revoked or expired link: the holder learns nothing more.
const deadLink = () =>
  sayError('not_found', 'errors.invitations.invalid', {}, { reason: 'invitation_invalid' });

async function findOpen(db: Executor, token: string, now: Date, lock: boolean) {
  const query = db
    .select({ invitation: invitations, workspaceName: workspaces.name, inviterName: users.name })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(
      and(
        eq(invitations.tokenHash, sha256(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    );
  const [row] = lock ? await query.for('update', { of: invitations }) : await query;
  if (!row) throw deadLink();
  return row;
}

export async function previewInvitation(db: Db, token: string, now: Date) {
  const row = await findOpen(db, token, now, false);
  return {
    workspaceName: row.workspaceName,
    role: row.invitation.role,
    email: row.invitation.email,
    invitedByName: row.inviterName,
    expiresAt: row.invitation.expiresAt,
  };
}

/** Joins the workspace and spends the link, in one transaction. */
async function join(tx: Executor, invitation: typeof invitations.$inferSelect, userId: string, now: Date) {
  await tx
    .insert(memberships)
    .values({ workspaceId: invitation.workspaceId, userId, role: invitation.role })
    .onConflictDoNothing();
  await tx
    .update(invitations)
    .set({ acceptedAt: now, acceptedByUserId: userId })
    .where(eq(invitations.id, invitation.id));
  await recordAudit(
    tx,
    { workspaceId: invitation.workspaceId, userId, tokenId: null },
    {
      action: 'member.joined',
      entityType: 'member',
      entityId: userId,
      after: { userId, role: invitation.role, invitationId: invitation.id },
    },
  );
  return { workspaceId: invitation.workspaceId };
}

/** A signed-in person accepts an invitation sent to their own address. */
export async function acceptInvitation(
  db: Db,
  user: { id: string; email: string },
  token: string,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { invitation } = await findOpen(tx, token, now, true);
    if (invitation.email !== user.email.toLowerCase()) {
      throw forbidden(
        'errors.invitations.otherAddress',
        {},
        {
          reason: 'invitation_other_address',
        },
      );
    }
    return join(tx, invitation, user.id, now);
  });
}

/** Someone without an account accepts by choosing a name and a password; they are signed in. */
export async function registerWithInvitation(
  db: Db,
  input: { token: string; name: string; password: string; locale?: 'en' | 'fr' | undefined },
  now: Date,
) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const { invitation } = await findOpen(tx, input.token, now, true);
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, invitation.email));
    if (existing) {
      throw conflict(
        'errors.invitations.accountExists',
        {},
        {
          reason: 'account_exists',
        },
      );
    }
    const [user] = await tx
      .insert(users)
      .values({
        email: invitation.email,
        name: input.name,
        passwordHash,
        ...(input.locale ? { locale: input.locale } : {}),
      })
      .returning();
    if (!user) throw new Error('insert returned nothing');
    const joined = await join(tx, invitation, user.id, now);
    const session = await createSession(tx, user.id, now);
    return { user, session, ...joined };
  });
}

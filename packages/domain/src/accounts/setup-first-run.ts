import { type Db, memberships, users, workspaces } from '@cadence/db';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import { conflict } from '../errors';
import { hashPassword } from '../security/password';
import type { SetupInput } from './schemas';
import { createSession } from './sessions';

// Any constant works: it only serialises concurrent first-run attempts.
const SETUP_LOCK = 727_001;

export async function isSetupNeeded(db: Db): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length === 0;
}

/** Creates the first owner and workspace, once: a second attempt (even concurrent) gets 409. */
export async function setupFirstRun({ db, input, now }: { db: Db; input: SetupInput; now: Date }) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`);
    const existing = await tx.select({ id: users.id }).from(users).limit(1);
    if (existing.length > 0) throw conflict('errors.workspaces.alreadySetUp');
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, locale: input.workspace.locale })
      .returning();
    const [workspace] = await tx.insert(workspaces).values(input.workspace).returning();
    if (!user || !workspace) throw new Error('insert returned nothing');
    await tx.insert(memberships).values({ workspaceId: workspace.id, userId: user.id, role: 'owner' });
    await recordAudit(
      tx,
      { workspaceId: workspace.id, userId: user.id, tokenId: null },
      { action: 'workspace.created', entityType: 'workspace', entityId: workspace.id, after: workspace },
    );
    const session = await createSession(tx, user.id, now);
    return { user, workspace, session };
  });
}

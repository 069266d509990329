import { apiTokens, type Db } from '@cadence/db';
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { type Role, roleAtLeast } from '../accounts/roles';
import { recordAudit } from '../audit/record-audit';
import { assertUnderCap } from '../accounts/caps';
import { forbidden, notFound } from '../errors';
import { newApiToken } from '../security/tokens';
import { newestFirst, type PageAfter } from '../pagination';

const publicColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  role: apiTokens.role,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

export async function listApiTokens(
  db: Db,
  workspaceId: string,
  page: { limit: number; after?: PageAfter | undefined },
) {
  const keyset = newestFirst(apiTokens.createdAt, apiTokens.id, page.after);
  return db
    .select(publicColumns)
    .from(apiTokens)
    .where(and(eq(apiTokens.workspaceId, workspaceId), keyset.where))
    .orderBy(...keyset.orderBy)
    .limit(page.limit + 1);
}

/** The secret is returned here once and never again; only its sha256 is stored. */
export async function createApiToken(
  db: Db,
  actor: Actor,
  input: { name: string; role: Exclude<Role, 'owner'> },
) {
  if (!roleAtLeast(actor.role, input.role)) throw forbidden('errors.tokens.higherRole');
  const { token, prefix, hash } = newApiToken();
  return db.transaction(async (tx) => {
    await assertUnderCap(tx, actor, 'api_tokens');
    const [row] = await tx
      .insert(apiTokens)
      .values({
        workspaceId: actor.workspaceId,
        name: input.name,
        role: input.role,
        prefix,
        tokenHash: hash,
        createdByUserId: actor.userId,
      })
      .returning(publicColumns);
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, actor, {
      action: 'api_token.created',
      entityType: 'api_token',
      entityId: row.id,
      after: row,
    });
    return { ...row, token };
  });
}

export async function revokeApiToken(db: Db, actor: Actor, tokenId: string, now: Date) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select(publicColumns)
      .from(apiTokens)
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.workspaceId, actor.workspaceId)))
      .for('update');
    if (!before) throw notFound('api_token');
    if (before.revokedAt) return before;
    const [after] = await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
      .returning(publicColumns);
    await recordAudit(tx, actor, {
      action: 'api_token.revoked',
      entityType: 'api_token',
      entityId: tokenId,
      before,
      after,
    });
    return after ?? before;
  });
}

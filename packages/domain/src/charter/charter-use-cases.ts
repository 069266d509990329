import { charterVersions, type Db, type Executor, workspaces } from '@cadence/db';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { recordAudit } from '../audit/record-audit';
import { conflict, notFound } from '../errors';
import type { CharterSave, CharterVersionView } from './api-schemas';
import { charterChanges } from './change-summary';
import { type CharterRules, charterRulesSchema } from './schemas';

type VersionRow = typeof charterVersions.$inferSelect;

function toView(row: VersionRow): CharterVersionView {
  return {
    id: row.id,
    version: row.version,
    rules: charterRulesSchema.parse(row.rules),
    changeSummary: row.changeSummary,
    createdBy: { userId: row.createdByUserId, tokenId: row.createdByTokenId },
    createdAt: row.createdAt,
  };
}

/** What a workspace that never saved a charter has: no rules at all. */
export function emptyCharter(): CharterVersionView {
  return {
    id: null,
    version: 0,
    rules: charterRulesSchema.parse({}),
    changeSummary: [],
    createdBy: null,
    createdAt: null,
  };
}

async function latestRow(db: Executor, workspaceId: string): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(charterVersions)
    .where(eq(charterVersions.workspaceId, workspaceId))
    .orderBy(desc(charterVersions.version))
    .limit(1);
  return row;
}

/** The charter in force: the highest version, or version 0 with no rules. */
export async function getCurrentCharter(db: Executor, workspaceId: string): Promise<CharterVersionView> {
  const row = await latestRow(db, workspaceId);
  return row ? toView(row) : emptyCharter();
}

/** The rules to check posts with, and the version they come from (for a post to record at approval). */
export async function loadCharterForCheck(
  db: Executor,
  workspaceId: string,
): Promise<{ version: number; id: string | null; rules: CharterRules }> {
  const { version, id, rules } = await getCurrentCharter(db, workspaceId);
  return { version, id, rules };
}

/** Versions newest first, without their rules; `beforeVersion` continues after a page. */
export async function listCharterVersions(
  db: Db,
  workspaceId: string,
  page: { limit: number; beforeVersion?: number | undefined },
) {
  const rows = await db
    .select({
      version: charterVersions.version,
      changeSummary: charterVersions.changeSummary,
      createdByUserId: charterVersions.createdByUserId,
      createdByTokenId: charterVersions.createdByTokenId,
      createdAt: charterVersions.createdAt,
    })
    .from(charterVersions)
    .where(
      and(
        eq(charterVersions.workspaceId, workspaceId),
        page.beforeVersion !== undefined ? lt(charterVersions.version, page.beforeVersion) : undefined,
      ),
    )
    .orderBy(desc(charterVersions.version))
    .limit(page.limit + 1);
  return rows.map((r) => ({
    version: r.version,
    changeSummary: r.changeSummary,
    createdBy: { userId: r.createdByUserId, tokenId: r.createdByTokenId },
    createdAt: r.createdAt,
  }));
}

export async function getCharterVersion(db: Db, workspaceId: string, version: number) {
  const [row] = await db
    .select()
    .from(charterVersions)
    .where(and(eq(charterVersions.workspaceId, workspaceId), eq(charterVersions.version, version)));
  if (!row) throw notFound('charter_version');
  return toView(row);
}

/**
 * Saves the charter as a new version. Saves of one workspace are serialised by a lock on its row,
 * so two cannot both take the same number, and one made from a stale `baseVersion` is refused
 * rather than silently overwriting what someone else just saved. Saving identical rules creates
 * no version: the current one is returned.
 */
export async function saveCharter(db: Db, actor: Actor, input: CharterSave): Promise<CharterVersionView> {
  return db.transaction(async (tx) => {
    // NO KEY UPDATE: waits for other saves but not for inserts that merely reference the workspace.
    await tx
      .select({ id: workspaces.id })
      .from(workspaces)
      .where(eq(workspaces.id, actor.workspaceId))
      .for('no key update');
    const current = await latestRow(tx, actor.workspaceId);
    const currentVersion = current?.version ?? 0;
    if (input.baseVersion !== currentVersion) {
      throw conflict(
        'errors.charterVersions.moved',
        { current: currentVersion, base: input.baseVersion },
        { currentVersion },
      );
    }
    const previous = current ? charterRulesSchema.parse(current.rules) : null;
    const changeSummary = charterChanges(previous, input.rules);
    if (current && changeSummary.length === 0) return toView(current);

    const [row] = await tx
      .insert(charterVersions)
      .values({
        workspaceId: actor.workspaceId,
        version: currentVersion + 1,
        rules: input.rules,
        changeSummary,
        createdByUserId: actor.userId,
        createdByTokenId: actor.tokenId,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, actor, {
      action: 'charter.saved',
      entityType: 'charter_version',
      entityId: row.id,
      before: current ? { version: current.version } : null,
      after: { version: row.version, changeSummary },
    });
    return toView(row);
  });
}

import { auditEvents, type Executor } from '@cadence/db';
import type { Actor } from '../accounts/actor';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

type AuditActor =
  | Pick<Actor, 'workspaceId' | 'userId' | 'tokenId' | 'requestId'>
  | { workspaceId: string | null; userId: string | null; tokenId: string | null; requestId?: string };

/** Written in the same transaction as the change it describes: no change without its trail. */
export async function recordAudit(tx: Executor, actor: AuditActor, entry: AuditEntry) {
  await recordAudits(tx, actor, [entry]);
}

/** Many entries by one actor in one statement (bulk steps). */
export async function recordAudits(tx: Executor, actor: AuditActor, entries: readonly AuditEntry[]) {
  if (entries.length === 0) return;
  await tx.insert(auditEvents).values(
    entries.map((entry) => ({
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      actorTokenId: actor.tokenId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: actor.requestId ?? null,
    })),
  );
}

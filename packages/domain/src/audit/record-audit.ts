import { auditEvents, type Executor } from '@cadence/db';
import type { Actor } from '../accounts/actor';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Written in the same transaction as the change it describes: no change without its trail. */
export async function recordAudit(
  tx: Executor,
  actor:
    | Pick<Actor, 'workspaceId' | 'userId' | 'tokenId' | 'requestId'>
    | { workspaceId: string | null; userId: string | null; tokenId: string | null; requestId?: string },
  entry: AuditEntry,
) {
  await tx.insert(auditEvents).values({
    workspaceId: actor.workspaceId,
    actorUserId: actor.userId,
    actorTokenId: actor.tokenId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: actor.requestId ?? null,
  });
}

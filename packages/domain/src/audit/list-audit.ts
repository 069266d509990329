import { auditEvents, type Db } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { newestFirst, type PageAfter } from '../pagination';

export const auditEventSchema = z.object({
  id: z.uuid(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  actorUserId: z.string().nullable(),
  actorTokenId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  createdAt: z.date(),
});

export async function listAuditEvents(
  db: Db,
  workspaceId: string,
  page: { limit: number; after?: PageAfter | undefined },
) {
  const keyset = newestFirst(auditEvents.createdAt, auditEvents.id, page.after);
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.workspaceId, workspaceId), keyset.where))
    .orderBy(...keyset.orderBy)
    .limit(page.limit + 1);
}

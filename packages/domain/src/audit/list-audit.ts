import { auditEvents, type Db } from '@cadence/db';
import { and, desc, eq, lt, or } from 'drizzle-orm';
import { z } from 'zod';

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
  page: { limit: number; after?: { createdAt: Date; id: string } | undefined },
) {
  const a = page.after;
  return db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.workspaceId, workspaceId),
        a
          ? or(
              lt(auditEvents.createdAt, a.createdAt),
              and(eq(auditEvents.createdAt, a.createdAt), lt(auditEvents.id, a.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(page.limit + 1);
}

import { workspaces } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../accounts/actor';
import type { workspaceUpdateSchema } from '../accounts/schemas';
import { recordAudit } from '../audit/record-audit';
import { forbidden, invalidField, notFound } from '../errors';
import { enqueueRollupRebuild } from '../reports/rollups/rebuild-rollups';
import type { UseCaseDeps } from '../use-case-deps';

/**
 * Managers rename and set the zone, the language and the inbox settings; only owners change the
 * approval policy, or a manager could wave their own posts through.
 */
export async function updateWorkspace(
  deps: UseCaseDeps,
  actor: Actor,
  patch: z.infer<typeof workspaceUpdateSchema>,
) {
  const { db } = deps;
  if (
    (patch.approvalScope !== undefined || patch.requiredApprovals !== undefined) &&
    actor.role !== 'owner'
  ) {
    throw forbidden('errors.workspaces.ownerOnlyPolicy', {}, { reason: 'owner_only' });
  }
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(workspaces)
      .where(eq(workspaces.id, actor.workspaceId))
      .for('update');
    if (!before) throw notFound('workspace');
    const start = patch.workingHoursStart ?? before.workingHoursStart;
    const end = patch.workingHoursEnd ?? before.workingHoursEnd;
    // "HH:mm" strings of the same shape compare as times of day.
    if (end <= start) {
      const field = patch.workingHoursEnd !== undefined ? 'body.workingHoursEnd' : 'body.workingHoursStart';
      throw invalidField(field, 'working_day_order');
    }
    const [after] = await tx
      .update(workspaces)
      .set({ ...patch, updatedAt: deps.clock() })
      .where(and(eq(workspaces.id, actor.workspaceId)))
      .returning();
    // Report roll-ups count by local day: a new zone moves every day (decision 0255); the
    // Community roll-up counts answers within the target (decision 0316).
    const moved =
      after &&
      (after.timezone !== before.timezone ||
        after.firstResponseTargetMinutes !== before.firstResponseTargetMinutes);
    if (after && moved) await enqueueRollupRebuild(tx, after.id, deps.clock());
    await recordAudit(tx, actor, {
      action: 'workspace.updated',
      entityType: 'workspace',
      entityId: actor.workspaceId,
      before,
      after,
    });
    return after ?? before;
  });
}

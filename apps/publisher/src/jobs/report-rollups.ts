// The report roll-ups' background work on the process's job runner (decisions 0255, 0305):
// rebuilding a workspace's roll-ups from its targets and figures (queued by a change of timezone,
// and once per workspace by the migrations that created the roll-ups), and folding the rows
// transactions appended.
import type { Db } from '@cadence/db';
import {
  foldEngagementRollups,
  rebuildEngagementRollups,
} from '@cadence/domain/reports/rollups/engagement-rollups';
import {
  foldReportRollups,
  REBUILD_ROLLUPS_JOB,
  rebuildReportRollups,
} from '@cadence/domain/reports/rollups/rebuild-rollups';
import { type JobRunner, PermanentJobError } from '@cadence/jobs';
import type { PublisherLogger } from '../deps';

const EVERY_TEN_MINUTES = 600_000;

export function registerReportRollups(runner: JobRunner, deps: { db: Db }, logger: PublisherLogger): void {
  runner.register<{ workspaceId?: unknown }>(REBUILD_ROLLUPS_JOB, {
    concurrency: 1,
    run: async (payload) => {
      if (typeof payload.workspaceId !== 'string')
        throw new PermanentJobError('No workspaceId in the payload');
      await rebuildReportRollups(deps.db, payload.workspaceId);
      await rebuildEngagementRollups(deps.db, payload.workspaceId);
      logger.info({ workspaceId: payload.workspaceId }, 'report roll-ups rebuilt');
    },
  });
  runner.every('reports:fold-rollups', EVERY_TEN_MINUTES, async () => {
    const folded = (await foldReportRollups(deps.db)) + (await foldEngagementRollups(deps.db));
    if (folded > 0) logger.info({ folded }, 'report roll-up rows folded');
  });
}

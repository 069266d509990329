// Metrics pulled back from the networks, as jobs of the process's runner (decision 0063): one
// "metrics.pull" job per target and stage of the decaying schedule (1 h ... 30 days after
// publication, each pull queues the next), and one "metrics.followers" job per channel and day,
// queued by an hourly task. A 429 comes back when the network said (Retry-After), through the
// runner; a post that is gone ends its schedule; a figure the network does not give is not stored.
import type { Db } from '@cadence/db';
import { enqueuePulls, type PullPayload } from '@cadence/domain/reports/metrics/plan-pulls';
import {
  loadFollowerChannel,
  loadPullTarget,
  planFollowerPulls,
} from '@cadence/domain/reports/metrics/pull-sources';
import { recordFollowers, recordTargetMetrics } from '@cadence/domain/reports/metrics/record-metrics';
import { FOLLOWERS_PULL_JOB, METRICS_PULL_JOB } from '@cadence/domain/reports/metrics/schemas';
import { type KeyRing, openJson, sealedIn } from '@cadence/domain/security/secret-box';
import { type JobRunner, PermanentJobError, RetryLaterJobError } from '@cadence/jobs';
import { type AdapterRegistry, NetworkError } from '@cadence/networks';
import type { PublisherLogger } from '../deps';

const EVERY_HOUR = 3_600_000;
/** When a 429 names no time: a quarter of an hour. */
const DEFAULT_RETRY_AFTER_MS = 15 * 60_000;

export interface MetricsDeps {
  db: Db;
  adapters: AdapterRegistry;
  keyRing: KeyRing;
  clock: () => Date;
  logger: PublisherLogger;
}

function openCredentials(deps: MetricsDeps, channelId: string, sealed: string | null): unknown {
  if (!sealed) return null;
  try {
    return openJson(deps.keyRing, sealed, sealedIn.channelCredentials(channelId));
  } catch {
    throw new PermanentJobError(
      "The channel's credentials cannot be opened with the configured encryption keys",
    );
  }
}

/** A network's refusal, as the runner understands it. */
function asJobError(error: unknown): unknown {
  if (!(error instanceof NetworkError)) return error;
  const { kind, reason, retryAfterMs } = error.failure;
  if (kind === 'rate_limited') return new RetryLaterJobError(reason, retryAfterMs ?? DEFAULT_RETRY_AFTER_MS);
  if (kind === 'permanent' || kind === 'auth_revoked') return new PermanentJobError(reason);
  return error;
}

export async function pullTargetMetrics(deps: MetricsDeps, payload: PullPayload, signal: AbortSignal) {
  const target = await loadPullTarget(deps.db, payload.targetId);
  if (target?.status !== 'published' || !target.externalId) return 'gone';
  const adapter = deps.adapters[target.network];
  if (!adapter?.fetchMetrics) return 'no_figures';
  const publishedAt = target.publishedAt ?? target.updatedAt;
  const next = () =>
    enqueuePulls(deps.db, [{ targetId: target.id, publishedAt, stage: payload.stage + 1 }], deps.clock());
  // A channel waiting for reconnection is skipped at this stage; the later ones may find it back.
  if (target.channelStatus !== 'connected') {
    await next();
    return 'channel_not_connected';
  }
  const credentials = openCredentials(deps, target.channelId, target.credentialsSealed);
  let figures: Awaited<ReturnType<NonNullable<typeof adapter.fetchMetrics>>>;
  try {
    figures = await adapter.fetchMetrics(
      { channelId: target.channelId, externalId: target.externalId, credentials },
      signal,
    );
  } catch (error) {
    const jobError = asJobError(error);
    // This stage is lost, not the schedule: a refused read now may work next time.
    if (jobError instanceof PermanentJobError) await next();
    throw jobError;
  }
  if (figures === null) return 'gone';
  const pulledAt = deps.clock();
  await deps.db.transaction(async (tx) => {
    await recordTargetMetrics(tx, {
      targetId: target.id,
      workspaceId: target.workspaceId,
      figures,
      pulledAt,
    });
    await enqueuePulls(tx, [{ targetId: target.id, publishedAt, stage: payload.stage + 1 }], pulledAt);
  });
  return 'pulled';
}

export async function pullFollowers(deps: MetricsDeps, channelId: string, signal: AbortSignal) {
  const channel = await loadFollowerChannel(deps.db, channelId);
  if (channel?.status !== 'connected') return 'gone';
  const adapter = deps.adapters[channel.network];
  if (!adapter?.fetchFollowers) return 'no_figures';
  const credentials = openCredentials(deps, channel.id, channel.credentialsSealed);
  let followers: number;
  try {
    followers = await adapter.fetchFollowers({ channelId: channel.id, credentials }, signal);
  } catch (error) {
    throw asJobError(error);
  }
  await recordFollowers(deps.db, {
    channelId: channel.id,
    workspaceId: channel.workspaceId,
    followers,
    pulledAt: deps.clock(),
  });
  return 'pulled';
}

export function registerMetricsPulls(runner: JobRunner, deps: MetricsDeps): void {
  const backoff = { baseMs: 60_000, maxMs: 2 * EVERY_HOUR };
  runner.register<PullPayload>(METRICS_PULL_JOB, {
    concurrency: 4,
    backoff,
    run: async (payload, ctx) => {
      const outcome = await pullTargetMetrics(deps, payload, ctx.signal);
      deps.logger.debug({ targetId: payload.targetId, stage: payload.stage, outcome }, 'metrics pull done');
    },
  });
  runner.register<{ channelId: string }>(FOLLOWERS_PULL_JOB, {
    concurrency: 2,
    backoff,
    run: async (payload, ctx) => {
      await pullFollowers(deps, payload.channelId, ctx.signal);
    },
  });
  runner.every('metrics:plan-followers', EVERY_HOUR, () => planFollowerPulls(deps.db, deps.clock()));
}

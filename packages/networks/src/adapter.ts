// The one small interface every network sits behind. The publisher knows nothing else about a
// network: what it can do (capabilities), how fast it may be called (rateLimit), and two calls.
import type { MediaRef } from '@cadence/db';
import type { AdapterCapabilities } from '@cadence/domain/publishing/decide-after-failure';
import type { Network } from '@cadence/domain/networks/schemas';
import type { PulledMetrics } from '@cadence/domain/reports/metrics/schemas';
import type { InboxAdapter } from './inbox/types';

export interface PublishRequest {
  /** The target's id: the idempotency key / delivery id / deterministic record key. */
  targetId: string;
  workspaceId: string;
  postId: string;
  channelId: string;
  network: Network;
  text: string;
  link: string | null;
  media: MediaRef[];
  firstComment: string | null;
  scheduledAt: Date;
  /** The channel's opened credentials (whatever the adapter stored), or null. */
  credentials: unknown;
  /**
   * Per-network post options (Mastodon visibility and content warning...), validated by the
   * adapter's own schema; absent means the network's defaults.
   */
  options?: unknown;
}

export interface Published {
  externalId: string;
  externalUrl: string | null;
  /**
   * Things that went wrong after the post itself went out (a first comment that failed): the
   * target is published, and these are shown beside it rather than failing it.
   */
  warnings?: string[];
}

/** A fixed-window allowance: at most `max` calls per `perMs`. */
export interface RateAllowance {
  max: number;
  perMs: number;
}

export interface NetworkAdapter {
  network: Network;
  capabilities: AdapterCapabilities;
  rateLimit?: { perChannel?: RateAllowance; perNetwork?: RateAllowance };
  /**
   * Publishes, or throws a NetworkError whose `failure` says what happened. Must honour `signal`:
   * the publisher aborts a call that outlives its lease.
   */
  publish(request: PublishRequest, signal: AbortSignal): Promise<Published>;
  /** Present when `capabilities.canFindExisting`: the post for this target, or null if it is not there. */
  findExisting?(request: PublishRequest, signal: AbortSignal): Promise<Published | null>;
  /**
   * Present when the network gives engagement figures: the post's current figures (only those the
   * network gives), or null when the post is gone. Throws a NetworkError like `publish`.
   */
  fetchMetrics?(request: MetricsRequest, signal: AbortSignal): Promise<PulledMetrics | null>;
  /** Present when the network gives it: the channel's follower count now. */
  fetchFollowers?(request: Omit<MetricsRequest, 'externalId'>, signal: AbortSignal): Promise<number>;
  /** Present on networks whose conversations the inbox reads and answers (issue 16). */
  inbox?: InboxAdapter;
}

/** What a metrics pull needs: the post on the network, and the channel's opened credentials. */
export interface MetricsRequest {
  channelId: string;
  /** The id the network gave at publication (`Published.externalId`). */
  externalId: string;
  credentials: unknown;
}

export type AdapterRegistry = Partial<Record<Network, NetworkAdapter>>;

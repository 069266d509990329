// How fast Cadence may send to one channel: the network's documented posting limit per account,
// rounded down (README, "Sending limits and delivery"), unless the channel sets its own. One table,
// read by the adapters (to count sends) and by scheduling (to warn about a backlog).
import type { Network } from '@cadence/names';

export interface SendAllowance {
  max: number;
  perMs: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Per channel (one account); the sandbox has none. */
export const DEFAULT_SEND_LIMITS: Readonly<Record<Exclude<Network, 'sandbox'>, SendAllowance>> = {
  webhook: { max: 100, perMs: 1000 },
  mastodon: { max: 30, perMs: MINUTE }, // instances: 300 posts per 3 h
  bluesky: { max: 20, perMs: MINUTE }, // PDS: 1,666 record writes per hour
  linkedin: { max: 10, perMs: MINUTE },
  x: { max: 100, perMs: 15 * MINUTE }, // app-wide daily caps depend on the API tier
  facebook: { max: 20, perMs: MINUTE },
  instagram: { max: 100, perMs: DAY }, // Graph API: 100 published posts per account per 24 h
  threads: { max: 250, perMs: DAY }, // Threads API: 250 posts per 24 h
};

/** The channel's own limit (`channels.send_limit`), else its network's default; null for none. */
export function channelSendLimit(
  network: Network,
  own: { max: number; perSeconds: number } | null | undefined,
): SendAllowance | null {
  if (own) return { max: own.max, perMs: own.perSeconds * 1000 };
  return network === 'sandbox' ? null : DEFAULT_SEND_LIMITS[network];
}

const per = (ms: number) =>
  ms % DAY === 0 ? `${ms / DAY} d` : ms % MINUTE === 0 ? `${ms / MINUTE} min` : `${ms / 1000} s`;

/** "webhook 100 per 1 s; mastodon 30 per 1 min; …" for the API document. */
export function describeDefaultSendLimits(): string {
  return Object.entries(DEFAULT_SEND_LIMITS)
    .map(([network, l]) => `${network} ${l.max} per ${per(l.perMs)}`)
    .join('; ');
}

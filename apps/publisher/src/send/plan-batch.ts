// Sorts a batch of claimed targets into: hold (a send-time check failed), missed, wait (a rate
// limit), and go. Pure apart from reading the context already loaded.
import { checkBeforeSend } from '@cadence/domain/publishing/send-checks';
import type { PublishRequest } from '@cadence/networks';
import type { ClaimedTarget, PublisherDeps } from '../deps';
import { buildRequest } from './build-request';
import { channelKey, networkKey, type SendContext } from './load-send-context';

export interface BatchPlan {
  hold: { target: ClaimedTarget; reason: string }[];
  missed: { target: ClaimedTarget; reason: string }[];
  wait: { target: ClaimedTarget; until: Date }[];
  go: { target: ClaimedTarget; request: PublishRequest }[];
}

const NETWORK_NAMES: Record<string, string> = { x: 'X', linkedin: 'LinkedIn' };

/** `now`: when each target is judged, i.e. when it will leave (its instant when prepared early). */
export function planBatch(
  deps: PublisherDeps,
  targets: readonly ClaimedTarget[],
  ctx: SendContext,
  now: (target: ClaimedTarget) => Date,
): BatchPlan {
  const plan: BatchPlan = { hold: [], missed: [], wait: [], go: [] };
  for (const target of targets) {
    const post = ctx.posts.get(target.postId);
    const channel = ctx.channels.get(target.channelId);
    if (!post || !channel) {
      plan.hold.push({ target, reason: 'The post or its channel no longer exists' });
      continue;
    }
    const verdict = checkBeforeSend({
      postStatus: post.status,
      channelStatus: channel.status,
      channelStatusReason: channel.statusReason,
      scheduledAt: target.scheduledAt,
      nextAttemptAt: target.nextAttemptAt,
      now: now(target),
      graceMs: deps.settings.graceMinutes * 60_000,
      violations: ctx.violationsFor(target, post),
    });
    if (verdict.verdict === 'hold') {
      plan.hold.push({ target, reason: verdict.reason });
      continue;
    }
    if (verdict.verdict === 'missed') {
      plan.missed.push({ target, reason: verdict.reason });
      continue;
    }
    if (!deps.adapters[target.network]) {
      const name =
        NETWORK_NAMES[target.network] ?? target.network[0]?.toUpperCase() + target.network.slice(1);
      plan.hold.push({ target, reason: `Cadence cannot publish to ${name} yet` });
      continue;
    }
    const blocked = [
      ctx.blockedUntil.get(channelKey(target.channelId)),
      ctx.blockedUntil.get(networkKey(target.network)),
    ]
      .filter((d): d is Date => d !== undefined)
      .sort((a, b) => b.getTime() - a.getTime())[0];
    if (blocked) {
      plan.wait.push({ target, until: blocked });
      continue;
    }
    const built = buildRequest(deps, target, ctx);
    if (!built.ok) plan.hold.push({ target, reason: built.reason });
    else plan.go.push({ target, request: built.request });
  }
  return plan;
}

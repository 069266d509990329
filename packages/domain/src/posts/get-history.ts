import { apiTokens, channels, postEvents, postTargets, targetAttempts, users } from '@cadence/db';
import { and, asc, eq, gt, inArray, lte } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import type { PostDeps } from './deps';
import type { HistoryEntry } from './history-schemas';
import { findPost } from './post-store';
import { assertRole } from './workflow';

// The attempt log's outcomes (apps/publisher send/record-outcomes.ts) as history event codes. A
// send is two steps: it started (sending) and how it ended.
const SEND_OUTCOMES: Record<string, string> = {
  published: 'target.published',
  transient: 'target.failed',
  rate_limited: 'target.failed',
  permanent: 'target.failed',
  auth_revoked: 'target.failed',
  ambiguous: 'target.outcome_unknown',
};
const OTHER_OUTCOMES: Record<string, string> = {
  held: 'target.held',
  missed: 'target.missed',
  reconciled: 'target.reconciled',
  confirmed: 'target.confirmed',
  retried: 'target.retried',
};
/** A publisher step per target in one page is bounded by the retry policy; this caps the rest. */
const MAX_STEPS_PER_PAGE = 1_000;

type Entry = HistoryEntry & { seq: number | null };

/**
 * The post's history, oldest first: every transition and edit (who, when, from, to, comment) and
 * every step of each target's publishing (sending, published, failed with the network's reason).
 * Pages follow the workflow events (`afterSeq`); each page carries the target steps up to its
 * last event, the last page all the rest.
 */
export async function getHistory(
  deps: PostDeps,
  actor: Actor,
  postId: string,
  page: { limit: number; afterSeq?: number | undefined },
): Promise<{ items: HistoryEntry[]; nextSeq: number | null }> {
  assertRole(actor.role, 'read');
  await findPost(deps.db, actor.workspaceId, postId);
  const rows = await deps.db
    .select({
      event: postEvents,
      personName: users.name,
      tokenName: apiTokens.name,
    })
    .from(postEvents)
    .leftJoin(users, eq(users.id, postEvents.actorUserId))
    .leftJoin(apiTokens, eq(apiTokens.id, postEvents.actorTokenId))
    .where(
      and(
        eq(postEvents.postId, postId),
        eq(postEvents.workspaceId, actor.workspaceId),
        page.afterSeq !== undefined ? gt(postEvents.seq, page.afterSeq) : undefined,
      ),
    )
    .orderBy(asc(postEvents.seq))
    .limit(page.limit + 1);
  const events = rows.slice(0, page.limit);
  const more = rows.length > page.limit;
  const last = events.at(-1);
  const after = page.afterSeq !== undefined ? await eventTime(deps, postId, page.afterSeq) : undefined;
  const steps = await targetSteps(deps, actor.workspaceId, postId, {
    after,
    upTo: more && last ? last.event.createdAt : undefined,
  });
  const entries: Entry[] = [
    ...events.map(({ event: e, personName, tokenName }) => ({
      seq: e.seq,
      id: e.id,
      event: e.action,
      action: e.action,
      params: (e.details as Record<string, unknown> | null) ?? {},
      details: e.details,
      actor: {
        kind: e.actorTokenId
          ? ('token' as const)
          : e.actorUserId
            ? ('person' as const)
            : ('publisher' as const),
        userId: e.actorUserId,
        tokenId: e.actorTokenId,
        name: e.actorTokenId ? tokenName : personName,
      },
      target: null,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      comment: e.comment,
      createdAt: e.createdAt,
    })),
    ...steps,
  ];
  const sortAt = new Map(entries.map((e) => [e, orderTime(e, steps)]));
  // Stable: a workflow event and a step at the same instant keep the event first.
  entries.sort((a, b) => (sortAt.get(a) ?? 0) - (sortAt.get(b) ?? 0));
  return {
    items: entries.map(({ seq: _seq, ...entry }) => entry),
    nextSeq: more && last ? last.event.seq : null,
  };
}

// The publisher derives a post's status from its targets' outcomes in the same transaction; the
// status change is stamped with the transaction's start, the outcomes a few milliseconds later by
// the publisher's clock. Ordered by time alone, "now partly published" would come before the
// outcomes that made it so: it is placed after the outcomes recorded just after it.
const SAME_TRANSACTION_MS = 2_000;

function orderTime(entry: Entry, steps: readonly Entry[]): number {
  const at = entry.createdAt.getTime();
  if (entry.event !== 'publishing.status_changed') return at;
  let last = at;
  for (const step of steps) {
    const t = step.createdAt.getTime();
    if (t >= at && t - at <= SAME_TRANSACTION_MS && step.event !== 'target.sending') last = Math.max(last, t);
  }
  // Half a millisecond on: after outcomes stamped at the very same instant too.
  return last + 0.5;
}

async function eventTime(deps: PostDeps, postId: string, seq: number): Promise<Date | undefined> {
  const [row] = await deps.db
    .select({ at: postEvents.createdAt })
    .from(postEvents)
    .where(and(eq(postEvents.postId, postId), eq(postEvents.seq, seq)));
  return row?.at;
}

async function targetSteps(
  deps: PostDeps,
  workspaceId: string,
  postId: string,
  window: { after: Date | undefined; upTo: Date | undefined },
): Promise<Entry[]> {
  const rows = await deps.db
    .select({
      attempt: targetAttempts,
      channelId: postTargets.channelId,
      network: postTargets.network,
      channelName: channels.displayName,
    })
    .from(targetAttempts)
    .innerJoin(postTargets, eq(postTargets.id, targetAttempts.targetId))
    .innerJoin(channels, eq(channels.id, postTargets.channelId))
    .where(
      and(
        eq(postTargets.postId, postId),
        eq(targetAttempts.workspaceId, workspaceId),
        window.after ? gt(targetAttempts.finishedAt, window.after) : undefined,
        window.upTo ? lte(targetAttempts.finishedAt, window.upTo) : undefined,
      ),
    )
    .orderBy(asc(targetAttempts.finishedAt))
    .limit(MAX_STEPS_PER_PAGE);
  const who = await actorsOf(
    deps,
    rows.map((r) => r.attempt.actor),
  );
  return rows.flatMap(({ attempt: a, channelId, network, channelName }) => {
    const actor = who(a.actor);
    const target = { id: a.targetId, channelId, channelName, network };
    const step = (id: string, event: string, at: Date, params: Record<string, unknown>): Entry => ({
      seq: null,
      id,
      event,
      action: event,
      params,
      details: params,
      actor,
      target,
      fromStatus: null,
      toStatus: null,
      comment: null,
      createdAt: at,
    });
    const sent = SEND_OUTCOMES[a.outcome];
    if (sent) {
      const ended =
        a.outcome === 'published'
          ? { attempt: a.attempt }
          : { attempt: a.attempt, kind: a.outcome, reason: a.detail ?? '' };
      return [
        step(`${a.id}:sending`, 'target.sending', a.startedAt, { attempt: a.attempt }),
        step(a.id, sent, a.finishedAt, ended),
      ];
    }
    const other = OTHER_OUTCOMES[a.outcome] ?? 'target.step';
    return [
      step(a.id, other, a.finishedAt, { attempt: a.attempt, outcome: a.outcome, reason: a.detail ?? '' }),
    ];
  });
}

/**
 * The attempt log names who did a step as "person:<userId>", "token:<tokenId>" or a publisher's
 * worker id; this resolves them, with their names, in two queries.
 */
async function actorsOf(deps: PostDeps, refs: readonly string[]) {
  const parse = (ref: string) => /^(person|token):([0-9a-f-]{36})$/i.exec(ref);
  const ids = (kind: string) => [
    ...new Set(refs.map(parse).flatMap((m) => (m?.[1] === kind && m[2] ? [m[2]] : []))),
  ];
  const [people, tokens] = [ids('person'), ids('token')];
  const personNames = new Map(
    people.length
      ? (
          await deps.db
            .select({ id: users.id, name: users.name })
            .from(users)
            .where(inArray(users.id, people))
        ).map((u) => [u.id, u.name])
      : [],
  );
  const tokenRows = tokens.length
    ? await deps.db
        .select({ id: apiTokens.id, name: apiTokens.name, userId: apiTokens.createdByUserId })
        .from(apiTokens)
        .where(inArray(apiTokens.id, tokens))
    : [];
  const tokenById = new Map(tokenRows.map((t) => [t.id, t]));
  return (ref: string): HistoryEntry['actor'] => {
    const m = parse(ref);
    const id = m?.[2] ?? null;
    if (m?.[1] === 'person' && id)
      return { kind: 'person', userId: id, tokenId: null, name: personNames.get(id) ?? null };
    if (m?.[1] === 'token' && id) {
      const token = tokenById.get(id);
      return { kind: 'token', userId: token?.userId ?? null, tokenId: id, name: token?.name ?? null };
    }
    return { kind: 'publisher', userId: null, tokenId: null, name: null };
  };
}

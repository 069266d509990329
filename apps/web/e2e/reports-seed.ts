// Rows for the Reports browser walk, written straight into the embedded database while the server
// is stopped: published posts on Mastodon, Bluesky and the sandbox with figures, follower counts,
// review histories and charter verdicts, spread over the last ten weeks; inbox conversations on
// Mastodon and Bluesky (the sandbox has no inbox source) for the Community section.
import { randomUUID } from 'node:crypto';
import {
  campaigns,
  channelFollowerCounts,
  channels,
  type Db,
  inboxItems,
  inboxSyncStates,
  postEvents,
  posts,
  postTargets,
  targetMetrics,
  workspaces,
} from '@cadence/db';

const DAY = 86_400_000;

export async function seedReports(db: Db): Promise<void> {
  const [ws] = await db.select().from(workspaces);
  if (!ws) throw new Error('no workspace');
  let n = 7;
  const random = () => {
    n = (n * 1103515245 + 12345) % 2147483648;
    return n / 2147483648;
  };
  const nets = ['mastodon', 'bluesky', 'sandbox'] as const;
  const channelIds: Record<string, string> = {};
  for (const network of nets) {
    const id = randomUUID();
    await db
      .insert(channels)
      .values({ id, workspaceId: ws.id, network, displayName: `Acme ${network}`, handle: `@acme` });
    channelIds[network] = id;
  }
  const campaignIds: string[] = [];
  for (const name of ['Printemps', 'Launch week']) {
    const [c] = await db
      .insert(campaigns)
      .values({ workspaceId: ws.id, name, startsOn: '2026-01-01', endsOn: '2027-01-01', colour: '#336699' })
      .returning();
    if (c) campaignIds.push(c.id);
  }
  const now = Date.now();
  const rules = ['bannedPhrases', 'link', 'maxLength', 'network.maxLength', 'postingWindows'];
  for (let i = 0; i < 90; i++) {
    // Weekdays at office hours mostly, so a few cells gather enough posts for a suggestion.
    const day = new Date(now - (2 + Math.floor(random() * 68)) * DAY);
    day.setUTCHours([8, 9, 9, 12, 16][Math.floor(random() * 5)] ?? 9, Math.floor(random() * 60), 0, 0);
    const violations = rules.flatMap((rule) =>
      random() < 0.12
        ? [
            {
              rule,
              severity: random() < 0.3 ? 'block' : 'warn',
              message: { en: 'x', fr: 'x' },
              field: 'text',
            },
          ]
        : [],
    );
    const [post] = await db
      .insert(posts)
      .values({
        workspaceId: ws.id,
        text: `Post ${i}: ${['Spring menu is out', 'Meet the team', 'Behind the scenes', 'Our new shop'][i % 4]}`,
        status: 'published',
        scheduledAt: day,
        campaignId: random() < 0.6 ? (campaignIds[i % 2] ?? null) : null,
        violations,
      })
      .returning();
    if (!post) continue;
    const submitted = day.getTime() - (20 + Math.floor(random() * 2000)) * 60_000;
    let at = submitted - Math.floor(random() * 3) * 3 * 3600_000;
    const events: { action: string; to: 'in_review' | 'changes_requested' | 'approved'; at: number }[] = [];
    events.push({ action: 'submitted', to: 'in_review', at });
    while (at < submitted) {
      at += 3600_000;
      events.push({ action: 'changes_requested', to: 'changes_requested', at });
      at += 3600_000;
      events.push({ action: 'submitted', to: 'in_review', at });
    }
    events.push({ action: 'approved', to: 'approved', at: at + (10 + Math.floor(random() * 600)) * 60_000 });
    for (const e of events)
      await db.insert(postEvents).values({
        postId: post.id,
        workspaceId: ws.id,
        action: e.action,
        toStatus: e.to,
        createdAt: new Date(e.at),
      });
    for (const network of nets.filter((_, k) => k === i % 3 || random() < 0.3)) {
      const [target] = await db
        .insert(postTargets)
        .values({
          postId: post.id,
          workspaceId: ws.id,
          channelId: channelIds[network] ?? '',
          network,
          status: 'published',
          scheduledAt: day,
          publishedAt: new Date(day.getTime() + 2000),
        })
        .returning();
      if (!target || network === 'sandbox') continue;
      const figures =
        network === 'mastodon' ? ['replies', 'reposts', 'likes'] : ['replies', 'reposts', 'likes', 'quotes'];
      for (const metric of figures)
        await db.insert(targetMetrics).values({
          targetId: target.id,
          workspaceId: ws.id,
          metric: metric as 'likes',
          value: Math.floor(random() * (metric === 'likes' ? 80 : 15)),
          pulledAt: new Date(),
        });
    }
  }
  for (const network of ['mastodon', 'bluesky'] as const)
    for (let d = 70; d >= 1; d -= 7)
      await db.insert(channelFollowerCounts).values({
        channelId: channelIds[network] ?? '',
        workspaceId: ws.id,
        day: new Date(now - d * DAY).toISOString().slice(0, 10),
        followers: (network === 'mastodon' ? 800 : 300) + (70 - d) * 3,
        pulledAt: new Date(now - d * DAY),
      });
  await seedInbox(db, ws.id, channelIds, random);
}

/** Conversations over the last four weeks: some answered (with working minutes), some done, some waiting. */
async function seedInbox(
  db: Db,
  workspaceId: string,
  channelIds: Record<string, string>,
  random: () => number,
) {
  const now = Date.now();
  await db.update(workspaces).set({ firstResponseTargetMinutes: 120 });
  for (const network of ['mastodon', 'bluesky'] as const) {
    const channelId = channelIds[network] ?? '';
    await db.insert(inboxSyncStates).values({ channelId, workspaceId, nextSyncAt: new Date(now) });
    for (let i = 0; i < 40; i++) {
      const createdAt = new Date(now - (1 + Math.floor(random() * 27 * 24)) * 3_600_000);
      const fate = random();
      const minutes = 5 + Math.floor(random() * 300);
      await db.insert(inboxItems).values({
        workspaceId,
        channelId,
        network,
        externalId: `${network}-${i}`,
        kind: 'mention',
        authorHandle: `fan${i}@example.social`,
        text: 'Hello?',
        createdAt,
        threadRootExternalId: `${network}-${i}`,
        ...(fate < 0.6
          ? {
              firstResponseAt: new Date(createdAt.getTime() + minutes * 60_000),
              firstResponseWorkingMinutes: minutes,
            }
          : {}),
        ...(fate > 0.4 && fate < 0.8
          ? { status: 'done' as const, resolvedAt: new Date(createdAt.getTime() + DAY) }
          : {}),
      });
    }
  }
}

// Rows for publisher tests, written straight into the tables: a workspace, channels, and posts
// already scheduled with their targets, as the posts use cases leave them.
import { randomUUID } from 'node:crypto';
import { channels, type Db, posts, postTargets, workspaces } from '@cadence/db';
import type { Network } from '@cadence/domain/networks/schemas';
import { type KeyRing, sealedIn, sealJson } from '@cadence/domain/security/secret-box';

export const testKeyRing: KeyRing = { keys: [{ id: 'test', key: Buffer.alloc(32, 7) }] };

export async function seedWorkspace(db: Db, name = 'Acme') {
  const [ws] = await db.insert(workspaces).values({ name, timezone: 'Europe/Paris' }).returning();
  if (!ws) throw new Error('no workspace');
  return ws.id;
}

export async function seedChannel(
  db: Db,
  workspaceId: string,
  network: Network = 'sandbox',
  credentials?: unknown,
): Promise<string> {
  const id = randomUUID();
  const [row] = await db
    .insert(channels)
    .values({
      id,
      workspaceId,
      network,
      displayName: `${network} channel`,
      handle: `@${network}`,
      credentialsSealed:
        credentials === undefined
          ? null
          : sealJson(testKeyRing, credentials, sealedIn.channelCredentials(id)),
    })
    .returning({ id: channels.id });
  if (!row) throw new Error('no channel');
  return row.id;
}

/** `count` scheduled posts, each targeted at every channel given, due at `at(i)`. */
export async function seedScheduledPosts(
  db: Db,
  input: {
    workspaceId: string;
    channels: { id: string; network: Network }[];
    count: number;
    at: (i: number) => Date;
  },
): Promise<{ postIds: string[]; targetIds: string[] }> {
  const postIds: string[] = [];
  const targetIds: string[] = [];
  const chunk = 500;
  for (let start = 0; start < input.count; start += chunk) {
    const n = Math.min(chunk, input.count - start);
    const rows = await db
      .insert(posts)
      .values(
        Array.from({ length: n }, (_, k) => ({
          workspaceId: input.workspaceId,
          status: 'scheduled' as const,
          text: `Post number ${start + k}`,
          scheduledAt: input.at(start + k),
          approvedAt: new Date(),
        })),
      )
      .returning({ id: posts.id, scheduledAt: posts.scheduledAt });
    postIds.push(...rows.map((r) => r.id));
    const targets = await db
      .insert(postTargets)
      .values(
        rows.flatMap((p) =>
          input.channels.map((c) => ({
            postId: p.id,
            workspaceId: input.workspaceId,
            channelId: c.id,
            network: c.network,
            status: 'scheduled' as const,
            scheduledAt: p.scheduledAt,
          })),
        ),
      )
      .returning({ id: postTargets.id });
    targetIds.push(...targets.map((t) => t.id));
  }
  return { postIds, targetIds };
}

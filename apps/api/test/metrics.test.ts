// GET /metrics: closed without METRICS_TOKEN and to a wrong token (indistinguishable from an
// unknown route), and, when open, figures that follow the ledger and the requests served.
import { channels, jobs, posts, postTargets, targetAttempts } from '@cadence/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, setupOwner, type TestApp } from './helpers';

const TOKEN = 'metrics-token-0123456789';
let open: TestApp;
let closed: TestApp;
let workspaceId: string;

beforeAll(async () => {
  open = await createTestApp({ METRICS_TOKEN: TOKEN });
  closed = await createTestApp();
  ({ workspaceId } = await setupOwner(open));
});
afterAll(async () => {
  await open?.close();
  await closed?.close();
});

const scrape = (t: TestApp, authorization?: string) =>
  t.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });

function sample(body: string, name: string): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(name));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

async function seedTarget(status: 'scheduled' | 'published', scheduledAt: Date) {
  const db = open.ctx.database.db;
  const [post] = await db
    .insert(posts)
    .values({
      workspaceId,
      status: status === 'published' ? 'published' : 'scheduled',
      text: 'Hi',
      scheduledAt,
    })
    .returning();
  const [channel] = await db
    .insert(channels)
    .values({ workspaceId, network: 'mastodon', displayName: 'M', handle: '@m' })
    .returning();
  const [target] = await db
    .insert(postTargets)
    .values({
      postId: post?.id ?? '',
      workspaceId,
      channelId: channel?.id ?? '',
      network: 'mastodon',
      status,
      scheduledAt,
    })
    .returning();
  return target?.id ?? '';
}

describe('GET /metrics', () => {
  it('answers like an unknown route when no token is configured or the token is wrong', async () => {
    const unknown = await closed.app.inject({ method: 'GET', url: '/no-such-route' });
    for (const res of [
      await scrape(closed),
      await scrape(closed, `Bearer ${TOKEN}`),
      await scrape(open),
      await scrape(open, 'Bearer wrong-token-0123456789'),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(Object.keys(res.json())).toEqual(Object.keys(unknown.json()));
      expect(res.body).not.toContain('cadence_');
    }
  });

  it('counts requests by route template, never by raw URL', async () => {
    await open.app.inject({ method: 'GET', url: '/api/health' });
    await open.app.inject({ method: 'GET', url: `/api/v1/workspaces/${workspaceId}/posts` });
    const res = await scrape(open, `Bearer ${TOKEN}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(
      /cadence_http_request_duration_seconds_count\{[^}]*route="\/api\/health"[^}]*\} [1-9]/,
    );
    expect(res.body).toContain('route="/api/v1/workspaces/:workspaceId/posts"');
    expect(res.body).not.toContain(workspaceId);
  });

  it('reads the due backlog, the ledger and each finished send once', async () => {
    const before = await scrape(open, `Bearer ${TOKEN}`);
    const backlogBefore = sample(before.body, 'cadence_publisher_due_backlog') ?? -1;
    await seedTarget('scheduled', new Date(Date.now() - 5_000));
    await seedTarget('scheduled', new Date(Date.now() + 3_600_000)); // not due: not in the backlog
    const instant = new Date(Date.now() - 2_000);
    const published = await seedTarget('published', instant);
    await open.ctx.database.db.insert(targetAttempts).values({
      targetId: published,
      workspaceId,
      attempt: 1,
      outcome: 'published',
      actor: 'test',
      startedAt: new Date(instant.getTime() + 1_500),
      finishedAt: new Date(),
    });

    await open.ctx.database.db.insert(jobs).values({ kind: 'metrics.probe', payload: {} });
    const first = (await scrape(open, `Bearer ${TOKEN}`)).body;
    expect(sample(first, 'cadence_publisher_due_backlog')).toBe(backlogBefore + 1);
    expect(sample(first, 'cadence_publisher_sends_total{network="mastodon",outcome="published"}')).toBe(1);
    // 1.5 s late: in the 2.5 s bucket, not in the 1 s one.
    expect(sample(first, 'cadence_publisher_lag_seconds_bucket{le="1",network="mastodon"}')).toBe(0);
    expect(sample(first, 'cadence_publisher_lag_seconds_bucket{le="2.5",network="mastodon"}')).toBe(1);
    expect(first).toMatch(/cadence_post_targets\{status="scheduled"\} [2-9]/);
    expect(first).toMatch(/cadence_jobs\{kind="metrics\.probe",status="queued"\} 1/);

    const second = (await scrape(open, `Bearer ${TOKEN}`)).body;
    expect(sample(second, 'cadence_publisher_sends_total{network="mastodon",outcome="published"}')).toBe(1);
  });
});

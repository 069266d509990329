import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel, seedPost } from './calendar-fixtures';
import {
  addMember,
  type Caller,
  call,
  captureLogs,
  createTestApp,
  setupOwner,
  type TestApp,
} from './helpers';
import { createWorkspace } from './support/fixtures';

let t: TestApp;
let owner: Caller;
let editor: Caller;
let ws: string;
let channelA: string;
let channelB: string;
let campaignId: string;
let logs: ReturnType<typeof captureLogs>;

const TITLE = 'Rentrée déjà là ! Crème brûlée 🍮👨‍👩‍👧‍👦🇫🇷, naïve façade, ½ prix; "quoted", comma\\backslash';

const createFeed = (caller: Caller, payload: object) =>
  call(t, caller, { method: 'POST', url: `/api/v1/workspaces/${ws}/ics-feeds`, payload });

const fetchFeed = (path: string) => t.app.inject({ method: 'GET', url: path });

function events(body: string): VEvent[] {
  return Object.values(ical.sync.parseICS(body)).filter((c): c is VEvent => c?.type === 'VEVENT');
}

beforeAll(async () => {
  logs = captureLogs('trace');
  t = await createTestApp({ LOG_LEVEL: 'trace' }, logs.logger);
  ({ owner, workspaceId: ws } = await setupOwner(t));
  editor = await addMember(t, owner, ws, 'editor');
  channelA = await createChannel(t, owner, ws, 'Blog FR');
  channelB = await createChannel(t, owner, ws, 'Shop');
  const campaign = await call(t, owner, {
    method: 'POST',
    url: `/api/v1/workspaces/${ws}/campaigns`,
    payload: { name: 'Rentrée', startsOn: '2026-01-01', endsOn: '2027-12-31', colour: '#123456' },
  });
  campaignId = campaign.json().id;
  const soon = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000);
  soon.setUTCSeconds(0, 0);
  await seedPost(t, {
    workspaceId: ws,
    channelIds: [channelA],
    text: `${TITLE}\nbody`,
    at: soon,
    campaignId,
  });
  await seedPost(t, {
    workspaceId: ws,
    channelIds: [channelB],
    text: 'Shop only',
    at: new Date(soon.getTime() + 3_600_000),
  });
  // Two years ahead: beyond what a feed shows.
  await seedPost(t, {
    workspaceId: ws,
    channelIds: [channelB],
    text: 'Far',
    at: new Date(Date.now() + 800 * 86_400_000),
  });
});

afterAll(async () => t.close());

describe('ICS feeds', () => {
  it('creates a secret URL once, lists feeds without it, for managers only', async () => {
    expect((await createFeed(editor, { name: 'Team' })).statusCode).toBe(403);
    const res = await createFeed(owner, { name: 'Team' });
    expect(res.statusCode).toBe(201);
    const feed = res.json();
    expect(feed.token).toMatch(/^ics_[\w-]{8}_[\w-]{43}$/);
    expect(feed.url).toMatch(new RegExp(`/api/ics/${feed.token}\\.ics$`));
    expect(feed.prefix).toBe(feed.token.slice(0, 12));
    const list = await call(t, owner, { method: 'GET', url: `/api/v1/workspaces/${ws}/ics-feeds` });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(feed.token);
    expect(list.json().items[0]).toMatchObject({
      id: feed.id,
      name: 'Team',
      prefix: feed.prefix,
      revokedAt: null,
    });
    expect(
      (await call(t, editor, { method: 'GET', url: `/api/v1/workspaces/${ws}/ics-feeds` })).statusCode,
    ).toBe(403);
  });

  it('serves RFC 5545 that a real parser reads, accents and emoji intact, UTC start, stable UIDs', async () => {
    const feed = (await createFeed(owner, { name: 'Everything' })).json();
    const res = await fetchFeed(new URL(feed.url).pathname);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(res.body).toContain('X-WR-TIMEZONE:Europe/Paris');
    expect(res.body).toMatch(/DTSTART:\d{8}T\d{6}Z\r\n/);
    const parsed = events(res.body);
    expect(parsed.map((e) => e.summary).sort()).toEqual([TITLE, 'Shop only'].sort());
    const main = parsed.find((e) => e.summary === TITLE);
    expect(main?.categories).toEqual(['Rentrée']);
    expect(main?.description).toContain('Blog FR');
    const again = events((await fetchFeed(new URL(feed.url).pathname)).body);
    expect(again.map((e) => e.uid).sort()).toEqual(parsed.map((e) => e.uid).sort());
    expect(new Set(parsed.map((e) => e.uid)).size).toBe(2);
  });

  it('filters a feed by campaign or channel, refusing ids of other workspaces', async () => {
    const byCampaign = (await createFeed(owner, { name: 'Campaign', campaignId })).json();
    const byChannel = (await createFeed(owner, { name: 'Shop', channelId: channelB })).json();
    expect(events((await fetchFeed(new URL(byCampaign.url).pathname)).body).map((e) => e.summary)).toEqual([
      TITLE,
    ]);
    expect(events((await fetchFeed(new URL(byChannel.url).pathname)).body).map((e) => e.summary)).toEqual([
      'Shop only',
    ]);
    const missing = await createFeed(owner, { name: 'x', channelId: '00000000-0000-4000-8000-000000000000' });
    expect(missing.statusCode).toBe(404);
    expect((await createFeed(owner, { name: 'x', workspaceId: ws })).statusCode).toBe(400);
  });

  it('answers 404 once revoked, and for wrong or malformed tokens', async () => {
    const feed = (await createFeed(owner, { name: 'Short-lived' })).json();
    const path = new URL(feed.url).pathname;
    expect((await fetchFeed(path)).statusCode).toBe(200);
    const revoked = await call(t, owner, {
      method: 'DELETE',
      url: `/api/v1/workspaces/${ws}/ics-feeds/${feed.id}`,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const gone = await fetchFeed(path);
    expect(gone.statusCode).toBe(404);
    const forged = await fetchFeed(`/api/ics/${feed.token.slice(0, -1)}A.ics`);
    const malformed = await fetchFeed('/api/ics/nope.ics');
    expect(forged.statusCode).toBe(404);
    expect(malformed.statusCode).toBe(404);
    expect(forged.json().error.message).toBe(gone.json().error.message);
    expect(malformed.json().error.message).toBe(gone.json().error.message);
  });

  it("answers 404 for another workspace's feed, channel or campaign, as for missing ones", async () => {
    const otherWs = (await createWorkspace(t, owner, { locale: 'en' })).id;
    const feed = (await createFeed(owner, { name: 'Mine' })).json();
    const viaOther = await call(t, owner, {
      method: 'DELETE',
      url: `/api/v1/workspaces/${otherWs}/ics-feeds/${feed.id}`,
    });
    expect(viaOther.statusCode).toBe(404);
    const foreign = await call(t, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${otherWs}/ics-feeds`,
      payload: { name: 'Borrowed', channelId: channelA },
    });
    expect(foreign.statusCode).toBe(404);
    const foreignCampaign = await call(t, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${otherWs}/ics-feeds`,
      payload: { name: 'Borrowed', campaignId },
    });
    expect(foreignCampaign.statusCode).toBe(404);
    const list = await call(t, owner, { method: 'GET', url: `/api/v1/workspaces/${otherWs}/ics-feeds` });
    expect(list.json().items).toEqual([]);
    expect((await fetchFeed(new URL(feed.url).pathname)).statusCode).toBe(200);
  });

  it('never writes a feed token to the logs', async () => {
    const feed = (await createFeed(owner, { name: 'Logged?' })).json();
    await fetchFeed(new URL(feed.url).pathname);
    const secret = feed.token.slice(13);
    expect(logs.lines.length).toBeGreaterThan(0);
    expect(logs.lines.filter((l) => l.includes(secret))).toEqual([]);
  });

  it('is listed in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/ics/{file}',
        '/api/v1/workspaces/{workspaceId}/ics-feeds',
        '/api/v1/workspaces/{workspaceId}/calendar',
      ]),
    );
  });
});

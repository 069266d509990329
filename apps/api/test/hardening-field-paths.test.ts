// Issue 10, finding 17: a 400 names a nested field by its whole path from the request's root
// (body.requestedSchedule.timezone, body.targets.1.channelId), whether the schema, a refinement
// or a use case found the problem, so a client can show it next to the right input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from './helpers';
import { buildWorld, createPost, type PostsWorld, postsUrl } from './posts-fixtures';

let t: TestApp;
let w: PostsWorld;
let draftId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  draftId = (await createPost(w, w.owner)).id;
});
afterAll(() => t.close());

type Problem = { field: string; message: string };

async function fieldsOf(method: 'POST' | 'PUT' | 'PATCH', url: string, payload: unknown) {
  const res = await call(t, w.owner, { method, url, payload: payload as Record<string, unknown> });
  expect(res.statusCode, res.body).toBe(400);
  const { error } = res.json() as { error: { message: string; details: Problem[] } };
  for (const p of error.details) expect(error.message).toContain(p.field);
  return error.details.map((d) => d.field);
}

const post = (extra: Record<string, unknown>) => ({
  text: 'Hello',
  targets: [{ channelId: w.channels[0] }],
  ...extra,
});

describe('posts', () => {
  it.each([
    [
      'an unknown time zone in the requested schedule',
      () => post({ requestedSchedule: { local: '2027-07-01T09:00', timezone: 'Europe/Nowhere' } }),
      'body.requestedSchedule.timezone',
    ],
    [
      'a date that does not exist in the requested schedule',
      () => post({ requestedSchedule: { local: '2027-02-30T09:00' } }),
      'body.requestedSchedule.local',
    ],
    [
      'a bad channel id in the second target',
      () => post({ targets: [{ channelId: w.channels[0] }, { channelId: 'x' }] }),
      'body.targets.1.channelId',
    ],
    [
      'the same channel twice (the repeat is named)',
      () =>
        post({
          targets: [{ channelId: w.channels[0] }, { channelId: w.channels[1] }, { channelId: w.channels[0] }],
        }),
      'body.targets.2.channelId',
    ],
    [
      'a bad media kind inside a target',
      () =>
        post({
          targets: [
            { channelId: w.channels[0], media: [{ url: 'https://a.example/x.png', alt: '', kind: 'pdf' }] },
          ],
        }),
      'body.targets.0.media.0.kind',
    ],
    [
      'a bad media URL',
      () =>
        post({
          media: [
            { url: 'https://a.example/x.png', alt: '', kind: 'image' },
            { url: 'nope', alt: '', kind: 'image' },
          ],
        }),
      'body.media.1.url',
    ],
    [
      'an unknown field inside a target',
      () => post({ targets: [{ channelId: w.channels[0], status: 'published' }] }),
      'body.targets.0.status',
    ],
    ['a repeated label', () => post({ labels: ['a', 'b', 'a'] }), 'body.labels.2'],
  ])('create: %s', async (_what, payload, field) => {
    expect(await fieldsOf('POST', postsUrl(w.ws), payload())).toContain(field);
  });

  it('bulk create names the item and the nested field', async () => {
    const res = await call(t, w.owner, {
      method: 'POST',
      url: postsUrl(w.ws, '/bulk'),
      payload: {
        items: [post({}), post({ requestedSchedule: { local: '2027-07-01T09:00', timezone: 'Mars/Base' } })],
      },
    });
    expect(res.statusCode).toBe(200);
    const failed = res.json().results[1];
    expect(failed.status).toBe(400);
    expect(failed.error.details.map((d: Problem) => d.field)).toEqual([
      'body.items.1.requestedSchedule.timezone',
    ]);
  });

  it('update: a bad channel id in a target', async () => {
    const fields = await fieldsOf('PATCH', postsUrl(w.ws, `/${draftId}`), {
      version: 1,
      targets: [{ channelId: w.channels[0] }, { channelId: 'x' }],
    });
    expect(fields).toContain('body.targets.1.channelId');
  });

  it('schedule: an unknown time zone is body.timezone (the schedule is the body there)', async () => {
    const fields = await fieldsOf('POST', postsUrl(w.ws, `/${draftId}/schedule`), {
      local: '2027-07-01T09:00',
      timezone: 'Europe/Nowhere',
    });
    expect(fields).toEqual(['body.timezone']);
  });
});

describe('charter rules', () => {
  const url = () => `/api/v1/workspaces/${w.ws}/charter`;
  it.each([
    [
      'a posting window that ends before it starts',
      {
        postingWindows: {
          byWeekday: {
            3: [
              { start: '09:00', end: '10:00' },
              { start: '18:00', end: '08:00' },
            ],
          },
          severity: 'block',
        },
      },
      'body.rules.rules.postingWindows.byWeekday.3.1.end',
    ],
    [
      'a blackout that ends before it starts',
      { blackoutDates: { dates: [{ from: '2027-05-02', to: '2027-05-01' }], severity: 'warn' } },
      'body.rules.rules.blackoutDates.dates.0.to',
    ],
    [
      'a repeated pillar id',
      {
        pillars: [
          { id: 'news', name: 'News', colour: '#112233', targetShare: 0.2 },
          { id: 'news', name: 'Again', colour: '#112233', targetShare: 0.2 },
        ],
      },
      'body.rules.rules.pillars.1.id',
    ],
    ['a bad severity', { maxLength: { max: 100, severity: 'maybe' } }, 'body.rules.rules.maxLength.severity'],
  ])('%s', async (_what, rules, field) => {
    expect(await fieldsOf('PUT', url(), { rules: { rules }, baseVersion: 0 })).toContain(field);
  });

  it('a per-network override', async () => {
    const fields = await fieldsOf('PUT', url(), {
      rules: { overrides: { x: { maxHashtags: { max: -1, severity: 'warn' } } } },
      baseVersion: 0,
    });
    expect(fields).toContain('body.rules.overrides.x.maxHashtags.max');
  });

  it('check: the same channel twice names the repeat', async () => {
    const fields = await fieldsOf('POST', `${url()}/check`, {
      text: 'hi',
      targets: [{ channelId: w.channels[0] }, { channelId: w.channels[0] }],
    });
    expect(fields).toContain('body.targets.1.channelId');
  });
});

describe('queue slots', () => {
  it('a repeated slot names the repeat', async () => {
    const fields = await fieldsOf('PUT', `/api/v1/workspaces/${w.ws}/channels/${w.channels[0]}/queue-slots`, {
      slots: [
        { weekday: 1, localTime: '09:00' },
        { weekday: 1, localTime: '09:00' },
      ],
    });
    expect(fields).toContain('body.slots.1');
  });
});

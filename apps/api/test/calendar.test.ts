import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel, seedPost } from './calendar-fixtures';
import {
  addMember,
  type Caller,
  call,
  createTestApp,
  createToken,
  setupOwner,
  type TestApp,
} from './helpers';
import { createWorkspace } from './support/fixtures';

let t: TestApp;
let owner: Caller;
let viewer: Caller;
let ws: string;
let otherWs: string;
let linkedin: string;
let mastodon: string;
let campaignId: string;
let ids: Record<string, string>;

const calendar = (caller: Caller, query: string, workspaceId = ws) =>
  call(t, caller, { method: 'GET', url: `/api/v1/workspaces/${workspaceId}/calendar?${query}` });

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, workspaceId: ws } = await setupOwner(t));
  viewer = await addMember(t, owner, ws, 'viewer');
  linkedin = await createChannel(t, owner, ws, 'Acme LinkedIn');
  mastodon = await createChannel(t, owner, ws, 'Acme Mastodon');
  const campaign = await call(t, owner, {
    method: 'POST',
    url: `/api/v1/workspaces/${ws}/campaigns`,
    payload: { name: 'Été', startsOn: '2026-06-01', endsOn: '2026-06-30', colour: '#ff8800' },
  });
  expect(campaign.statusCode).toBe(201);
  campaignId = campaign.json().id;
  otherWs = (await createWorkspace(t, owner, { locale: 'en' })).id;
  const otherChannel = await createChannel(t, owner, otherWs, 'Other channel');

  const launch = await seedPost(t, {
    workspaceId: ws,
    channelIds: [linkedin, mastodon],
    text: 'Lancement de l’été ☀️\nSecond line is not the title',
    overrides: { [mastodon]: 'Version Mastodon 🐘\nmore' },
    at: new Date('2026-06-10T07:00:00Z'),
    campaignId,
    pillarId: 'product',
    authorUserId: owner.userId ?? null,
  });
  const draft = await seedPost(t, {
    workspaceId: ws,
    channelIds: [linkedin],
    text: 'Draft idea',
    at: new Date('2026-06-20T12:00:00Z'),
    status: 'in_review',
    targetStatus: 'pending',
  });
  // Dated work before scheduling: the time lives on the post only, its targets have none.
  const datedDraft = await seedPost(t, {
    workspaceId: ws,
    channelIds: [linkedin, mastodon],
    text: 'Vendredi 10 h, idée',
    at: new Date('2026-06-12T08:00:00Z'),
    status: 'draft',
    proposedOnly: true,
  });
  const proposedInReview = await seedPost(t, {
    workspaceId: ws,
    channelIds: [mastodon],
    text: 'En relecture',
    at: new Date('2026-06-15T08:00:00Z'),
    status: 'in_review',
    proposedOnly: true,
  });
  // Undated drafts stay in the drafts panel, and a proposed time outside the range stays out.
  await seedPost(t, { workspaceId: ws, channelIds: [linkedin], text: 'No date', at: null, status: 'draft' });
  await seedPost(t, {
    workspaceId: ws,
    channelIds: [linkedin],
    text: 'July idea',
    at: new Date('2026-07-02T08:00:00Z'),
    status: 'draft',
    proposedOnly: true,
  });
  // Just outside the range on each side, and one in the other workspace at the same time.
  await seedPost(t, {
    workspaceId: ws,
    channelIds: [linkedin],
    text: 'Before',
    at: new Date('2026-05-31T21:59:00Z'),
  });
  await seedPost(t, {
    workspaceId: ws,
    channelIds: [linkedin],
    text: 'After',
    at: new Date('2026-06-30T22:00:00Z'),
  });
  await seedPost(t, {
    workspaceId: otherWs,
    channelIds: [otherChannel],
    text: 'Secret',
    at: new Date('2026-06-10T07:00:00Z'),
  });
  ids = {
    launchLinkedin: launch.targets.find((x) => x.channelId === linkedin)?.id ?? '',
    launchMastodon: launch.targets.find((x) => x.channelId === mastodon)?.id ?? '',
    launchPost: launch.post.id,
    draft: draft.post.id,
    datedDraft: datedDraft.post.id,
    proposedInReview: proposedInReview.post.id,
  };
});

afterAll(async () => t.close());

describe('GET /calendar', () => {
  it('lists each dated post once in [from, to), its channels stacked, in time order', async () => {
    // Dates are read in the workspace zone (Europe/Paris): June is 2026-05-31T22:00Z to 2026-06-30T22:00Z.
    const res = await calendar(viewer, 'from=2026-06-01&to=2026-07-01');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.timezone).toBe('Europe/Paris');
    expect(body.from).toBe('2026-05-31T22:00:00.000Z');
    expect(body.truncated).toBe(false);
    // One item per post: the two-channel launch is one card, not two.
    expect(body.items.map((e: { id: string }) => e.id).sort()).toEqual(
      [ids.launchPost, ids.draft, ids.datedDraft, ids.proposedInReview].sort(),
    );
    const launch = body.items.find((e: { id: string }) => e.id === ids.launchPost);
    expect(launch).toEqual({
      id: ids.launchPost,
      title: 'Lancement de l’été ☀️',
      start: '2026-06-10T07:00:00.000Z',
      status: 'scheduled',
      proposed: false,
      version: 1,
      campaignId,
      campaignName: 'Été',
      campaignColour: '#ff8800',
      pillarId: 'product',
      authorUserId: owner.userId,
      authorTokenId: null,
      authorName: 'Olivia Owner',
      channels: [
        {
          targetId: ids.launchLinkedin,
          channelId: linkedin,
          channelName: 'Acme LinkedIn',
          network: 'sandbox',
          targetStatus: 'scheduled',
        },
        {
          targetId: ids.launchMastodon,
          channelId: mastodon,
          channelName: 'Acme Mastodon',
          network: 'sandbox',
          targetStatus: 'scheduled',
        },
      ],
    });
    const draftEvent = body.items.find((e: { id: string }) => e.id === ids.draft);
    expect(draftEvent).toMatchObject({ status: 'in_review', proposed: true, campaignId: null });
    const starts = body.items.map((e: { start: string }) => e.start);
    expect([...starts].sort()).toEqual(starts);
  });

  it('shows a dated draft and a post in review on their day, with the proposed time', async () => {
    const body = (await calendar(viewer, 'from=2026-06-01&to=2026-07-01')).json();
    const dated = body.items.find((e: { id: string }) => e.id === ids.datedDraft);
    expect(dated).toMatchObject({
      title: 'Vendredi 10 h, idée',
      start: '2026-06-12T08:00:00.000Z',
      status: 'draft',
      proposed: true,
    });
    expect(dated.channels.map((c: { targetStatus: string }) => c.targetStatus)).toEqual([
      'pending',
      'pending',
    ]);
    const inReview = body.items.find((e: { id: string }) => e.id === ids.proposedInReview);
    expect(inReview).toMatchObject({ status: 'in_review', start: '2026-06-15T08:00:00.000Z' });
    // The day's range alone finds it too (the week and day views ask for less than a month).
    const day = await calendar(viewer, 'from=2026-06-12&to=2026-06-13');
    expect(day.json().items.map((e: { id: string }) => e.id)).toEqual([ids.datedDraft]);
  });

  it('takes instants with an offset as FullCalendar sends them', async () => {
    const res = await calendar(
      viewer,
      `from=${encodeURIComponent('2026-06-10T09:00:00+02:00')}&to=${encodeURIComponent('2026-06-10T09:00:01+02:00')}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((e: { id: string }) => e.id)).toEqual([ids.launchPost]);
  });

  it('filters by channel, campaign, status, author and pillar', async () => {
    const ids_ = async (q: string) =>
      (await calendar(viewer, `from=2026-06-01&to=2026-07-01&${q}`))
        .json()
        .items.map((e: { id: string }) => e.id)
        .sort();
    // A post with a target on the channel shows, with all its channels.
    expect(await ids_(`channel=${mastodon}`)).toEqual(
      [ids.launchPost, ids.datedDraft, ids.proposedInReview].sort(),
    );
    expect(await ids_(`channel=${mastodon},${linkedin}`)).toHaveLength(4);
    expect(await ids_(`channel=${mastodon}&channel=${linkedin}`)).toHaveLength(4);
    expect(await ids_(`campaign=${campaignId}`)).toEqual([ids.launchPost]);
    expect(await ids_('status=in_review')).toEqual([ids.draft, ids.proposedInReview].sort());
    expect(await ids_('status=draft')).toEqual([ids.datedDraft]);
    expect(await ids_('status=scheduled,in_review')).toHaveLength(3);
    expect(await ids_(`author=${owner.userId}`)).toEqual([ids.launchPost]);
    expect(await ids_('pillar=product')).toEqual([ids.launchPost]);
    expect(await ids_('pillar=other')).toEqual([]);
  });

  it('refuses a range longer than 62 days, reversed, or unreadable, naming the field', async () => {
    const tooLong = await calendar(viewer, 'from=2026-06-01&to=2026-08-03');
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.details).toEqual([
      {
        field: 'querystring.to',
        reason: 'range_too_long',
        message: 'The field “querystring.to” makes the range longer than 62 days.',
      },
    ]);
    expect(tooLong.json().error).toMatchObject({ messageCode: 'validation.range_too_long' });
    // 62 calendar days over the fall-back change (a 25-hour day) is allowed.
    expect((await calendar(viewer, 'from=2026-10-01&to=2026-12-02')).statusCode).toBe(200);
    const reversed = await calendar(viewer, 'from=2026-06-10&to=2026-06-01');
    expect(reversed.json().error.details[0].field).toBe('querystring.to');
    const bad = await calendar(viewer, 'from=yesterday&to=2026-06-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('querystring.from');
    const impossible = await calendar(viewer, 'from=2026-02-30&to=2026-03-05');
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().error.details[0].field).toBe('querystring.from');
    const missing = await calendar(viewer, 'from=2026-06-01');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain('querystring.to');
    const badFilter = await calendar(viewer, 'from=2026-06-01&to=2026-06-10&status=lost');
    expect(badFilter.statusCode).toBe(400);
    expect(badFilter.json().error.message).toContain('querystring.status');
    const unknown = await calendar(viewer, 'from=2026-06-01&to=2026-06-10&workspace=x');
    expect(unknown.statusCode).toBe(400);
  });

  it('shows one workspace only: another workspace answers 404 and never leaks into this one', async () => {
    const res = await calendar(viewer, 'from=2026-06-01&to=2026-07-01', otherWs);
    expect(res.statusCode).toBe(404);
    const mine = await calendar(owner, 'from=2026-06-01&to=2026-07-01');
    expect(mine.json().items.map((e: { title: string }) => e.title)).not.toContain('Secret');
    expect(
      (
        await call(t, null, {
          method: 'GET',
          url: `/api/v1/workspaces/${ws}/calendar?from=2026-06-01&to=2026-06-02`,
        })
      ).statusCode,
    ).toBe(401);
  });

  it('answers API tokens of every role', async () => {
    const token = await createToken(t, owner, ws, 'viewer');
    expect((await calendar(token, 'from=2026-06-01&to=2026-07-01')).json().items).toHaveLength(4);
  });
});

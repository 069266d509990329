import { posts, postTargets } from '@cadence/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let manager: Caller;
let editor: Caller;
let viewer: Caller;
let ws: string;
let xChannel: string;
let mastodonChannel: string;

const charterUrl = () => `/api/v1/workspaces/${ws}/charter`;

async function createChannel(caller: Caller, workspaceId: string, network: string) {
  const res = await call(t, caller, {
    method: 'POST',
    url: `/api/v1/workspaces/${workspaceId}/channels`,
    payload: {
      network,
      displayName: `${network} account`,
      handle: `@acme-${network}`,
      // X is only stored with a token (it is connected through its sign-in page otherwise).
      ...(network === 'x' ? { credentials: { accessToken: 'test-token' } } : {}),
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

function save(caller: Caller, rules: object, baseVersion: number) {
  return call(t, caller, { method: 'PUT', url: charterUrl(), payload: { rules, baseVersion } });
}

function check(caller: Caller, payload: object, headers: Record<string, string> = {}) {
  return call(t, caller, { method: 'POST', url: `${charterUrl()}/check`, payload, headers });
}

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, workspaceId: ws } = await setupOwner(t));
  manager = await addMember(t, owner, ws, 'manager');
  editor = await addMember(t, owner, ws, 'editor');
  viewer = await addMember(t, owner, ws, 'viewer');
  xChannel = await createChannel(owner, ws, 'x');
  mastodonChannel = await createChannel(owner, ws, 'mastodon');
});
afterAll(() => t.close());

describe('the charter, versioned', () => {
  it('reads as version 0 with no rules before anything is saved', async () => {
    const res = await call(t, viewer, { method: 'GET', url: charterUrl() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      version: 0,
      id: null,
      rules: { rules: {}, overrides: {} },
      createdAt: null,
    });
  });

  it('lets only managers and above change it, people or tokens', async () => {
    const rules = { rules: { tone: 'Warm' } };
    expect((await save(editor, rules, 0)).statusCode).toBe(403);
    expect((await save(viewer, rules, 0)).statusCode).toBe(403);
    const editorToken = await createToken(t, owner, ws, 'editor');
    expect((await save(editorToken, rules, 0)).statusCode).toBe(403);
    expect((await call(t, viewer, { method: 'GET', url: `${charterUrl()}/versions` })).json().items).toEqual(
      [],
    );
  });

  it('accumulates versions, keeps old ones readable and says what changed', async () => {
    const v1 = await save(
      manager,
      { rules: { tone: 'Warm', bannedPhrases: { phrases: ['cafe'], severity: 'block' } } },
      0,
    );
    expect(v1.statusCode).toBe(200);
    expect(v1.json()).toMatchObject({ version: 1, changeSummary: ['rules.bannedPhrases', 'rules.tone'] });
    expect(v1.json().createdBy).toEqual({ userId: manager.userId, tokenId: null });

    const managerToken = await createToken(t, owner, ws, 'manager');
    const v2 = await save(
      managerToken,
      {
        rules: { tone: 'Warm', bannedPhrases: { phrases: ['cafe', 'cheap'], severity: 'block' } },
        overrides: { x: { maxHashtags: { max: 1, severity: 'warn' } } },
      },
      1,
    );
    expect(v2.statusCode).toBe(200);
    expect(v2.json()).toMatchObject({
      version: 2,
      changeSummary: ['overrides.x.maxHashtags', 'rules.bannedPhrases'],
    });
    expect(v2.json().createdBy).toEqual({ userId: null, tokenId: managerToken.tokenId });

    const current = (await call(t, viewer, { method: 'GET', url: charterUrl() })).json();
    expect(current.version).toBe(2);
    const old = await call(t, viewer, { method: 'GET', url: `${charterUrl()}/versions/1` });
    expect(old.statusCode).toBe(200);
    expect(old.json().rules.rules.bannedPhrases.phrases).toEqual(['cafe']);
    expect((await call(t, viewer, { method: 'GET', url: `${charterUrl()}/versions/3` })).statusCode).toBe(
      404,
    );

    const page1 = (await call(t, viewer, { method: 'GET', url: `${charterUrl()}/versions?limit=1` })).json();
    expect(page1.items.map((v: { version: number }) => v.version)).toEqual([2]);
    expect(page1.items[0]).not.toHaveProperty('rules');
    const page2 = (
      await call(t, viewer, {
        method: 'GET',
        url: `${charterUrl()}/versions?limit=1&cursor=${page1.nextCursor}`,
      })
    ).json();
    expect(page2).toMatchObject({ items: [{ version: 1 }], nextCursor: null });
  });

  it('creates no version when nothing changed', async () => {
    const current = (await call(t, viewer, { method: 'GET', url: charterUrl() })).json();
    const again = await save(manager, current.rules, current.version);
    expect(again.statusCode).toBe(200);
    expect(again.json().version).toBe(current.version);
  });

  it('refuses a save from a stale version with 409, and two racing saves get one number once', async () => {
    const current = (await call(t, viewer, { method: 'GET', url: charterUrl() })).json();
    const stale = await save(manager, { rules: { tone: 'Cold' } }, current.version - 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toEqual({ currentVersion: current.version });

    const racing = await Promise.all(
      ['Bold', 'Calm', 'Dry'].map((tone) =>
        save(manager, { ...current.rules, rules: { ...current.rules.rules, tone } }, current.version),
      ),
    );
    expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    // The losers waited for the winner and were told which version won, not hit a unique index.
    for (const lost of racing.filter((r) => r.statusCode === 409)) {
      expect(lost.json().error.details).toEqual({ currentVersion: current.version + 1 });
    }
    const after = (await call(t, viewer, { method: 'GET', url: `${charterUrl()}/versions` })).json();
    expect(after.items.map((v: { version: number }) => v.version)).toEqual([
      current.version + 1,
      current.version,
      current.version - 1,
    ]);
    // Put the rules the next tests rely on back in force.
    expect((await save(manager, current.rules, current.version + 1)).statusCode).toBe(200);
  });

  it('refuses unknown rule keys and bad values with 400 naming the field', async () => {
    const unknown = await save(manager, { rules: { toneOfVoice: 'Warm' } }, 0);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toContainEqual(
      expect.objectContaining({ field: 'body.rules.rules.toneOfVoice' }),
    );
    const badColour = await save(
      manager,
      { rules: { pillars: [{ id: 'p', name: 'Product', colour: 'red', targetShare: 0.5 }] } },
      0,
    );
    expect(badColour.statusCode).toBe(400);
    expect(badColour.json().error.details[0].field).toBe('body.rules.rules.pillars.0.colour');
    const missingBase = await call(t, manager, { method: 'PUT', url: charterUrl(), payload: { rules: {} } });
    expect(missingBase.statusCode).toBe(400);
    expect(missingBase.json().error.details[0].field).toBe('body.baseVersion');
  });

  it('records every save in the audit trail', async () => {
    const audit = (
      await call(t, owner, { method: 'GET', url: `/api/v1/workspaces/${ws}/audit-events` })
    ).json();
    const saves = audit.items.filter((e: { action: string }) => e.action === 'charter.saved');
    expect(saves.length).toBe(4);
    expect(saves[saves.length - 1].after).toEqual({
      version: 1,
      changeSummary: ['rules.bannedPhrases', 'rules.tone'],
    });
  });
});

describe('checking a draft', () => {
  it('is for editors and above', async () => {
    expect((await check(viewer, { text: 'Hi', networks: ['x'] })).statusCode).toBe(403);
    expect((await check(editor, { text: 'Hi', networks: ['x'] })).statusCode).toBe(200);
  });

  it('returns banned phrases with their range and X over-length, in English and French', async () => {
    const text = `Un café offert ! ${'a'.repeat(280)}`;
    const res = await check(editor, {
      text,
      targets: [{ channelId: xChannel }, { channelId: mastodonChannel }],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.charterVersion).toBeGreaterThanOrEqual(2);
    expect(body.blocking).toBe(true);
    const banned = body.violations.filter((v: { rule: string }) => v.rule === 'bannedPhrases');
    expect(banned).toHaveLength(2);
    expect(banned[0]).toMatchObject({ severity: 'block', field: 'text', range: { start: 3, end: 7 } });
    expect(text.slice(banned[0].range.start, banned[0].range.end)).toBe('café');
    expect(banned[0]).toMatchObject({ messageCode: 'charter.bannedPhrase', params: { phrase: 'cafe' } });
    expect(banned[0].message).toContain('“cafe” is a phrase the charter bans');
    const inFrench = await check(
      editor,
      { text, targets: [{ channelId: xChannel }, { channelId: mastodonChannel }] },
      { 'accept-language': 'fr-FR,fr;q=0.9' },
    );
    const bannedFr = inFrench.json().violations.filter((v: { rule: string }) => v.rule === 'bannedPhrases');
    expect(bannedFr[0].message).toBe(
      '«\u00a0cafe\u00a0» fait partie des expressions interdites par la charte.',
    );
    expect(
      inFrench.json().violations.find((v: { rule: string }) => v.rule === 'network.maxLength').message,
    ).toBe('Ce message fait 297 caractères sur X, au-delà de sa limite de 280.');
    const long = body.violations.filter((v: { rule: string }) => v.rule === 'network.maxLength');
    expect(long).toEqual([
      expect.objectContaining({
        network: 'x',
        channelId: xChannel,
        severity: 'block',
        range: { start: 280, end: text.length },
        messageCode: 'charter.networkLength',
        params: { network: 'x', count: text.length, max: 280 },
        message: `This post is ${text.length} characters long on X, over its limit of 280.`,
      }),
    ]);
  });

  it('applies per-network overrides and checks networks named without a channel', async () => {
    const res = await check(editor, { text: 'Hello #one #two', networks: ['x', 'mastodon'] });
    const body = res.json();
    expect(body.violations).toEqual([
      expect.objectContaining({
        rule: 'maxHashtags',
        network: 'x',
        severity: 'warn',
        range: { start: 11, end: 15 },
      }),
    ]);
    expect(body.violations[0]).not.toHaveProperty('channelId');
    expect(body.blocking).toBe(false);
  });

  it('counts committed posts on the channel for the schedule rules', async () => {
    const current = (await call(t, viewer, { method: 'GET', url: charterUrl() })).json();
    const withCap = {
      ...current.rules,
      rules: { ...current.rules.rules, maxPostsPerDay: { max: 1, severity: 'warn' } },
    };
    expect((await save(manager, withCap, current.version)).statusCode).toBe(200);
    const at = new Date('2031-05-06T08:00:00Z');
    const { db } = t.ctx.database;
    const [post] = await db
      .insert(posts)
      .values({ workspaceId: ws, status: 'scheduled', text: 'Earlier', scheduledAt: at })
      .returning();
    await db.insert(postTargets).values({
      postId: post!.id,
      workspaceId: ws,
      channelId: xChannel,
      network: 'x',
      status: 'scheduled',
      scheduledAt: at,
    });

    const sameDay = await check(editor, {
      text: 'Hi',
      targets: [{ channelId: xChannel }, { channelId: mastodonChannel }],
      scheduledAt: '2031-05-06T15:00:00Z',
    });
    expect(sameDay.json().violations).toEqual([
      expect.objectContaining({ rule: 'maxPostsPerDay', channelId: xChannel, field: 'schedule' }),
    ]);
    const nextDay = await check(editor, {
      text: 'Hi',
      targets: [{ channelId: xChannel }],
      scheduledAt: '2031-05-07T15:00:00Z',
    });
    expect(nextDay.json().violations).toEqual([]);
  });

  it('applies a campaign’s additions within its dates only', async () => {
    const created = await call(t, manager, {
      method: 'POST',
      url: `/api/v1/workspaces/${ws}/campaigns`,
      payload: {
        name: 'Launch',
        startsOn: '2031-06-01',
        endsOn: '2031-06-30',
        colour: '#ff8800',
        additions: { requiredHashtags: { allOf: ['launch'], severity: 'block' } },
      },
    });
    expect(created.statusCode).toBe(201);
    const campaignId = created.json().id;
    const during = await check(editor, {
      text: 'Hi',
      networks: ['mastodon'],
      campaignId,
      scheduledAt: '2031-06-10T10:00:00Z',
    });
    expect(during.json().violations).toEqual([
      expect.objectContaining({ rule: 'campaign.requiredHashtags', severity: 'block' }),
    ]);
    expect(during.json().violations[0].params.tags).toEqual(['launch']);
    expect(during.json().violations[0].message).toContain('#launch');
    const after = await check(editor, {
      text: 'Hi',
      networks: ['mastodon'],
      campaignId,
      scheduledAt: '2031-07-10T10:00:00Z',
    });
    expect(after.json().violations).toEqual([]);
  });

  it('answers 404 for another workspace’s channel or campaign', async () => {
    const otherWs = (await createWorkspace(t, owner)).id;
    const foreignChannel = await createChannel(owner, otherWs, 'x');
    const foreign = await check(editor, { text: 'Hi', targets: [{ channelId: foreignChannel }] });
    expect(foreign.statusCode).toBe(404);
    const missing = await check(editor, {
      text: 'Hi',
      targets: [{ channelId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(missing.statusCode).toBe(404);
    expect(foreign.json().error.message).toBe(missing.json().error.message);

    const campaign = await call(t, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${otherWs}/campaigns`,
      payload: { name: 'Theirs', startsOn: '2031-01-01', endsOn: '2031-01-02', colour: '#000000' },
    });
    const foreignCampaign = await check(editor, {
      text: 'Hi',
      networks: ['x'],
      campaignId: campaign.json().id,
    });
    expect(foreignCampaign.statusCode).toBe(404);
  });

  it('refuses a check with no target, an unknown field or a bad date with 400 naming the field', async () => {
    const none = await check(editor, { text: 'Hi' });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details[0].field).toBe('body.targets');
    const extra = await check(editor, { text: 'Hi', networks: ['x'], status: 'approved' });
    expect(extra.json().error.details[0].field).toBe('body.status');
    const badDate = await check(editor, { text: 'Hi', networks: ['x'], scheduledAt: 'tomorrow' });
    expect(badDate.json().error.details[0].field).toBe('body.scheduledAt');
  });
});

describe('the API document', () => {
  it('lists every charter and campaign route', async () => {
    const doc = (await call(t, null, { method: 'GET', url: '/api/docs/json' })).json();
    const paths = Object.keys(doc.paths);
    for (const path of [
      '/api/v1/workspaces/{workspaceId}/charter',
      '/api/v1/workspaces/{workspaceId}/charter/versions',
      '/api/v1/workspaces/{workspaceId}/charter/versions/{version}',
      '/api/v1/workspaces/{workspaceId}/charter/check',
      '/api/v1/workspaces/{workspaceId}/campaigns',
      '/api/v1/workspaces/{workspaceId}/campaigns/{campaignId}',
    ]) {
      expect(paths).toContain(path);
    }
    expect(Object.keys(doc.paths['/api/v1/workspaces/{workspaceId}/charter'])).toEqual(['get', 'put']);
  });
});

// Issue 13: an answer's words follow Accept-Language (fr, en; q-values honoured), else the
// workspace's language on a workspace route, else English; the codes, field paths and message
// codes stay the same in every language, for programs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, createTestApp, setupOwner, type TestApp } from './helpers';

let t: TestApp;
let owner: Caller;
let ws: string;
const NBSP = '\u00a0';

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, workspaceId: ws } = await setupOwner(t)); // a French workspace
});
afterAll(() => t.close());

/** The owner's session with Accept-Language set as given, or left out. */
const as = (acceptLanguage: string | null): Caller => {
  const { 'accept-language': _dropped, ...headers } = owner.headers;
  return { ...owner, headers: acceptLanguage ? { ...headers, 'accept-language': acceptLanguage } : headers };
};

describe('a bad request outside any workspace', () => {
  const login = (headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'not an address' },
      headers,
    });

  it('is answered in French for fr-FR,fr;q=0.9 and in English without Accept-Language', async () => {
    const fr = await login({ 'accept-language': 'fr-FR,fr;q=0.9' });
    const en = await login({});
    expect(fr.statusCode).toBe(400);
    expect(en.statusCode).toBe(400);
    expect(fr.json().error.message).toBe(
      `Le champ «${NBSP}body.email${NBSP}» n’est pas une adresse e-mail valide. ` +
        `Le champ «${NBSP}body.password${NBSP}» est obligatoire.`,
    );
    expect(en.json().error.message).toBe(
      'The field “body.email” is not a valid email address. The field “body.password” is required.',
    );
    // Programs read the same codes and paths in both.
    const codes = (res: typeof fr) =>
      res.json().error.details.map((d: { field: string; reason: string }) => [d.field, d.reason]);
    expect(codes(fr)).toEqual([
      ['body.email', 'invalid_email'],
      ['body.password', 'required'],
    ]);
    expect(codes(en)).toEqual(codes(fr));
    expect(fr.json().error.code).toBe('validation_failed');
  });
});

describe('a bad request on a workspace route', () => {
  const badId = (caller: Caller) =>
    call(t, caller, { method: 'GET', url: `/api/v1/workspaces/${ws}/posts/nope` });
  const frenchId = `Le champ «${NBSP}params.postId${NBSP}» n’est pas un identifiant valide (UUID).`;

  it('follows Accept-Language, q-values first', async () => {
    expect((await badId(as('fr-FR,fr;q=0.9'))).json().error.message).toBe(frenchId);
    expect((await badId(as('en-GB,en;q=0.9,fr;q=0.8'))).json().error.message).toBe(
      'The field “params.postId” is not a valid identifier (UUID).',
    );
    expect((await badId(as('en;q=0.2, fr;q=0.8'))).json().error.message).toBe(frenchId);
  });

  it("speaks the workspace's language when the client states none, or only one Cadence lacks", async () => {
    expect((await badId(as(null))).json().error.message).toBe(frenchId);
    expect((await badId(as('de-DE'))).json().error.message).toBe(frenchId);
  });

  it('words a domain error by its code, which stays in the answer', async () => {
    const missing = await call(t, as('fr'), {
      method: 'GET',
      url: `/api/v1/workspaces/${ws}/posts/00000000-0000-4000-8000-000000000000`,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({
      code: 'not_found',
      message: 'Publication introuvable',
      messageCode: 'errors.notFound.post',
    });
  });

  it('words a route the server does not have', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/nowhere',
      headers: { 'accept-language': 'fr' },
    });
    expect(res.json().error).toMatchObject({
      message: 'Aucune route GET /api/v1/nowhere',
      messageCode: 'errors.notFound.route',
    });
  });
});

describe('a charter check', () => {
  it('is answered in French, each verdict with its code and parameters', async () => {
    const saved = await call(t, owner, {
      method: 'PUT',
      url: `/api/v1/workspaces/${ws}/charter`,
      payload: {
        rules: {
          rules: { maxHashtags: { max: 1, severity: 'warn' }, link: { mode: 'required', severity: 'block' } },
        },
        baseVersion: 0,
      },
    });
    expect(saved.statusCode).toBe(200);
    const res = await call(t, as('fr-FR,fr;q=0.9'), {
      method: 'POST',
      url: `/api/v1/workspaces/${ws}/charter/check`,
      payload: { text: 'Bonjour #un #deux #trois', networks: ['bluesky'] },
    });
    expect(res.statusCode).toBe(200);
    const byRule = new Map(res.json().violations.map((v: { rule: string }) => [v.rule, v] as const));
    expect(byRule.get('maxHashtags')).toMatchObject({
      messageCode: 'charter.tooMany',
      params: { what: 'hashtags', count: 3, max: 1 },
      message: `Ce message contient 3 hashtags${NBSP}; la charte en autorise 1.`,
    });
    expect(byRule.get('link')).toMatchObject({
      messageCode: 'charter.linkRequired',
      message: `Ajoutez un lien${NBSP}: la charte l’exige.`,
    });
  });
});

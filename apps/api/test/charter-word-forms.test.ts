// Issue 12, item 9: "gratuit" was banned and "gratuitement" passed. A phrase marked "gratuit*"
// (decision 0200) now also refuses the words it starts, at the server's check, named as the phrase.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, createTestApp, setupOwner, type TestApp } from './helpers';

let t: TestApp;
let owner: Caller;
let ws: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, workspaceId: ws } = await setupOwner(t));
  const saved = await call(t, owner, {
    method: 'PUT',
    url: `/api/v1/workspaces/${ws}/charter`,
    payload: {
      rules: { rules: { bannedPhrases: { phrases: ['gratuit*', 'promo'], severity: 'block' } } },
      baseVersion: 0,
    },
  });
  expect(saved.statusCode).toBe(200);
});
afterAll(() => t.close());

const banned = async (text: string) => {
  const res = await call(t, owner, {
    method: 'POST',
    url: `/api/v1/workspaces/${ws}/charter/check`,
    payload: { text, networks: ['mastodon'] },
    headers: { 'accept-language': 'fr' },
  });
  expect(res.statusCode).toBe(200);
  return res
    .json()
    .violations.filter((v: { rule: string }) => v.rule === 'bannedPhrases')
    .map((v: { range: { start: number; end: number }; message: string }) => ({
      word: text.slice(v.range.start, v.range.end),
      fr: v.message,
    }));
};

describe('banned phrases with word forms, through the API', () => {
  it('refuses "gratuitement" and "gratuite" for "gratuit*", naming the phrase without its marker', async () => {
    const found = await banned('Livraison gratuitement, offre gratuite.');
    expect(found.map((f: { word: string }) => f.word)).toEqual(['gratuitement', 'gratuite']);
    expect(found[0].fr).toContain('gratuit\u00a0»');
    expect(found[0].fr).not.toContain('*');
  });

  it('keeps an unmarked phrase to the whole word ("promotion" passes "promo")', async () => {
    expect(await banned('Une promotion, pas une promo.')).toEqual([
      expect.objectContaining({ word: 'promo' }),
    ]);
  });

  it('still needs a word start: "ingratuit" passes', async () => {
    expect(await banned('ingratuitement')).toEqual([]);
  });
});

import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import { historyText, mergeByTime, networkReason } from './history-text';
import type { PostEvent } from './post-queries';

const t = i18n.getFixedT.bind(i18n);
beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng: 'en' });
});

const PERSON = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const entry = (over: Partial<PostEvent>): PostEvent => ({
  id: '11111111-1111-4111-8111-111111111111',
  event: 'created',
  action: 'created',
  params: {},
  details: null,
  actor: { kind: 'person', userId: PERSON, tokenId: null, name: 'Marie' },
  target: null,
  fromStatus: null,
  toStatus: 'draft',
  comment: null,
  createdAt: '2026-03-04T10:00:00.000Z',
  ...over,
});
const target = {
  id: '22222222-2222-4222-8222-222222222222',
  channelId: '33333333-3333-4333-8333-333333333333',
  channelName: 'Acme on Mastodon',
  network: 'mastodon' as const,
};
const say = (e: PostEvent, lang: 'en' | 'fr') => historyText(e, t(lang), lang, 'Europe/Paris');

describe('history in words', () => {
  it('an edit names the fields, not a status going nowhere', () => {
    const edit = entry({
      event: 'edited',
      params: { fields: ['text', 'media'] },
      fromStatus: 'changes_requested',
      toStatus: 'changes_requested',
    });
    expect(say(edit, 'en')).toBe('Marie edited the text and the media');
    expect(say(edit, 'fr')).toBe('Marie a modifié le texte et les médias');
    const back = { ...edit, fromStatus: 'approved' as const, toStatus: 'in_review' as const };
    expect(say(back, 'fr')).toBe(
      'Marie a modifié le texte et les médias\u00a0: la publication repart en relecture',
    );
  });

  it('names a token and the publisher', () => {
    const byToken = entry({ actor: { kind: 'token', userId: PERSON, tokenId: PERSON, name: 'CI' } });
    expect(say(byToken, 'en')).toBe('API token “CI” wrote the post');
    expect(say(byToken, 'fr')).toBe('Le jeton d’API «\u00a0CI\u00a0» a écrit la publication');
    const publisher = { kind: 'publisher' as const, userId: null, tokenId: null, name: null };
    const done = entry({
      event: 'publishing.status_changed',
      actor: publisher,
      toStatus: 'partially_published',
    });
    expect(say(done, 'en')).toMatch(/^The publisher: the post is now /);
    expect(say(done, 'fr')).toMatch(/^Le robot de publication\u00a0: la publication est maintenant «\u00a0/);
  });

  it('says each step of a target, with the network’s reason', () => {
    const publisher = { kind: 'publisher' as const, userId: null, tokenId: null, name: null };
    const sending = entry({ event: 'target.sending', actor: publisher, target, params: { attempt: 1 } });
    expect(say(sending, 'en')).toBe('The publisher started sending it to Acme on Mastodon (attempt 1)');
    const failed = entry({
      event: 'target.failed',
      actor: publisher,
      target,
      params: { attempt: 1, kind: 'permanent', reason: 'HTTP 403: account suspended' },
    });
    expect(say(failed, 'fr')).toBe(
      'Le robot de publication\u00a0: l’envoi vers Acme on Mastodon a échoué, le réseau l’a refusée',
    );
    expect(say(failed, 'en')).toBe(
      'The publisher: sending to Acme on Mastodon failed, the network refused it',
    );
    // The network's own words stay available, as text beside the sentence.
    expect(networkReason(failed, t('fr'))).toBe('Réponse du réseau\u00a0: HTTP 403: account suspended');
    expect(networkReason(sending, t('en'))).toBeNull();
    const published = entry({ event: 'target.published', actor: publisher, target, params: { attempt: 1 } });
    expect(say(published, 'en')).toBe('The publisher: published on Acme on Mastodon');
  });

  it('never shows a raw event code', () => {
    for (const lang of ['en', 'fr'] as const) {
      const text = say(entry({ event: 'something.new' }), lang);
      expect(text).not.toContain('something');
      expect(text).toContain('Marie');
    }
  });
});

describe('the timeline', () => {
  it('keeps the history in the server’s order and slots comments in by time', () => {
    const at = (time: string, id: string) => ({ at: `2026-03-04T${time}Z`, id });
    const server = [
      at('10:00:00.000', 'created'),
      at('10:05:00.000', 'sending'),
      at('10:05:01.004', 'failed'),
      // Stamped earlier than the outcome it follows (same transaction): the order is kept.
      at('10:05:01.000', 'now partly published'),
    ];
    const comments = [{ at: '2026-03-04T10:01:00.000Z', id: 'comment' }];
    expect(mergeByTime(comments, server).map((e) => e.id)).toEqual([
      'created',
      'comment',
      'sending',
      'failed',
      'now partly published',
    ]);
  });
});

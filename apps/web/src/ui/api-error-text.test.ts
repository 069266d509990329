import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import i18n from '../i18n/index';
import { localizedError } from './api-error-text';

// The app's own i18next set-up: its catalogues and the shared message catalogue with its formatters.
const t = i18n.getFixedT.bind(i18n);
beforeAll(async () => {
  await i18n.changeLanguage('fr');
});

describe('localizedError', () => {
  it('says "a comment is required" for a refused request-changes, never "check your connection"', () => {
    const e = new ApiError(400, 'validation_failed', 'body.comment: Too small', [
      { field: 'body.comment', message: 'Too small: expected string to have >=1 characters' },
    ]);
    expect(localizedError(e, t('fr'), 'fr')).toBe('Un commentaire est requis.');
    expect(localizedError(e, t('en'), 'en')).toBe('A comment is required.');
  });

  it('turns the server’s reasons into the reader’s language', () => {
    const needs = new ApiError(409, 'conflict', 'This post needs 1 approval before it can be scheduled', {
      status: 'draft',
      approvalsRequired: 1,
    });
    expect(localizedError(needs, t('fr'), 'fr')).toBe(
      'Cette publication doit recevoir 1 validation avant d’être programmée.',
    );
    const past = new ApiError(422, 'unprocessable', 'in the past', { reason: 'in_the_past' });
    expect(localizedError(past, t('en'), 'en')).toBe('This time is in the past: pick a later one.');
    const charter = new ApiError(422, 'unprocessable', 'The charter blocks this time', {
      violations: [
        {
          rule: 'blackoutDates',
          severity: 'block',
          field: 'schedule',
          messageCode: 'charter.blackoutWithReason',
          params: { day: '2025-12-25', reason: 'Noël' },
          message: 'Christmas Day 2025 falls in a blackout period (Noël).',
        },
      ],
    });
    expect(localizedError(charter, t('fr'), 'fr')).toBe(
      'La charte refuse ceci\u00a0: Le 25 décembre 2025 tombe pendant une période sans publication (Noël).',
    );
  });

  it('keeps English messages for English readers and a French sentence for French ones', () => {
    const forbidden = new ApiError(403, 'forbidden', 'The author of a post cannot approve it', undefined);
    expect(localizedError(forbidden, t('en'), 'en')).toBe('The author of a post cannot approve it');
    expect(localizedError(forbidden, t('fr'), 'fr')).toBe('Votre rôle ne permet pas cette action.');
    expect(localizedError(new ApiError(500, 'internal', 'boom', undefined), t('fr'), 'fr')).toBe(
      'Le serveur a rencontré un problème. Réessayez dans un instant.',
    );
  });

  it('words an error the API gave a catalogue code from the shared catalogue, whatever its text', () => {
    const said = { messageCode: 'errors.notFound.post', params: {} };
    const missing = new ApiError(404, 'not_found', 'Post not found', undefined, said);
    expect(localizedError(missing, t('fr'), 'fr')).toBe('Publication introuvable');
    const role = {
      messageCode: 'errors.auth.roleTooLow',
      params: { requiredRole: 'manager', role: 'editor' },
    };
    const low = new ApiError(
      403,
      'forbidden',
      'This needs the manager role or higher; you are editor',
      undefined,
      role,
    );
    expect(localizedError(low, t('fr'), 'fr')).toBe(
      'Il faut le rôle responsable ou plus\u00a0; vous êtes rédacteur',
    );
  });

  it('blames the connection only when the server was not reached', () => {
    expect(localizedError(new TypeError('Failed to fetch'), t('en'), 'en')).toMatch(/connection/);
    expect(localizedError(new Error('Say what to change first.'), t('en'), 'en')).toBe(
      'Say what to change first.',
    );
  });
});

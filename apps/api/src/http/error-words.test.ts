import { conflict, invalidField } from '@cadence/domain/errors';
import { describe, expect, it } from 'vitest';
import { appErrorWords } from './error-words';

describe('a domain error in the reader’s language', () => {
  it('words a refusal by its code, enum values as words', () => {
    const err = conflict('errors.posts.wrongStatus', { status: 'in_review', action: 'edit' });
    expect(err.message).toBe('A post that is in review cannot be edited');
    expect(appErrorWords('fr', err).message).toBe('Impossible de modifier une publication en relecture');
  });

  it('words each field problem from its reason, keeping the path and the reason code', () => {
    const err = invalidField('querystring.to', 'range_too_long', { max: 62 });
    const fr = appErrorWords('fr', err);
    expect(fr.say).toEqual({
      messageCode: 'validation.range_too_long',
      params: { max: 62, field: 'querystring.to' },
    });
    expect(fr.details).toEqual([
      {
        field: 'querystring.to',
        reason: 'range_too_long',
        message: 'Le champ «\u00a0querystring.to\u00a0» rend la période plus longue que 62 jours.',
      },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import i18n from '../i18n/index';
import { refusalText } from './refusal-text';

describe('refusalText', () => {
  it('says an access-control refusal in the reader’s language, never the English message', async () => {
    await i18n.changeLanguage('fr');
    const t = i18n.getFixedT('fr');
    const own = new ApiError(403, 'forbidden', 'You wrote part of this content', { reason: 'own_content' });
    expect(refusalText(own, t)).toBe(t('refusals.own_content'));
    expect(refusalText(own, t)).not.toContain('You wrote');
    const cap = new ApiError(422, 'limit_reached', 'You can have at most 25', {
      limit: 'api_tokens',
      max: 25,
    });
    expect(refusalText(cap, t)).toContain('25');
    expect(refusalText(cap, t)).toContain('jetons');
    await i18n.changeLanguage('en');
  });
});

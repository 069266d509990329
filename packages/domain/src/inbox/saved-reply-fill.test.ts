import { describe, expect, it } from 'vitest';
import { fillSavedReply } from './saved-reply-fill';

describe('fillSavedReply', () => {
  it('puts the display name for {author} and the @handle for {handle}, every time they appear', () => {
    expect(
      fillSavedReply('Thanks {author}! {handle}, and again {author}.', {
        handle: 'fan@x.social',
        name: 'Ana',
      }),
    ).toBe('Thanks Ana! @fan@x.social, and again Ana.');
  });

  it('falls back to the handle when the author has no name, and never doubles the @', () => {
    expect(fillSavedReply('Hi {author}', { handle: '@fan.bsky.social', name: '  ' })).toBe(
      'Hi @fan.bsky.social',
    );
    expect(fillSavedReply('Hi {handle}', { handle: '@fan', name: null })).toBe('Hi @fan');
  });

  it('leaves unknown variables and replacement patterns as written', () => {
    expect(fillSavedReply('{Author} {name} {author}', { handle: 'h', name: '$& $1' })).toBe(
      '{Author} {name} $& $1',
    );
  });
});

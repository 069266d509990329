import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { messages } from './messages';

const at = DateTime.fromISO('2025-01-15T08:30:00', { zone: 'Europe/Paris' });
const all = [
  messages.networkLength('x', 3000, 280),
  messages.networkBytes('bluesky', 3100, 3000),
  messages.mediaRequired('instagram'),
  messages.mediaCount('x', 5, 4),
  messages.mediaKind('instagram', 'gif'),
  messages.videoAlone('x'),
  messages.networkCount('threads', 'links', 6, 5),
  messages.bannedPhrase('charter', 'pas cher'),
  messages.missingHashtags('campaign', ['soldes', '#hiver']),
  messages.missingOneOfHashtags('charter', ['a', 'b']),
  messages.forbiddenHashtag('nsfw'),
  messages.tooMany('emoji', 5, 3),
  messages.charterLength('linkedin', 1300, 1200),
  messages.linkRequired('campaign'),
  messages.linkForbidden('charter'),
  messages.linkDomain('charter', 'evil.example', ['example.com']),
  messages.linkUtm('charter', ['utm_source', 'utm_campaign']),
  messages.outsideWindows(at, [{ start: '09:00', end: '18:00' }]),
  messages.outsideWindows(at, []),
  messages.blackout(at, 'Noël'),
  messages.perDay(at, 4, 3),
  messages.perWeek(at, 11, 10),
  messages.spacing(20, 60),
  messages.invalidDate(),
  messages.invalidTimezone('Mars/Olympus'),
];

describe('messages', () => {
  it('follow French typography: a no-break space before : ; ? ! and inside guillemets', () => {
    for (const { fr } of all) {
      expect(fr).not.toMatch(/ [:;?!»]/);
      expect(fr).not.toMatch(/« /);
      expect(fr).not.toMatch(/[^\u00A0\u202F][;?!»]/);
      expect(fr).not.toMatch(/"/);
    }
  });

  it('read naturally in both languages', () => {
    expect(messages.missingHashtags('campaign', ['soldes', '#hiver'])).toEqual({
      en: 'Add the hashtags the campaign requires: #soldes and #hiver.',
      fr: 'Ajoutez les hashtags qu’exige la campagne\u00A0: #soldes et #hiver.',
    });
    expect(messages.bannedPhrase('charter', 'pas cher').fr).toBe(
      '«\u00A0pas cher\u00A0» fait partie des expressions interdites par la charte.',
    );
    expect(messages.outsideWindows(at, [{ start: '09:00', end: '18:00' }]).en).toBe(
      'Scheduled for Wednesday at 08:30, outside the posting windows (09:00–18:00).',
    );
    expect(messages.networkLength('x', 3000, 280).fr).toBe(
      'Ce message fait 3\u202F000 caractères sur X, au-delà de sa limite de 280.',
    );
  });
});

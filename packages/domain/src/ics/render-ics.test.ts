import { POST_STATUSES } from '@cadence/names';
import { describe, expect, it } from 'vitest';
import type { CalendarEvent } from '../calendar/schemas';
import { renderIcs } from './render-ics';

const event = (status: CalendarEvent['status']): CalendarEvent =>
  ({
    id: '8c0d6a52-1f4e-4d7e-9a59-3b1c8b0e2f10',
    postId: '1c0d6a52-1f4e-4d7e-9a59-3b1c8b0e2f10',
    start: '2026-12-01T09:30:00.000Z',
    title: 'Soldes d’hiver',
    status,
    network: 'sandbox',
    channelName: 'Boutique',
    campaignName: 'Noël',
    authorName: 'Ada',
  }) as CalendarEvent;

// ical-generator escapes and folds lines: unfold before reading.
const unfolded = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('the calendar feed’s descriptions', () => {
  it('speak French in a French workspace, with no raw status code', () => {
    const ics = unfolded(
      renderIcs({
        name: 'Acme',
        timezone: 'Europe/Paris',
        locale: 'fr',
        events: [event('partially_published')],
        now: new Date('2026-11-26T00:00:00Z'),
      }),
    );
    expect(ics).toContain('Statut\u202f: Publiée en partie');
    expect(ics).toContain('Boutique (Bac à sable)');
    expect(ics).toContain('Campagne\u202f: Noël');
    expect(ics).not.toContain('partially_published');
    expect(ics).not.toContain('Status:');
  });

  it('words every status in both languages', () => {
    for (const locale of ['en', 'fr'] as const) {
      const ics = unfolded(
        renderIcs({
          name: 'Acme',
          timezone: 'Europe/Paris',
          locale,
          events: POST_STATUSES.map(event),
          now: new Date('2026-11-26T00:00:00Z'),
        }),
      );
      for (const status of POST_STATUSES.filter((s) => s.includes('_'))) expect(ics).not.toContain(status);
      expect(ics).not.toContain('undefined');
    }
  });
});

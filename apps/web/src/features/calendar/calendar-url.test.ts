import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCalendarParams } from './calendar-url';

const phoneWide = (matches: boolean) =>
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: matches && query === '(max-width: 720px)',
    addEventListener: () => {},
    removeEventListener: () => {},
  }));

describe('the calendar view without one in the URL', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is the list on a phone', () => {
    phoneWide(true);
    expect(parseCalendarParams(new URLSearchParams(), 'Europe/Paris').view).toBe('list');
  });

  it('is the month on a wider screen', () => {
    phoneWide(false);
    expect(parseCalendarParams(new URLSearchParams(), 'Europe/Paris').view).toBe('month');
  });

  it('is whatever the URL says when it says one', () => {
    phoneWide(true);
    expect(parseCalendarParams(new URLSearchParams('view=week'), 'Europe/Paris').view).toBe('week');
  });
});

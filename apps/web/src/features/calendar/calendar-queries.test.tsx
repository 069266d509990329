import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test/render';
import { type CalendarItem, calendarEntriesQuery } from './calendar-queries';

afterEach(() => {
  vi.unstubAllGlobals();
});

const workspaceId = '22222222-2222-4222-8222-222222222222';
const channelId = '55555555-5555-4555-8555-555555555555';
const item: CalendarItem = {
  id: '44444444-4444-4444-8444-444444444444',
  title: 'Launch day',
  start: '2026-03-04T13:30:00.000Z',
  status: 'scheduled',
  proposed: false,
  version: 3,
  channels: [
    {
      targetId: '33333333-3333-4333-8333-333333333333',
      channelId,
      channelName: 'Acme on Mastodon',
      network: 'mastodon',
      targetStatus: 'scheduled',
    },
  ],
  campaignId: null,
  campaignName: null,
  campaignColour: null,
  pillarId: null,
  authorUserId: null,
  authorTokenId: null,
  authorName: null,
};

describe('calendarEntriesQuery', () => {
  it('asks the API for the visible range and turns each post into one calendar event', async () => {
    const fetchMock = vi.fn(async (_req: Request) =>
      jsonResponse(200, { timezone: 'Europe/Paris', from: 'x', to: 'y', truncated: false, items: [item] }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const range = { from: '2026-02-28T23:00:00.000Z', to: '2026-04-11T22:00:00.000Z' };

    const result = await new QueryClient().fetchQuery(calendarEntriesQuery(workspaceId, range));

    const url = new URL(fetchMock.mock.calls[0]?.[0].url ?? '');
    expect(url.pathname).toBe(`/api/v1/workspaces/${workspaceId}/calendar`);
    expect(url.searchParams.get('from')).toBe(range.from);
    expect(url.searchParams.get('to')).toBe(range.to);
    expect(url.searchParams.has('channel')).toBe(false);
    expect(result).toEqual({
      truncated: false,
      entries: [
        { id: item.id, title: 'Launch day', start: item.start, startEditable: true, extendedProps: item },
      ],
    });
  });

  it('sends the filters as repeated parameters and keeps published posts in place', async () => {
    const published = {
      ...item,
      status: 'published' as const,
      channels: item.channels.map((c) => ({ ...c, targetStatus: 'published' as const })),
    };
    const fetchMock = vi.fn(async (_req: Request) =>
      jsonResponse(200, {
        timezone: 'Europe/Paris',
        from: 'x',
        to: 'y',
        truncated: false,
        items: [published],
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const channels = [channelId, '66666666-6666-4666-8666-666666666666'];
    const result = await new QueryClient().fetchQuery(
      calendarEntriesQuery(workspaceId, { from: 'a', to: 'b' }, { channel: channels, status: ['published'] }),
    );
    const url = new URL(fetchMock.mock.calls[0]?.[0].url ?? '');
    expect(url.searchParams.getAll('channel')).toEqual(channels);
    expect(url.searchParams.getAll('status')).toEqual(['published']);
    expect(result.entries[0]?.startEditable).toBe(false);
  });

  it('fails with the API error so the page can offer Retry', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(400, { error: { code: 'validation_failed', message: 'range too long' } }),
      ),
    );
    await expect(
      new QueryClient({ defaultOptions: { queries: { retry: false } } }).fetchQuery(
        calendarEntriesQuery(workspaceId, { from: 'a', to: 'b' }),
      ),
    ).rejects.toMatchObject({ status: 400, code: 'validation_failed', message: 'range too long' });
  });

  it('lets a proposed time move, and not a post whose channel is being sent', async () => {
    const proposed = { ...item, status: 'draft' as const, proposed: true };
    const sending = {
      ...item,
      id: '77777777-7777-4777-8777-777777777777',
      channels: item.channels.map((c) => ({ ...c, targetStatus: 'sending' as const })),
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(200, {
          timezone: 'UTC',
          from: 'x',
          to: 'y',
          truncated: false,
          items: [proposed, sending],
        }),
      ),
    );
    const result = await new QueryClient().fetchQuery(
      calendarEntriesQuery(workspaceId, { from: 'c', to: 'd' }),
    );
    expect(result.entries.map((e) => e.startEditable)).toEqual([true, false]);
  });
});

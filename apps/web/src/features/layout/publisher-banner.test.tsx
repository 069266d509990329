import { screen, waitFor } from '@testing-library/react';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/index';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { type PublisherStatus, PublisherBanner } from './publisher-banner';

afterEach(() => {
  vi.unstubAllGlobals();
});

function answer(status: PublisherStatus) {
  const fetchMock = vi.fn(async (_req: Request) => jsonResponse(200, status));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

// 14:32 today in Paris, whatever the day the test runs.
const todayAt1432 = DateTime.now().setZone('Europe/Paris').set({ hour: 14, minute: 32 }).toUTC().toISO()!;

describe('PublisherBanner', () => {
  it('says since when the publisher has been silent, in the workspace zone, as a status message', async () => {
    const fetchMock = answer({
      state: 'stalled',
      since: todayAt1432,
      lastBeatAt: todayAt1432,
      workers: 0,
      message: 'Publisher stalled',
    });
    renderWithProviders(<PublisherBanner timeZone="Europe/Paris" />);

    const region = screen.getByRole('status');
    await waitFor(() =>
      expect(region.textContent).toContain(
        'Publishing is paused: the publisher has not checked in since 14:32.',
      ),
    );
    expect(new URL(fetchMock.mock.calls[0]?.[0].url ?? '').pathname).toBe('/api/v1/publisher/status');
  });

  it('says it in French too', async () => {
    await i18n.changeLanguage('fr');
    answer({ state: 'stopped', since: todayAt1432, lastBeatAt: todayAt1432, workers: 0, message: '' });
    renderWithProviders(<PublisherBanner timeZone="Europe/Paris" />);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain(
        'La publication est en pause\u00a0: le service de publication s’est arrêté à 14:32.',
      ),
    );
  });

  it('warns when no publisher has ever run', async () => {
    answer({ state: 'never_started', since: null, lastBeatAt: null, workers: 0, message: '' });
    renderWithProviders(<PublisherBanner timeZone="Europe/Paris" />);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain('no publisher has started yet'),
    );
  });

  it('shows nothing while the publisher is running', async () => {
    const fetchMock = answer({
      state: 'running',
      since: todayAt1432,
      lastBeatAt: new Date().toISOString(),
      workers: 1,
      message: '1 publisher running',
    });
    renderWithProviders(<PublisherBanner timeZone="Europe/Paris" />);
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    // Give the answer time to render: the region must stay empty.
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('asks again every 30 seconds and shows the banner once the publisher stalls', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const running: PublisherStatus = {
        state: 'running',
        since: todayAt1432,
        lastBeatAt: todayAt1432,
        workers: 1,
        message: '',
      };
      const fetchMock = vi
        .fn(async (_req: Request) => jsonResponse(200, running))
        .mockImplementationOnce(async () => jsonResponse(200, running))
        .mockImplementation(async () => jsonResponse(200, { ...running, state: 'stalled', workers: 0 }));
      vi.stubGlobal('fetch', fetchMock);
      renderWithProviders(<PublisherBanner timeZone="Europe/Paris" />);
      await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
      expect(screen.getByRole('status').textContent).toBe('');

      await vi.advanceTimersByTimeAsync(30_000);

      await waitFor(() => expect(screen.getByRole('status').textContent).toContain('since 14:32'));
      expect(fetchMock).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

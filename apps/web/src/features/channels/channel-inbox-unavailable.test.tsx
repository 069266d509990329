// Decision 0299: an X channel whose app has no paid API plan says why its inbox stays empty, in
// the reader's language from the server's code (never X's English), and says nothing otherwise.
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/index';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { ChannelInboxUnavailable } from './channel-inbox-unavailable';

const WS = '22222222-2222-4222-8222-222222222222';
const CHANNEL = '33333333-3333-4333-8333-333333333333';

function serve(unavailable: string | null) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) =>
      new URL(req.url).pathname === `/api/v1/workspaces/${WS}/inbox/channels/${CHANNEL}`
        ? jsonResponse(200, { channelId: CHANNEL, items: 0, unavailable })
        : jsonResponse(404, {}),
    ),
  );
}
afterEach(() => vi.unstubAllGlobals());

describe('ChannelInboxUnavailable', () => {
  it.each(['en', 'fr'])('says the paid X plan is needed, in the reader’s language (%s)', async (lang) => {
    await i18n.changeLanguage(lang);
    serve('x_paid_tier');
    renderWithProviders(<ChannelInboxUnavailable workspaceId={WS} channelId={CHANNEL} />);
    const notice = await screen.findByTestId('channel-inbox-unavailable');
    expect(notice.textContent).toBe(i18n.t('channels.inboxUnavailable.x_paid_tier'));
    expect(notice.textContent).toContain('Basic');
    expect(notice.textContent).not.toContain('x_paid_tier');
  });

  it('says nothing when the inbox can be read', async () => {
    serve(null);
    const { container } = renderWithProviders(
      <ChannelInboxUnavailable workspaceId={WS} channelId={CHANNEL} />,
    );
    await waitFor(() => expect(vi.mocked(fetch)).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 50));
    expect(container.textContent).toBe('');
  });
});

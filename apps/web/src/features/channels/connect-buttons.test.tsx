// Issue 12, item 4: one Connect button per network, each doing what that network needs, and the
// server's refusals worded from the catalogue (never raw credential name/value rows).
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/index';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { ConnectButtons, ReconnectButton } from './connect-buttons';

const WS = '22222222-2222-4222-8222-222222222222';
const CHANNEL = {
  id: '33333333-3333-4333-8333-333333333333',
  network: 'linkedin',
  displayName: 'Acme',
  handle: 'acme',
  status: 'needs_reconnect',
  statusReason: null,
  hasCredentials: true,
  sendLimit: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
} as const;

interface Seen {
  method: string;
  path: string;
  body: Record<string, unknown> | null;
}

/** A fetch stand-in: answers by path, records what the page sent. */
function serve(answer: (seen: Seen) => Response) {
  const seen: Seen[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const text = req.method === 'GET' ? '' : await req.text();
      const s = { method: req.method, path: new URL(req.url).pathname, body: text ? JSON.parse(text) : null };
      seen.push(s);
      if (s.method === 'GET' && s.path.endsWith('/channels')) return jsonResponse(200, { items: [] });
      return answer(s);
    }),
  );
  return seen;
}
const sent = (seen: Seen[]) => seen.filter((s) => s.method === 'POST');
const button = (network: string) =>
  screen.getByRole('button', {
    name: i18n.t('channels.connectWith', { network: i18n.t(`networks.${network}`) }),
  });

afterEach(() => vi.unstubAllGlobals());

describe('ConnectButtons', () => {
  it.each(['en', 'fr'])('offers one Connect button per network and no credential rows (%s)', async (lang) => {
    await i18n.changeLanguage(lang);
    serve(() => jsonResponse(500, {}));
    renderWithProviders(<ConnectButtons workspaceId={WS} />);
    for (const n of [
      'mastodon',
      'bluesky',
      'linkedin',
      'x',
      'facebook',
      'instagram',
      'threads',
      'webhook',
      'sandbox',
    ])
      expect(button(n)).toBeTruthy();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByPlaceholderText('accessToken')).toBeNull();
  });

  it('sends LinkedIn to its sign-in page through the OAuth flow', async () => {
    await i18n.changeLanguage('en');
    const seen = serve(() =>
      jsonResponse(201, {
        authorizationUrl: 'https://linkedin.example/auth?x=1',
        expiresAt: '2030-01-01T00:00:00Z',
      }),
    );
    const go = vi.fn();
    renderWithProviders(<ConnectButtons workspaceId={WS} go={go} />);
    await userEvent.setup().click(button('linkedin'));
    await waitFor(() => expect(go).toHaveBeenCalledWith('https://linkedin.example/auth?x=1'));
    expect(sent(seen)).toEqual([
      { method: 'POST', path: `/api/v1/workspaces/${WS}/connect/oauth`, body: { network: 'linkedin' } },
    ]);
  });

  it('asks Mastodon’s instance before starting the flow', async () => {
    await i18n.changeLanguage('en');
    const seen = serve(() =>
      jsonResponse(201, {
        authorizationUrl: 'https://mastodon.example/oauth',
        expiresAt: '2030-01-01T00:00:00Z',
      }),
    );
    const go = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<ConnectButtons workspaceId={WS} go={go} />);
    await user.click(button('mastodon'));
    expect(sent(seen)).toEqual([]);
    await user.type(screen.getByLabelText(i18n.t('channels.mastodonInstance')), 'mastodon.example');
    await user.click(
      screen.getByRole('button', { name: i18n.t('channels.continueTo', { network: 'Mastodon' }) }),
    );
    await waitFor(() => expect(go).toHaveBeenCalledWith('https://mastodon.example/oauth'));
    expect(sent(seen)[0]?.body).toEqual({ network: 'mastodon', instanceUrl: 'mastodon.example' });
  });

  it.each(['en', 'fr'])('says in words that Bluesky refused the app password (%s)', async (lang) => {
    await i18n.changeLanguage(lang);
    const seen = serve(() =>
      jsonResponse(422, {
        error: {
          code: 'unprocessable',
          message: "Bluesky refused this channel's login: Invalid identifier or password",
          details: { networkFailure: 'auth_revoked', reason: 'invalid_credentials' },
        },
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<ConnectButtons workspaceId={WS} />);
    await user.click(button('bluesky'));
    await user.type(screen.getByLabelText(i18n.t('channels.blueskyHandle')), 'ada.bsky.social');
    await user.type(screen.getByLabelText(i18n.t('channels.blueskyAppPassword')), 'wrong');
    await user.click(screen.getByRole('button', { name: i18n.t('channels.connectSubmit') }));
    const expected = i18n.t('channels.refusal.invalid_credentials').replace(/\s+/g, ' ');
    await waitFor(() => expect(screen.getByRole('alert').textContent?.replace(/\s+/g, ' ')).toBe(expected));
    expect(sent(seen)[0]).toMatchObject({
      path: `/api/v1/workspaces/${WS}/connect/bluesky`,
      body: { identifier: 'ada.bsky.social', appPassword: 'wrong' },
    });
  });

  it('adds a webhook by URL alone and shows the generated secret once, to copy', async () => {
    await i18n.changeLanguage('en');
    const seen = serve(() =>
      jsonResponse(201, {
        ...CHANNEL,
        network: 'webhook',
        status: 'connected',
        webhookSecret: 'generated-secret-abc',
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<ConnectButtons workspaceId={WS} />);
    await user.click(button('webhook'));
    await user.type(screen.getByLabelText(i18n.t('channels.webhookUrl')), 'https://hooks.example.org/in');
    await user.click(screen.getByRole('button', { name: i18n.t('channels.connectSubmit') }));
    await screen.findByText('generated-secret-abc');
    expect(screen.getByRole('button', { name: i18n.t('channels.copy') })).toBeTruthy();
    expect(sent(seen)[0]?.body).toEqual({
      network: 'webhook',
      displayName: 'hooks.example.org',
      handle: 'hooks.example.org',
      credentials: { url: 'https://hooks.example.org/in' },
    });
  });

  it('connects a sandbox at once, numbered', async () => {
    await i18n.changeLanguage('en');
    const seen = serve(() => jsonResponse(201, { ...CHANNEL, network: 'sandbox', status: 'connected' }));
    renderWithProviders(<ConnectButtons workspaceId={WS} />);
    await userEvent.setup().click(button('sandbox'));
    await screen.findByText(i18n.t('channels.connected'));
    expect(sent(seen)[0]?.body).toEqual({
      network: 'sandbox',
      displayName: 'Sandbox 1',
      handle: '@sandbox-1',
    });
  });
});

describe('ReconnectButton', () => {
  it('starts the OAuth flow again for the same channel', async () => {
    await i18n.changeLanguage('en');
    const seen = serve(() =>
      jsonResponse(201, {
        authorizationUrl: 'https://linkedin.example/again',
        expiresAt: '2030-01-01T00:00:00Z',
      }),
    );
    const go = vi.fn();
    renderWithProviders(<ReconnectButton workspaceId={WS} channel={CHANNEL} go={go} />);
    await userEvent.setup().click(screen.getByRole('button', { name: i18n.t('channels.reconnect') }));
    await waitFor(() => expect(go).toHaveBeenCalledWith('https://linkedin.example/again'));
    expect(sent(seen)[0]?.body).toEqual({ network: 'linkedin', channelId: CHANNEL.id });
  });
});

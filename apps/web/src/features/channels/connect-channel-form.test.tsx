import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/index';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { ConnectChannelForm } from './connect-channel-form';

afterEach(() => {
  vi.unstubAllGlobals();
});

const SERVER_WORDS = 'points to a private or reserved network address, which Cadence does not call';

/** The API's refusal of a webhook URL on a private address (issue 10, finding 19). */
function refuseUrl() {
  const fetchMock = vi.fn(async (_req: Request) =>
    jsonResponse(422, {
      error: {
        code: 'unprocessable',
        message: `body.credentials.url: ${SERVER_WORDS}`,
        details: [{ field: 'body.credentials.url', message: SERVER_WORDS, reason: 'private_address' }],
      },
    }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function submitWebhook() {
  const user = userEvent.setup();
  await user.selectOptions(screen.getByLabelText(i18n.t('channels.network')), 'webhook');
  await user.type(screen.getByLabelText(i18n.t('channels.displayName')), 'Hook');
  await user.type(screen.getByLabelText(i18n.t('channels.handle')), 'hook');
  await user.type(screen.getByLabelText(i18n.t('channels.credentialName')), 'url');
  await user.type(screen.getByLabelText(i18n.t('channels.credentialValue')), 'http://169.254.169.254/');
  await user.click(screen.getByRole('button', { name: i18n.t('channels.connectSubmit') }));
}

describe('ConnectChannelForm, a refused address', () => {
  it.each(['en', 'fr'])('says why in the catalogue’s words (%s), naming the credential', async (language) => {
    await i18n.changeLanguage(language);
    const fetchMock = refuseUrl();
    renderWithProviders(<ConnectChannelForm workspaceId="22222222-2222-4222-8222-222222222222" />);
    await submitWebhook();
    // Testing Library collapses whitespace, the non-breaking spaces of French typography included.
    const expected = i18n.t('channels.urlProblem.private_address', { name: 'url' }).replace(/\s+/g, ' ');
    await waitFor(() => expect(screen.getByText(expected)).toBeTruthy());
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(SERVER_WORDS)).toBeNull();
  });
});

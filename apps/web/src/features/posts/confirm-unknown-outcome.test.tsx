import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { ToastProvider } from '../../ui/toast';
import { ConfirmUnknownOutcome } from './confirm-unknown-outcome';
import type { PostTarget } from './post-queries';

afterEach(() => {
  vi.unstubAllGlobals();
});

const workspaceId = '22222222-2222-4222-8222-222222222222';
const postId = '44444444-4444-4444-8444-444444444444';
const target: PostTarget = {
  id: '33333333-3333-4333-8333-333333333333',
  channelId: '55555555-5555-4555-8555-555555555555',
  network: 'mastodon',
  text: null,
  media: null,
  firstComment: null,
  status: 'unknown',
  scheduledAt: '2026-03-04T13:30:00.000Z',
  publishedAt: null,
  externalId: null,
  externalUrl: null,
  lastError: 'The publisher stopped while sending, before the answer was recorded',
};

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn(async (_req: Request) => jsonResponse(status, body));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const render = (canConfirm: boolean) =>
  renderWithProviders(
    <ToastProvider>
      <ConfirmUnknownOutcome
        workspaceId={workspaceId}
        postId={postId}
        target={target}
        canConfirm={canConfirm}
      />
    </ToastProvider>,
  );

describe('ConfirmUnknownOutcome', () => {
  it('explains the unknown outcome and sends "published" with the live link a manager found', async () => {
    const fetchMock = answer(200, { ...target, status: 'published' });
    render(true);
    expect(screen.getByText(/did not say whether this post went out/)).toBeTruthy();
    expect(screen.getByText(target.lastError ?? '')).toBeTruthy();

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Link to the live post (optional)'), 'https://m.social/@acme/1');
    await user.click(screen.getByRole('button', { name: 'It was published' }));

    await waitFor(() => expect(screen.getByText('Marked as published.')).toBeTruthy());
    const request = fetchMock.mock.calls[0]?.[0];
    expect(request?.method).toBe('POST');
    expect(new URL(request?.url ?? '').pathname).toBe(
      `/api/v1/workspaces/${workspaceId}/posts/${postId}/targets/${target.id}/confirm`,
    );
    expect(await request?.json()).toEqual({ outcome: 'published', externalUrl: 'https://m.social/@acme/1' });
  });

  it('sends "failed" without a link when the post did not go out', async () => {
    const fetchMock = answer(200, { ...target, status: 'failed' });
    render(true);
    await userEvent.setup().click(screen.getByRole('button', { name: 'It was not published' }));

    await waitFor(() => expect(screen.getByText('Marked as not published: you can retry it.')).toBeTruthy());
    expect(await fetchMock.mock.calls[0]?.[0].json()).toEqual({ outcome: 'failed' });
  });

  it("shows the server's refusal, for example when someone else answered first", async () => {
    answer(409, {
      error: { code: 'conflict', message: 'Only a target whose outcome is unknown can be confirmed' },
    });
    render(true);
    await userEvent.setup().click(screen.getByRole('button', { name: 'It was published' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Only a target whose outcome is unknown',
    );
  });

  it('puts a refused link on the link field', async () => {
    answer(400, {
      error: {
        code: 'validation_failed',
        message: 'Invalid body',
        details: [{ field: 'body.externalUrl', message: 'Invalid URL' }],
      },
    });
    render(true);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Link to the live post (optional)'), 'ftp://x');
    await user.click(screen.getByRole('button', { name: 'It was published' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Link to the live post (optional)').getAttribute('aria-invalid')).toBe(
        'true',
      ),
    );
    expect(screen.getByText('Invalid URL')).toBeTruthy();
  });

  it('offers no buttons to those who cannot confirm', () => {
    const fetchMock = answer(200, {});
    render(false);
    expect(screen.queryByRole('button', { name: 'It was published' })).toBeNull();
    expect(screen.getByText(/A manager can confirm/)).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

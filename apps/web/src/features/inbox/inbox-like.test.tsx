import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/index';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { InboxLike } from './inbox-like';
import { testInboxItem as item } from './inbox-test-item';

afterEach(async () => {
  vi.unstubAllGlobals();
  await i18n.changeLanguage('en');
});

const workspaceId = '22222222-2222-4222-8222-222222222222';

describe('InboxLike', () => {
  it('likes in French with PUT, and shows « Aimé » pressed once liked', async () => {
    await i18n.changeLanguage('fr');
    const fetchMock = vi.fn(async (_req: Request) =>
      jsonResponse(200, item({ like: { state: 'liking', error: null, onNetwork: false } })),
    );
    vi.stubGlobal('fetch', fetchMock);
    const { unmount } = renderWithProviders(<InboxLike workspaceId={workspaceId} item={item()} canLike />);
    const button = screen.getByRole('button', { name: 'J’aime' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    await userEvent.click(button);
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const request = fetchMock.mock.calls[0]?.[0] as Request;
    expect(request.method).toBe('PUT');
    expect(request.url).toMatch(/\/inbox\/items\/33333333-3333-4333-8333-333333333333\/like$/);
    unmount();
    renderWithProviders(
      <InboxLike
        workspaceId={workspaceId}
        item={item({ like: { state: 'liked', error: null, onNetwork: true } })}
        canLike
      />,
    );
    expect(screen.getByRole('button', { name: 'Aimé' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('is disabled with the reason where the network cannot like, and never calls the server', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(
      <InboxLike
        workspaceId={workspaceId}
        item={item({ network: 'threads', likeUnsupported: 'not_in_api' })}
        canLike
      />,
    );
    const button = screen.getByRole('button', { name: 'Like' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    const note = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(note?.textContent).toMatch(/Threads does not let apps like a message/);
    await userEvent.click(button);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows a failure with the network’s reason; a viewer sees the state only', () => {
    renderWithProviders(
      <InboxLike
        workspaceId={workspaceId}
        item={item({ like: { state: 'failed', error: 'Record not found', onNetwork: false } })}
        canLike
      />,
    );
    expect(screen.getByText('The network refused: Record not found')).toBeTruthy();
    renderWithProviders(
      <InboxLike
        workspaceId={workspaceId}
        item={item({ like: { state: 'liked', error: null, onNetwork: true } })}
        canLike={false}
      />,
    );
    expect(screen.getByText('Liked')).toBeTruthy();
    expect(screen.queryAllByRole('button')).toHaveLength(1);
  });

  it('after a failed unlike the like is still there: « Aimé » pressed, and a click takes it back again', async () => {
    await i18n.changeLanguage('fr');
    const fetchMock = vi.fn(async (_req: Request) => jsonResponse(200, item()));
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(
      <InboxLike
        workspaceId={workspaceId}
        item={item({ like: { state: 'failed', error: 'Gave up', onNetwork: true } })}
        canLike
      />,
    );
    const button = screen.getByRole('button', { name: 'Aimé' });
    expect(button.getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(button);
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const request = fetchMock.mock.calls[0]?.[0] as Request;
    expect(request.method).toBe('DELETE');
  });
});

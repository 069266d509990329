import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/index';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { InboxHide } from './inbox-hide';
import { type Conversation, conversationInFlight } from './inbox-queries';
import { testInboxItem } from './inbox-test-item';

afterEach(async () => {
  vi.unstubAllGlobals();
  await i18n.changeLanguage('en');
});

const workspaceId = '22222222-2222-4222-8222-222222222222';
const hideable = (over: Parameters<typeof testInboxItem>[0] = {}) =>
  testInboxItem({
    network: 'bluesky',
    postId: '44444444-4444-4444-8444-444444444444',
    hideUnsupported: null,
    ...over,
  });

describe('InboxHide', () => {
  it('hides in French with PUT, then offers « Afficher de nouveau » with DELETE', async () => {
    await i18n.changeLanguage('fr');
    const fetchMock = vi.fn(async (_req: Request) => jsonResponse(200, hideable()));
    vi.stubGlobal('fetch', fetchMock);
    const { unmount } = renderWithProviders(
      <InboxHide workspaceId={workspaceId} item={hideable()} canHide />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Masquer' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const request = fetchMock.mock.calls[0]?.[0] as Request;
    expect(request.method).toBe('PUT');
    expect(request.url).toMatch(/\/inbox\/items\/33333333-3333-4333-8333-333333333333\/hidden$/);
    unmount();
    renderWithProviders(
      <InboxHide
        workspaceId={workspaceId}
        item={hideable({ hide: { state: 'hidden', error: null, onNetwork: true } })}
        canHide
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Afficher de nouveau' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    const second = fetchMock.mock.calls[1]?.[0] as Request;
    expect(second.method).toBe('DELETE');
  });

  it.each([
    ['not_in_api', 'mastodon', /Mastodon does not let an account hide what others write/],
    ['not_our_post', 'bluesky', /Only a reply under one of our posts can be hidden/],
    ['nested_reply', 'threads', /Threads hides only replies made directly under our post/],
  ] as const)('offers no button where the item says %s, and says why', (reason, network, sentence) => {
    renderWithProviders(
      <InboxHide
        workspaceId={workspaceId}
        item={testInboxItem({ network, hideUnsupported: reason })}
        canHide
      />,
    );
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText(sentence)).toBeTruthy();
  });

  it('says the job is on its way, shows a failure as text, and offers nothing to a viewer', () => {
    renderWithProviders(
      <InboxHide
        workspaceId={workspaceId}
        item={hideable({ hide: { state: 'hiding', error: null, onNetwork: false } })}
        canHide
      />,
    );
    expect((screen.getByRole('button', { name: 'Show again' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Hiding it on the network…');
    renderWithProviders(
      <InboxHide
        workspaceId={workspaceId}
        item={hideable({ hide: { state: 'failed', error: '<b>Refused</b>', onNetwork: false } })}
        canHide
      />,
    );
    expect(screen.getByText('The network refused: <b>Refused</b>')).toBeTruthy();
    const { container } = renderWithProviders(
      <InboxHide workspaceId={workspaceId} item={hideable()} canHide={false} />,
    );
    expect(container.textContent).toBe('');
  });
});

describe('the conversation polls while something is in flight', () => {
  const conversation = (over: Partial<Conversation> = {}): Conversation => ({
    item: testInboxItem(),
    thread: [],
    post: null,
    replies: [],
    notes: [],
    ...over,
  });
  const reply = (status: Conversation['replies'][number]['status']) =>
    ({ status }) as Conversation['replies'][number];

  it('while a reply is queued or sending, a like or a hide on its way; not otherwise', () => {
    expect(conversationInFlight(conversation())).toBe(false);
    expect(conversationInFlight(conversation({ replies: [reply('queued')] }))).toBe(true);
    expect(conversationInFlight(conversation({ replies: [reply('sent'), reply('sending')] }))).toBe(true);
    expect(conversationInFlight(conversation({ replies: [reply('sent'), reply('failed')] }))).toBe(false);
    expect(conversationInFlight(conversation({ replies: [reply('pending_approval')] }))).toBe(false);
    expect(
      conversationInFlight(
        conversation({ item: testInboxItem({ hide: { state: 'showing', error: null, onNetwork: true } }) }),
      ),
    ).toBe(true);
    expect(
      conversationInFlight(
        conversation({ item: testInboxItem({ like: { state: 'liking', error: null, onNetwork: false } }) }),
      ),
    ).toBe(true);
  });
});

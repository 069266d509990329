import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render';
import type { Post, PostTarget } from './post-queries';
import { PostTargets } from './post-targets';

afterEach(() => {
  vi.unstubAllGlobals();
});

const workspaceId = '22222222-2222-4222-8222-222222222222';
const published = (externalUrl: string | null): PostTarget => ({
  id: '33333333-3333-4333-8333-333333333333',
  channelId: '55555555-5555-4555-8555-555555555555',
  network: 'mastodon',
  text: null,
  media: null,
  firstComment: null,
  status: 'published',
  scheduledAt: '2026-03-04T13:30:00.000Z',
  publishedAt: '2026-03-04T13:30:05.000Z',
  externalId: '109',
  externalUrl,
  lastError: null,
});

function renderTargets(target: PostTarget) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => jsonResponse(200, { items: [] })),
  );
  // Only the fields PostTargets reads: the post's id and its targets.
  const post = { id: '44444444-4444-4444-8444-444444444444', targets: [target] } as unknown as Post;
  renderWithProviders(
    <PostTargets workspaceId={workspaceId} post={post} timeZone="Europe/Paris" canConfirm={false} />,
  );
}

describe('PostTargets live link (issue 10, finding 10)', () => {
  it('links to an http(s) address of the live post', () => {
    renderTargets(published('https://mastodon.social/@acme/109'));
    const link = screen.getByRole('link', { name: /View the live post/ });
    expect(link.getAttribute('href')).toBe('https://mastodon.social/@acme/109');
  });

  it.each(['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>'])(
    'shows no link for %s',
    (url) => {
      renderTargets(published(url));
      expect(screen.queryByRole('link')).toBeNull();
      expect(document.body.innerHTML).not.toContain(url.slice(0, 10));
    },
  );
});

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../../i18n/index';
import type { Post, PostEvent } from '../posts/post-queries';
import { ReviewChanges } from './review-changes';
import { baseRevision, lastDecision, type PostRevision, snapshotOfRevision } from './review-revision';

const WS = '00000000-0000-4000-8000-000000000000';
const ME = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const OTHER = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const ONE = '11111111-1111-4111-8111-111111111111';
const TWO = '22222222-2222-4222-8222-222222222222';

const event = (action: string, userId: string, createdAt: string, details: unknown = null) =>
  ({
    id: createdAt,
    event: action,
    action,
    params: (details ?? {}) as Record<string, unknown>,
    actor: { kind: 'person', userId, tokenId: null, name: null },
    target: null,
    fromStatus: null,
    toStatus: null,
    comment: null,
    details,
    createdAt,
  }) satisfies PostEvent;

describe('the revision a reviewer last decided on', () => {
  const history = [
    event('approved', ME, '2026-01-01T10:00:00Z', { contentRevision: 1 }),
    event('edited', OTHER, '2026-01-02T10:00:00Z', { contentRevision: 2 }),
    event('changes_requested', ME, '2026-01-03T10:00:00Z', { contentRevision: 2 }),
    event('approved', OTHER, '2026-01-04T10:00:00Z', { contentRevision: 3 }),
  ];

  it('is the contentRevision of this reviewer’s latest approval or request for changes', () => {
    expect(lastDecision(history, ME)).toEqual({ contentRevision: 2, decidedAt: '2026-01-03T10:00:00Z' });
    expect(baseRevision(lastDecision(history, ME), 4)).toBe(2);
  });

  it('falls back to the previous revision when the event does not say, and to nothing without a decision', () => {
    const old = [event('approved', ME, '2026-01-01T10:00:00Z', {})];
    expect(baseRevision(lastDecision(old, ME), 3)).toBe(2);
    expect(lastDecision(history, 'cccccccc-cccc-4ccc-8ccc-cccccccccccc')).toBeNull();
    expect(baseRevision(null, 3)).toBeNull();
  });
});

describe('what changed since the server revision', () => {
  const image = { url: 'https://cdn.example.com/a.png', alt: 'Chart', kind: 'image' as const };
  const revision: PostRevision = {
    postId: 'p',
    contentRevision: 1,
    text: 'Our launch is today',
    link: null,
    firstComment: null,
    media: [image],
    targets: [
      { channelId: ONE, network: 'x', text: null, media: null, firstComment: null },
      { channelId: TWO, network: 'mastodon', text: null, media: null, firstComment: null },
    ],
    createdAt: '2026-01-01T09:00:00Z',
    createdBy: { userId: OTHER, tokenId: null },
  };
  const post = {
    id: 'p',
    contentRevision: 2,
    text: 'Our launch is tomorrow',
    media: [image],
    targets: [{ channelId: ONE, network: 'x', text: null, media: [] }],
  } as unknown as Post;

  it('diffs the words, lists the media and channel changes', () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
    client.setQueryData(
      ['channels', WS],
      [
        { id: ONE, displayName: 'Acme X' },
        { id: TWO, displayName: 'Acme M' },
      ],
    );
    const { container } = render(
      <QueryClientProvider client={client}>
        <ReviewChanges
          workspaceId={WS}
          post={post}
          snapshot={snapshotOfRevision(revision, '2026-01-01T10:00:00Z')}
          history={[]}
        />
      </QueryClientProvider>,
    );
    expect(container.querySelector('del')?.textContent).toBe('today');
    expect(container.querySelector('ins')?.textContent).toBe('tomorrow');
    expect(screen.getByText('Media changed: Acme X')).toBeTruthy();
    expect(screen.getByText('Channels removed: Acme M')).toBeTruthy();
  });

  it('names the other edited fields as the composer does, never as raw codes', () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
    client.setQueryData(['channels', WS], []);
    const edits = [
      event('edited', OTHER, '2026-01-02T10:00:00Z', {
        fields: ['text', 'media', 'targets', 'campaignId', 'labels', 'requestedSchedule', 'unknownThing'],
      }),
    ];
    render(
      <QueryClientProvider client={client}>
        <ReviewChanges
          workspaceId={WS}
          post={post}
          snapshot={snapshotOfRevision(revision, '2026-01-01T10:00:00Z')}
          history={edits}
        />
      </QueryClientProvider>,
    );
    expect(screen.getByText('Also edited: Campaign, Labels, Proposed date')).toBeTruthy();
    expect(screen.queryByText(/campaignId|requestedSchedule|unknownThing/)).toBeNull();
  });
});

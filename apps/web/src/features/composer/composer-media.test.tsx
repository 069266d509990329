import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import '../../i18n/index';
import type { Post } from '../posts/post-queries';
import { ComposerEditor } from './composer-editor';
import {
  type ComposerChannel,
  type ComposerDraft,
  emptyDraft,
  fromPost,
  type MediaItem,
  networksOf,
  toUpdateBody,
} from './composer-model';
import { useLiveChecks } from './use-live-checks';

const X = '11111111-1111-4111-8111-111111111111';
const MASTODON = '22222222-2222-4222-8222-222222222222';
const channels: ComposerChannel[] = [
  { id: X, network: 'x', displayName: 'Acme X', handle: '@acme' },
  { id: MASTODON, network: 'mastodon', displayName: 'Acme M', handle: '@acme@m.social' },
];
const image = (n: number): MediaItem => ({
  url: `https://cdn.example.com/${n}.png`,
  alt: `Photo ${n}`,
  kind: 'image',
});

let latest: ComposerDraft = emptyDraft();
function Harness({ initial }: { initial: ComposerDraft }) {
  const [draft, setDraft] = useState(initial);
  latest = draft;
  const violations = useLiveChecks({
    draft,
    channels,
    charter: undefined,
    campaign: null,
    timezone: 'Europe/Paris',
    scheduledAt: null,
  });
  return (
    <ComposerEditor
      draft={draft}
      networks={networksOf(draft, channels)}
      violations={violations}
      onChange={setDraft}
    />
  );
}

const openTab = (name: RegExp) => fireEvent.mouseDown(screen.getByRole('tab', { name }), { button: 0 });
const mediaCounter = (network: string) => screen.getByTestId(`media-counter-${network}`);
const byChannel = (draft: ComposerDraft) =>
  new Map(toUpdateBody(draft, channels).targets?.map((t) => [t.channelId, t]));

describe('per-network media', () => {
  const base = { ...emptyDraft(), channelIds: [X, MASTODON], text: 'Launch', media: [image(1), image(2)] };

  it('inherits Base until customised, counts the network’s own list and sends it as its override', () => {
    render(<Harness initial={base} />);
    openTab(/^X/);
    expect(screen.getByText('Media: same as Base.')).toBeTruthy();
    expect(mediaCounter('x').textContent).toContain('X media 2/4');

    fireEvent.click(screen.getByRole('button', { name: 'Use other media on X' }));
    const list = screen.getByRole('group', { name: 'Media for X' });
    for (let i = 0; i < 3; i++)
      fireEvent.click(within(list).getByRole('button', { name: 'Add a media URL' }));
    expect(mediaCounter('x').textContent).toContain('X media 5/4');
    expect(mediaCounter('x').dataset.level).toBe('over');
    expect(screen.getByRole('tab', { name: /^X/ }).textContent).toContain('customised');
    // The media-count check follows X's own list, not Base's.
    expect(screen.getByRole('region', { name: 'Checks' }).textContent).not.toContain('No problem found');

    const targets = byChannel(latest);
    expect(targets.get(X)?.media).toHaveLength(5);
    expect(targets.get(MASTODON)?.media).toBeUndefined();
    expect(latest.media).toHaveLength(2);
  });

  it('resets the media to Base with an Undo', () => {
    render(<Harness initial={{ ...base, mediaOverrides: { x: [image(9)] } }} />);
    openTab(/^X/);
    expect(mediaCounter('x').textContent).toContain('1/4');
    fireEvent.click(screen.getByRole('button', { name: 'Reset media to Base' }));
    expect(mediaCounter('x').textContent).toContain('2/4');
    expect(byChannel(latest).get(X)?.media).toBeUndefined();
    expect(screen.getByRole('tab', { name: /^X/ }).textContent).not.toContain('customised');
    fireEvent.click(within(screen.getByRole('status')).getByRole('button', { name: 'Undo' }));
    expect(byChannel(latest).get(X)?.media).toEqual([image(9)]);
  });

  it('loads a saved post’s media override back into its network tab', () => {
    const target = {
      status: 'pending' as const,
      text: null,
      firstComment: null,
      scheduledAt: null,
      publishedAt: null,
      externalId: null,
      externalUrl: null,
      lastError: null,
    };
    const post: Pick<
      Post,
      'targets' | 'text' | 'firstComment' | 'media' | 'campaignId' | 'pillarId' | 'labels'
    > = {
      text: 'Launch',
      firstComment: null,
      media: [image(1)],
      campaignId: null,
      pillarId: null,
      labels: [],
      targets: [
        { ...target, id: 'a', channelId: X, network: 'x', media: [image(7), image(8)] },
        { ...target, id: 'b', channelId: MASTODON, network: 'mastodon', media: null },
      ],
    };
    render(<Harness initial={fromPost(post)} />);
    openTab(/^X/);
    expect(mediaCounter('x').textContent).toContain('2/4');
    expect(screen.getByRole('group', { name: 'Media for X' })).toBeTruthy();
    openTab(/^Mastodon/);
    expect(screen.getByText('Media: same as Base.')).toBeTruthy();
    expect(mediaCounter('mastodon').textContent).toContain('1/');
  });
});

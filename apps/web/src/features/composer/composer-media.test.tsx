import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../i18n/index';
import type { Post } from '../posts/post-queries';
import type { LibraryItem } from '../media/media-queries';
import { ComposerDetails } from './composer-details';
import { ComposerEditor } from './composer-editor';
import { ComposerMediaContext } from './composer-media-context';
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
const BLUESKY = '33333333-3333-4333-8333-333333333333';
const WS = '44444444-4444-4444-8444-444444444444';
const channels: ComposerChannel[] = [
  { id: X, network: 'x', displayName: 'Acme X', handle: '@acme' },
  { id: MASTODON, network: 'mastodon', displayName: 'Acme M', handle: '@acme@m.social' },
  { id: BLUESKY, network: 'bluesky', displayName: 'Acme B', handle: 'acme.bsky.social' },
];
const image = (n: number): MediaItem => ({
  url: `https://cdn.example.com/${n}.png`,
  alt: `Photo ${n}`,
  kind: 'image',
});

let latest: ComposerDraft = emptyDraft();
function Harness({
  initial,
  library = new Map(),
}: {
  initial: ComposerDraft;
  library?: Map<string, LibraryItem>;
}) {
  const [draft, setDraft] = useState(initial);
  const [items, setItems] = useState(library);
  latest = draft;
  const violations = useLiveChecks({
    draft,
    channels,
    charter: undefined,
    campaign: null,
    timezone: 'Europe/Paris',
    scheduledAt: null,
    library: items,
  });
  const remember = (item: LibraryItem) => setItems((m) => new Map(m).set(item.id, item));
  return (
    <ComposerMediaContext.Provider value={{ workspaceId: WS, draft, violations, library: items, remember }}>
      <ComposerEditor
        draft={draft}
        networks={networksOf(draft, channels)}
        violations={violations}
        onChange={setDraft}
      />
      <ComposerDetails draft={draft} campaigns={[]} pillars={[]} onChange={setDraft} />
    </ComposerMediaContext.Provider>
  );
}

const openTab = (name: RegExp) => fireEvent.mouseDown(screen.getByRole('tab', { name }), { button: 0 });
const mediaCounter = (network: string) => screen.getByTestId(`media-counter-${network}`);
const byChannel = (draft: ComposerDraft) =>
  new Map(toUpdateBody(draft, channels).targets?.map((t) => [t.channelId, t]));

describe('per-network media', () => {
  const base = { ...emptyDraft(), channelIds: [X, MASTODON], text: 'Launch', media: [image(1), image(2)] };

  it('inherits Base until customised, counts the network’s own list and sends it as its override', () => {
    const five = [1, 2, 3, 4, 5].map(image);
    render(<Harness initial={{ ...base, media: five }} />);
    openTab(/^X/);
    expect(screen.getByText('Media: same as Base.')).toBeTruthy();
    expect(mediaCounter('x').textContent).toContain('X media 5/4');
    expect(mediaCounter('x').dataset.level).toBe('over');

    fireEvent.click(screen.getByRole('button', { name: 'Use other media on X' }));
    const list = screen.getByRole('group', { name: 'Media for X' });
    for (let i = 0; i < 3; i++) fireEvent.click(within(list).getAllByRole('button', { name: 'Remove' })[0]!);
    expect(mediaCounter('x').textContent).toContain('X media 2/4');
    expect(screen.getByRole('tab', { name: /^X/ }).textContent).toContain('customised');
    // X's media-count check follows X's own list, now within its limit.
    expect(screen.getByRole('region', { name: 'Checks' }).textContent).toContain('No problem found');

    const targets = byChannel(latest);
    expect(targets.get(X)?.media).toHaveLength(2);
    expect(targets.get(MASTODON)?.media).toBeUndefined();
    expect(latest.media).toHaveLength(5);
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

describe('library media in the composer (issue 14)', () => {
  afterEach(() => vi.unstubAllGlobals());
  const ORIGINAL = '55555555-5555-4555-8555-555555555555';
  const COPY = '66666666-6666-4666-8666-666666666666';
  const item = (id: string, bytes: number): LibraryItem => ({
    id,
    name: 'harbour.jpg',
    kind: 'image',
    contentType: 'image/jpeg',
    bytes,
    width: 4000,
    height: 3000,
    durationMs: null,
    codec: null,
    hasThumbnail: true,
    alt: {},
    tags: [],
    kept: false,
    derivedFromId: null,
    uploadedBy: null,
    createdAt: '2026-11-26T00:00:00.000Z',
    usedIn: { count: 0, posts: [] },
  });

  it('shows Bluesky’s size problem on the item and swaps in the smaller copy in one click', async () => {
    const attached: MediaItem = {
      url: `/api/v1/workspaces/${WS}/media/${ORIGINAL}/content`,
      alt: 'The harbour at dawn',
      kind: 'image',
      mediaId: ORIGINAL,
    };
    const fetch = vi.fn(async () => Response.json(item(COPY, 900_000), { status: 201 }));
    vi.stubGlobal('fetch', fetch);
    render(
      <Harness
        initial={{ ...emptyDraft(), channelIds: [BLUESKY], text: 'Dawn', media: [attached] }}
        library={new Map([[ORIGINAL, item(ORIGINAL, 2_400_000)]])}
      />,
    );
    const details = screen.getByRole('group', { name: 'Media' });
    expect(details.textContent).toContain('Bluesky');
    fireEvent.click(within(details).getByRole('button', { name: 'Make a smaller copy for Bluesky' }));
    await waitFor(() => expect(latest.media[0]?.mediaId).toBe(COPY));
    expect(latest.media[0]).toMatchObject({ alt: 'The harbour at dawn', url: expect.stringContaining(COPY) });
    const request = (fetch.mock.calls[0] as unknown as [Request])[0];
    expect(request.url).toContain(`/media/${ORIGINAL}/fix`);
    await waitFor(() =>
      expect(within(details).queryByRole('button', { name: 'Make a smaller copy for Bluesky' })).toBeNull(),
    );
  });
});

// What the composer edits, apart from how it is shown: the Base text written once, and per network
// a text that "inherits Base" until someone edits it. Pure functions, unit-tested.
import type { Network } from '@cadence/domain/networks/schemas';
import type { Post, PostCreate, PostUpdate } from '../posts/post-queries';

export interface ComposerChannel {
  id: string;
  network: Network;
  displayName: string;
  handle: string;
  /** A channel needing reconnection is shown but not offered: posts to it would wait. */
  status?: 'connected' | 'needs_reconnect' | 'disconnected';
}

export interface MediaItem {
  url: string;
  alt: string;
  kind: 'image' | 'video' | 'gif';
  /** The library item (its url is then its path in the app). */
  mediaId?: string;
}

export interface ComposerDraft {
  channelIds: string[];
  text: string;
  /** A network's own text; absent means it inherits Base. */
  overrides: Partial<Record<Network, string>>;
  /** A network's own media list; absent means it inherits Base's (an empty list means none). */
  mediaOverrides: Partial<Record<Network, MediaItem[]>>;
  firstComment: string;
  media: MediaItem[];
  campaignId: string | null;
  pillarId: string | null;
  labels: string[];
}

export const emptyDraft = (): ComposerDraft => ({
  channelIds: [],
  text: '',
  overrides: {},
  mediaOverrides: {},
  firstComment: '',
  media: [],
  campaignId: null,
  pillarId: null,
  labels: [],
});

/** The networks of the chosen channels, each once, in the order the channels were chosen. */
export function networksOf(draft: ComposerDraft, channels: readonly ComposerChannel[]): Network[] {
  const byId = new Map(channels.map((c) => [c.id, c]));
  const out: Network[] = [];
  for (const id of draft.channelIds) {
    const network = byId.get(id)?.network;
    if (network && !out.includes(network)) out.push(network);
  }
  return out;
}

export const textFor = (draft: ComposerDraft, network: Network) => draft.overrides[network] ?? draft.text;
export const isCustomised = (draft: ComposerDraft, network: Network) =>
  draft.overrides[network] !== undefined;

export const mediaFor = (draft: ComposerDraft, network: Network) =>
  draft.mediaOverrides[network] ?? draft.media;
export const isMediaCustomised = (draft: ComposerDraft, network: Network) =>
  draft.mediaOverrides[network] !== undefined;
/** The tab's "customised" dot: its text or its media differ from Base. */
export const hasOverrides = (draft: ComposerDraft, network: Network) =>
  isCustomised(draft, network) || isMediaCustomised(draft, network);

export function withMediaOverride(
  draft: ComposerDraft,
  network: Network,
  media: MediaItem[] | undefined,
): ComposerDraft {
  const mediaOverrides = { ...draft.mediaOverrides };
  if (media === undefined) delete mediaOverrides[network];
  else mediaOverrides[network] = media;
  return { ...draft, mediaOverrides };
}

export function withOverride(
  draft: ComposerDraft,
  network: Network,
  text: string | undefined,
): ComposerDraft {
  const overrides = { ...draft.overrides };
  if (text === undefined) delete overrides[network];
  else overrides[network] = text;
  return { ...draft, overrides };
}

function targetsOf(draft: ComposerDraft, channels: readonly ComposerChannel[]) {
  const byId = new Map(channels.map((c) => [c.id, c]));
  return draft.channelIds.map((channelId) => {
    const network = byId.get(channelId)?.network;
    const text = network ? draft.overrides[network] : undefined;
    const media = network ? draft.mediaOverrides[network] : undefined;
    return {
      channelId,
      ...(text === undefined ? {} : { text }),
      ...(media === undefined ? {} : { media }),
    };
  });
}

const optional = (s: string) => (s.trim() ? s : null);

export function toCreateBody(
  draft: ComposerDraft,
  channels: readonly ComposerChannel[],
  requestedLocal: string | null,
): PostCreate {
  return {
    text: draft.text,
    media: draft.media,
    firstComment: optional(draft.firstComment),
    campaignId: draft.campaignId,
    pillarId: draft.pillarId,
    labels: draft.labels,
    targets: targetsOf(draft, channels),
    ...(requestedLocal ? { requestedSchedule: { local: requestedLocal } } : {}),
  };
}

export function toUpdateBody(draft: ComposerDraft, channels: readonly ComposerChannel[]): PostUpdate {
  return {
    text: draft.text,
    media: draft.media,
    firstComment: optional(draft.firstComment),
    campaignId: draft.campaignId,
    pillarId: draft.pillarId,
    labels: draft.labels,
    targets: targetsOf(draft, channels),
  };
}

/** A saved post back into the composer; a network's override is the first of its targets'. */
export function fromPost(
  post: Pick<Post, 'targets' | 'text' | 'firstComment' | 'media' | 'campaignId' | 'pillarId' | 'labels'>,
): ComposerDraft {
  const overrides: ComposerDraft['overrides'] = {};
  const mediaOverrides: ComposerDraft['mediaOverrides'] = {};
  for (const t of post.targets) {
    if (t.text !== null && overrides[t.network] === undefined) overrides[t.network] = t.text;
    if (t.media !== null && mediaOverrides[t.network] === undefined)
      mediaOverrides[t.network] = t.media.map(toMediaItem);
  }
  return {
    channelIds: post.targets.map((t) => t.channelId),
    text: post.text,
    overrides,
    mediaOverrides,
    firstComment: post.firstComment ?? '',
    media: post.media.map(toMediaItem),
    campaignId: post.campaignId,
    pillarId: post.pillarId,
    labels: post.labels,
  };
}

function toMediaItem(m: MediaItem): MediaItem {
  return { url: m.url, alt: m.alt, kind: m.kind, ...(m.mediaId ? { mediaId: m.mediaId } : {}) };
}

export const sameDraft = (a: ComposerDraft, b: ComposerDraft) => JSON.stringify(a) === JSON.stringify(b);

/** The draft aimed at the workspace's only usable channel, when there is exactly one. */
export function withOnlyChannel(draft: ComposerDraft, channels: readonly ComposerChannel[]): ComposerDraft {
  const usable = channels.filter((c) => (c.status ?? 'connected') === 'connected');
  return usable.length === 1 && usable[0] ? { ...draft, channelIds: [usable[0].id] } : draft;
}

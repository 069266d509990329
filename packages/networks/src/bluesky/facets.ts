// Rich-text facets for app.bsky.feed.post: links, mentions and hashtags found by the same entity
// rules the charter counts with, addressed by UTF-8 byte offsets as the lexicon requires (not the
// UTF-16 indexes JavaScript strings use). Mentions need the handle's DID; a handle that does not
// resolve stays plain text rather than failing the post.
import { extractEntities } from '@cadence/domain/networks/analyse-text';

export type Facet = {
  index: { byteStart: number; byteEnd: number };
  features: (
    | { $type: 'app.bsky.richtext.facet#link'; uri: string }
    | { $type: 'app.bsky.richtext.facet#mention'; did: string }
    | { $type: 'app.bsky.richtext.facet#tag'; tag: string }
  )[];
};

export function byteRange(text: string, start: number, end: number) {
  const byteStart = Buffer.byteLength(text.slice(0, start), 'utf8');
  return { byteStart, byteEnd: byteStart + Buffer.byteLength(text.slice(start, end), 'utf8') };
}

/** Bluesky handles are domain names: `@alice.bsky.social`, never a fediverse `@user@host`. */
export function blueskyHandles(text: string): string[] {
  return extractEntities(text)
    .mentions.filter((m) => m.domain === undefined && m.username.includes('.'))
    .map((m) => m.username.toLowerCase());
}

export function buildFacets(text: string, didByHandle: ReadonlyMap<string, string>): Facet[] {
  const { urls, mentions, hashtags } = extractEntities(text);
  const facets: Facet[] = [];
  for (const u of urls) {
    facets.push({
      index: byteRange(text, u.start, u.end),
      features: [{ $type: 'app.bsky.richtext.facet#link', uri: u.url }],
    });
  }
  for (const m of mentions) {
    const did = m.domain === undefined ? didByHandle.get(m.username.toLowerCase()) : undefined;
    if (did)
      facets.push({
        index: byteRange(text, m.start, m.end),
        features: [{ $type: 'app.bsky.richtext.facet#mention', did }],
      });
  }
  for (const h of hashtags) {
    // The lexicon caps a tag at 64 graphemes; a longer one is left as text.
    if ([...h.tag].length <= 64) {
      facets.push({
        index: byteRange(text, h.start, h.end),
        features: [{ $type: 'app.bsky.richtext.facet#tag', tag: h.tag }],
      });
    }
  }
  return facets.sort((a, b) => a.index.byteStart - b.index.byteStart);
}

// A link's title and description from its page's Open Graph tags, fetched through safeRequest
// (the link is user-typed). Used for Bluesky link cards and LinkedIn article posts.
import type { SafeHttpOptions } from '../safe-http';
import { send } from './call';

/** A card is a nicety: when the page cannot be read, the card shows the address instead. */
export async function linkCard(uri: string, http: SafeHttpOptions, signal: AbortSignal) {
  const fallback = { uri, title: new URL(uri).hostname, description: '' };
  try {
    const response = await send(
      { method: 'GET', url: uri, headers: { accept: 'text/html' } },
      { ...http, timeoutMs: 5000, maxResponseBytes: 512 * 1024 },
      signal,
    );
    if (response.status !== 200) return fallback;
    const title = metaContent(response.body, 'og:title') ?? titleTag(response.body);
    const description =
      metaContent(response.body, 'og:description') ?? metaContent(response.body, 'description');
    return {
      uri,
      title: (title ?? fallback.title).slice(0, 300),
      description: (description ?? '').slice(0, 1000),
    };
  } catch {
    return fallback;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };
const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, e: string) => ENTITIES[e] ?? '').trim();

function metaContent(html: string, name: string): string | undefined {
  // Attributes in either order; bounded classes, so no backtracking blow-up on hostile pages.
  for (const tag of html.match(/<meta\s[^>]{0,2000}>/gi) ?? []) {
    const key = /(?:property|name)\s*=\s*["']([^"']{1,100})["']/i.exec(tag)?.[1];
    if (key?.toLowerCase() !== name) continue;
    const content = /content\s*=\s*["']([^"']{0,2000})["']/i.exec(tag)?.[1];
    if (content !== undefined) return decode(content);
  }
  return undefined;
}

function titleTag(html: string): string | undefined {
  const m = /<title[^>]{0,200}>([^<]{1,500})<\/title>/i.exec(html);
  return m?.[1] ? decode(m[1]) : undefined;
}

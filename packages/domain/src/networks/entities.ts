import { LinkifyIt } from 'linkify-it';

/** UTF-16 indexes, end exclusive, so `text.slice(start, end)` is the entity. */
export interface TextRange {
  start: number;
  end: number;
}

export interface UrlEntity extends TextRange {
  kind: 'url';
  text: string;
  /** Absolute URL; a bare `example.com` becomes `http://example.com`. */
  url: string;
  /** False for a bare domain such as `example.com/page`. */
  hasScheme: boolean;
}

export interface HashtagEntity extends TextRange {
  kind: 'hashtag';
  text: string;
  /** Without the `#`. */
  tag: string;
}

export interface MentionEntity extends TextRange {
  kind: 'mention';
  text: string;
  username: string;
  /** The instance of a fediverse handle `@user@domain`. */
  domain?: string;
}

export interface EmojiEntity extends TextRange {
  kind: 'emoji';
  text: string;
}

export interface TextEntities {
  urls: UrlEntity[];
  hashtags: HashtagEntity[];
  mentions: MentionEntity[];
  emoji: EmojiEntity[];
}

// linkify-it (markdown-it's linkifier) knows TLDs and trailing punctuation; only web links count,
// and an e-mail address is not a link on any network we publish to.
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: false, fuzzyIP: false });
linkify.add('ftp:', null).add('//', null).add('mailto:', null);

export function extractUrls(text: string): UrlEntity[] {
  const matches = linkify.match(text) ?? [];
  return matches.map((m) => ({
    kind: 'url',
    start: m.index,
    end: m.lastIndex,
    text: m.raw,
    url: m.url,
    hasScheme: m.schema !== '',
  }));
}

// Each quantified class below is followed by something it cannot match (or by nothing), so a
// failed attempt costs at most one pass over the run: no catastrophic backtracking.
const HASHTAG = /(?<![\p{L}\p{M}\p{N}_&#/])[#＃]([\p{L}\p{M}\p{N}_]+)/gu;
const HAS_LETTER = /[\p{L}\p{M}]/u;
// `@user`, `@alice.bsky.social` or `@user@instance.example`; not the middle of an e-mail address.
const MENTION =
  /(?<![\p{L}\p{M}\p{N}_/=.+@-])@([\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?)(?:@([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+))?/gu;

function outside(ranges: readonly TextRange[], start: number, end: number): boolean {
  return ranges.every((r) => end <= r.start || start >= r.end);
}

/** Hashtags outside links; `#2024` alone is not a hashtag on any network. */
export function extractHashtags(
  text: string,
  urls: readonly TextRange[] = extractUrls(text),
): HashtagEntity[] {
  const found: HashtagEntity[] = [];
  for (const m of text.matchAll(HASHTAG)) {
    const tag = m[1] ?? '';
    const start = m.index;
    const end = start + m[0].length;
    if (HAS_LETTER.test(tag) && outside(urls, start, end)) {
      found.push({ kind: 'hashtag', start, end, text: m[0], tag });
    }
  }
  return found;
}

export function extractMentions(
  text: string,
  urls: readonly TextRange[] = extractUrls(text),
): MentionEntity[] {
  const found: MentionEntity[] = [];
  for (const m of text.matchAll(MENTION)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!outside(urls, start, end)) continue;
    const mention: MentionEntity = { kind: 'mention', start, end, text: m[0], username: m[1] ?? '' };
    if (m[2] !== undefined) mention.domain = m[2];
    found.push(mention);
  }
  return found;
}

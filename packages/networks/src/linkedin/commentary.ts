// LinkedIn's `commentary` is in its "little text format": the characters | { } @ [ ] ( ) < > # \ * _ ~
// must be escaped with a backslash or the post is refused or mangled. Hashtags become the
// format's hashtag template so they stay hashtags.
import { extractEntities } from '@cadence/domain/networks/analyse-text';

const RESERVED = /[|{}@[\]()<>#\\*_~]/g;

function escapeLittleText(text: string): string {
  return text.replace(RESERVED, (c) => `\\${c}`);
}

export function toCommentary(text: string): string {
  let out = '';
  let at = 0;
  for (const tag of extractEntities(text).hashtags) {
    out += escapeLittleText(text.slice(at, tag.start));
    out += `{hashtag|\\#|${escapeLittleText(tag.tag)}}`;
    at = tag.end;
  }
  return out + escapeLittleText(text.slice(at));
}

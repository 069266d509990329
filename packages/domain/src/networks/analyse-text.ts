import {
  extractHashtags,
  extractMentions,
  extractUrls,
  type EmojiEntity,
  type TextEntities,
} from './entities';
import { type Grapheme, graphemes, isEmojiGrapheme } from './graphemes';

/** A text's graphemes and entities, computed once and shared by every network and rule. */
export interface TextAnalysis {
  text: string;
  graphemes: readonly Grapheme[];
  entities: TextEntities;
}

export function analyseText(text: string): TextAnalysis {
  const list = graphemes(text);
  const urls = extractUrls(text);
  const emoji: EmojiEntity[] = [];
  for (const { segment, index } of list) {
    if (isEmojiGrapheme(segment))
      emoji.push({ kind: 'emoji', start: index, end: index + segment.length, text: segment });
  }
  return {
    text,
    graphemes: list,
    entities: { urls, hashtags: extractHashtags(text, urls), mentions: extractMentions(text, urls), emoji },
  };
}

/** Emoji as a person sees them: one entity per emoji grapheme (a family, a flag, a keycap). */
export function extractEmoji(text: string): EmojiEntity[] {
  return analyseText(text).entities.emoji;
}

export function extractEntities(text: string): TextEntities {
  return analyseText(text).entities;
}

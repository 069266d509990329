export { analyseText, extractEmoji, extractEntities, type TextAnalysis } from './analyse-text';
export { countText, type Measure, measureText, SHORTENED_URL_LENGTH } from './count-text';
export {
  type EmojiEntity,
  extractHashtags,
  extractMentions,
  extractUrls,
  type HashtagEntity,
  type MentionEntity,
  type TextEntities,
  type TextRange,
  type UrlEntity,
} from './entities';
export { countGraphemes, type Grapheme, graphemes, isEmojiGrapheme, utf8Length } from './graphemes';
export { type MediaLimits, type NetworkLimits, networkLimits, type TextCounting } from './limits';
export {
  MEDIA_KINDS,
  type MediaKind,
  mediaKindSchema,
  NETWORKS,
  type Network,
  networkSchema,
} from './schemas';

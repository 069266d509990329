import { isWordBefore } from './word-chars';

/**
 * A banned phrase written with a trailing `*` right after a letter ("gratuit*") also bans the words
 * it starts: "gratuite", "gratuitement". The marker lives in the phrase itself, so the option is per
 * phrase, travels with the list through the API, CSV and campaigns, and needs no schema change.
 * A `*` after anything else ("c*", "5 *") stays a literal character. See decision 0200.
 */
export const WORD_FORMS_MARK = '*';

export interface ParsedPhrase {
  /** The phrase without its marker. */
  text: string;
  /** Whether words that merely start with the phrase match too. */
  wordForms: boolean;
}

export function parsePhrase(phrase: string): ParsedPhrase {
  const trimmed = phrase.trim();
  if (!trimmed.endsWith(WORD_FORMS_MARK)) return { text: trimmed, wordForms: false };
  const text = trimmed.slice(0, -WORD_FORMS_MARK.length).trimEnd();
  // Only a letter may take the marker, and only directly: "gratuit *" is a literal star.
  if (text.length !== trimmed.length - 1 || !isWordBefore(text, text.length)) {
    return { text: trimmed, wordForms: false };
  }
  return { text, wordForms: true };
}

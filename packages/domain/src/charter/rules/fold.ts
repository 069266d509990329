/**
 * Text folded for comparison: NFD, lower case, combining marks removed and runs of white space
 * made one space, so "Café", "CAFE" and "cafe" + U+0301 all read "cafe". Each folded code unit
 * remembers the original span it came from, so a match can be highlighted in the original.
 */
export interface FoldedText {
  text: string;
  /** Original UTF-16 start of each folded code unit. */
  starts: number[];
  /** Original UTF-16 end (exclusive) of each folded code unit, marks that followed included. */
  ends: number[];
}

const MARKS = /\p{M}/gu;
const SPACE = /^\s$/u;

export function fold(input: string): FoldedText {
  // Parts joined once at the end: appending to a string and asking its last character each time
  // made V8 flatten the growing string at every character (quadratic: 0.4 s for 100,000).
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let lastIsSpace = false;
  let index = 0;
  for (const char of input) {
    const end = index + char.length;
    const code = char.charCodeAt(0);
    let folded: string;
    let isSpace: boolean;
    // Most text is ASCII: skip the costly Unicode path for it.
    if (code < 0x80) {
      folded = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char;
      isSpace = code === 32 || (code >= 9 && code <= 13);
    } else {
      folded = char.normalize('NFD').toLowerCase().replace(MARKS, '');
      isSpace = folded === ' ' || SPACE.test(char);
    }
    if (isSpace) {
      if (lastIsSpace) ends[ends.length - 1] = end;
      else {
        parts.push(' ');
        starts.push(index);
        ends.push(end);
        lastIsSpace = true;
      }
    } else if (folded === '') {
      // A lone combining mark belongs to the letter before it.
      if (ends.length > 0) ends[ends.length - 1] = end;
    } else {
      for (let i = 0; i < folded.length; i++) {
        starts.push(index);
        ends.push(end);
      }
      parts.push(folded);
      lastIsSpace = folded.endsWith(' ');
    }
    index = end;
  }
  return { text: parts.join(''), starts, ends };
}

/** A phrase or tag folded the same way, without the outer spaces. */
export function foldTerm(term: string): string {
  return fold(term).text.trim();
}

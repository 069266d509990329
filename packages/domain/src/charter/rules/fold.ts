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
  // Output as code units, turned into a string once at the end: appending to a string and asking
  // its last character made V8 flatten it at every character (0.4 s for 100,000), and ASCII, most
  // text, then costs no string at all.
  const out: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let lastIsSpace = false;
  let index = 0;
  while (index < input.length) {
    const code = input.charCodeAt(index);
    if (code < 0x80) {
      const end = index + 1;
      if (code === 32 || (code >= 9 && code <= 13)) {
        if (lastIsSpace) ends[ends.length - 1] = end;
        else {
          out.push(32);
          starts.push(index);
          ends.push(end);
          lastIsSpace = true;
        }
      } else {
        out.push(code >= 65 && code <= 90 ? code + 32 : code);
        starts.push(index);
        ends.push(end);
        lastIsSpace = false;
      }
      index = end;
      continue;
    }
    // One code point (a lone surrogate stays one code unit, as a string iterator gives it).
    const point = input.codePointAt(index) as number;
    const char = String.fromCodePoint(point);
    const end = index + char.length;
    const folded = char.normalize('NFD').toLowerCase().replace(MARKS, '');
    if (folded === ' ' || SPACE.test(char)) {
      if (lastIsSpace) ends[ends.length - 1] = end;
      else {
        out.push(32);
        starts.push(index);
        ends.push(end);
        lastIsSpace = true;
      }
    } else if (folded === '') {
      // A lone combining mark belongs to the letter before it.
      if (ends.length > 0) ends[ends.length - 1] = end;
    } else {
      for (let i = 0; i < folded.length; i++) {
        out.push(folded.charCodeAt(i));
        starts.push(index);
        ends.push(end);
      }
      lastIsSpace = folded.endsWith(' ');
    }
    index = end;
  }
  return { text: fromCodeUnits(out), starts, ends };
}

// String.fromCharCode takes its units as arguments: in slices, under any engine's argument limit.
function fromCodeUnits(units: number[]): string {
  const SLICE = 8_192;
  if (units.length <= SLICE) return String.fromCharCode(...units);
  const parts: string[] = [];
  for (let i = 0; i < units.length; i += SLICE) parts.push(String.fromCharCode(...units.slice(i, i + SLICE)));
  return parts.join('');
}

/** A phrase or tag folded the same way, without the outer spaces. */
export function foldTerm(term: string): string {
  return fold(term).text.trim();
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardCell, unguardCell } from './csv-cells';

describe('CSV cell guard', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(guardCell('=HYPERLINK("http://evil","x")')).toBe('\'=HYPERLINK("http://evil","x")');
    expect(guardCell('+1')).toBe("'+1");
    expect(guardCell('-2')).toBe("'-2");
    expect(guardCell('@cadence thanks')).toBe("'@cadence thanks");
    expect(guardCell('\tx')).toBe("'\tx");
    expect(guardCell('Bonjour = salut')).toBe('Bonjour = salut');
    expect(guardCell("'quoted")).toBe("'quoted");
  });

  it('round-trips any text through guard and unguard', () => {
    const tricky = fc
      .array(fc.constantFrom("'", '=', '+', '-', '@', '\t', 'a', ' '), { maxLength: 6 })
      .chain((head) => fc.string().map((tail) => head.join('') + tail));
    fc.assert(fc.property(fc.oneof(fc.string(), tricky), (s) => unguardCell(guardCell(s)) === s));
    expect(unguardCell(guardCell("'=x"))).toBe("'=x");
  });
});

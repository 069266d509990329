// Cuts a text into runs so that overlapping charter ranges can be drawn as non-nested <mark>s.

export interface TextMark {
  start: number;
  end: number;
  severity: 'block' | 'warn';
  message: string;
}

export interface Segment {
  text: string;
  start: number;
  /** The marks covering this run; empty for plain text. */
  marks: TextMark[];
}

export function markSegments(text: string, marks: readonly TextMark[]): Segment[] {
  const valid = marks
    .map((m) => ({ ...m, start: Math.max(0, m.start), end: Math.min(text.length, m.end) }))
    .filter((m) => m.end > m.start);
  const cuts = new Set([0, text.length]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? start;
    if (end <= start) continue;
    out.push({
      text: text.slice(start, end),
      start,
      marks: valid.filter((m) => m.start < end && m.end > start),
    });
  }
  return out;
}

export const worstSeverity = (marks: readonly TextMark[]) =>
  marks.some((m) => m.severity === 'block') ? 'block' : 'warn';

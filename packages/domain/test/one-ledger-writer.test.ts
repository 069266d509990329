// "One writer per state machine": the target ledger module is the only code that writes
// `post_targets`. This reads the source of every app and package and fails on any other writer,
// through drizzle (`.update(postTargets)`, `.insert(…)`, `.delete(…)`) or through SQL text.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const LEDGER = path.join('packages', 'domain', 'src', 'publishing', 'target-ledger');

const WRITES = [
  /\.(update|insert|delete)\(\s*postTargets\b/,
  /\b(update|insert\s+into|delete\s+from)\s+post_targets\b/i,
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name === 'test' || name === 'e2e') continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

export function ledgerWriters(): string[] {
  const files = ['apps', 'packages'].flatMap((d) => sourceFiles(path.join(root, d)));
  return files
    .map((f) => path.relative(root, f))
    .filter((f) => !f.startsWith(LEDGER))
    .filter((f) => {
      const text = readFileSync(path.join(root, f), 'utf8');
      return WRITES.some((w) => w.test(text));
    });
}

describe('the target ledger is the only writer of post_targets', () => {
  it('no file outside packages/domain/src/publishing/target-ledger writes the table', () => {
    expect(ledgerWriters()).toEqual([]);
  });

  it('the search sees a write when there is one (the ledger itself writes the table)', () => {
    const text = readFileSync(path.join(root, LEDGER, 'claim.ts'), 'utf8');
    expect(WRITES.some((w) => w.test(text))).toBe(true);
  });
});

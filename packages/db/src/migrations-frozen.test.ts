// Migrations already applied somewhere must never change: drizzle records each one by hash, and a
// database migrated from the old text would silently differ from a fresh one.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

const FROZEN: Record<string, string> = {
  '0000_initial.sql': '973507ddf080351b9c88d0ad96ac2a323d9dd801b4e6708a59af039a28b6f697',
  '0002_access_control.sql': 'e9fa23d3bb4f15123fdff1e5f92eb2b812545e6aa4c21805e0c10d2a7365c7c5',
};

describe('committed migrations', () => {
  it.each(Object.entries(FROZEN))('%s is unchanged', (file, expected) => {
    const actual = createHash('sha256')
      .update(readFileSync(path.join(migrationsDir, file)))
      .digest('hex');
    expect(actual).toBe(expected);
  });

  it('are journaled in order, each once', () => {
    const journal = JSON.parse(readFileSync(path.join(migrationsDir, 'meta/_journal.json'), 'utf8')) as {
      entries: { idx: number; tag: string }[];
    };
    expect(journal.entries.map((e) => e.idx)).toEqual(journal.entries.map((_, i) => i));
    expect(new Set(journal.entries.map((e) => e.tag)).size).toBe(journal.entries.length);
    for (const e of journal.entries) expect(e.tag.startsWith(String(e.idx).padStart(4, '0'))).toBe(true);
  });
});

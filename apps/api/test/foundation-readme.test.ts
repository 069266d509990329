// The README is the newcomer's contract: every environment variable the config reads is documented
// there, and the Quick start is exactly two command lines.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const configSource = readFileSync(path.join(root, 'packages/config/src/config.ts'), 'utf8');

describe('README', () => {
  it('documents every environment variable read by packages/config', () => {
    const schema = /const envSchema = z\.object\(\{([\s\S]*?)\n\}\);/.exec(configSource)?.[1];
    expect(schema, 'envSchema not found in config.ts').toBeDefined();
    const names = [...(schema ?? '').matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(20);
    const missing = names.filter((name) => !readme.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });

  it('has a Quick start of exactly two command lines', () => {
    const section = /## Quick start\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
    const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/install/);
    expect(lines[0]).toMatch(/start/);
    expect(lines[1]).toMatch(/ test$/);
  });
});

// Fails when a closed list of names (networks, statuses, roles...) is written out again instead of
// imported from @cadence/names: such copies drift silently when a name is added. Part of `pnpm lint`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as names from '@cadence/names';

const ROOTS = ['apps', 'packages'];
const SKIP = /(^|\/)(node_modules|dist|data)(\/|$)|^packages\/names\/|\.test\.tsx?$|\/e2e\/|\/test\//;
const lists = Object.entries(names).filter((e): e is [string, readonly string[]] => Array.isArray(e[1]));

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    if (SKIP.test(file)) continue;
    if (statSync(file).isDirectory()) yield* sourceFiles(file);
    else if (/\.tsx?$/.test(file)) yield file;
  }
}

/** Array literals made only of string literals, e.g. ['en', 'fr']. */
const STRING_ARRAY = /\[\s*((?:'[^'\n]*'|"[^"\n]*")(?:\s*,\s*(?:'[^'\n]*'|"[^"\n]*"))+)\s*,?\s*\]/g;

const problems: string[] = [];
for (const root of ROOTS) {
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(STRING_ARRAY)) {
      const values = [...(match[1] ?? '').matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? '');
      for (const [listName, list] of lists) {
        // A subset is a rule ("statuses that count as planned"); the whole list is a copy.
        if (new Set(values).size === list.length && values.every((v) => list.includes(v))) {
          const line = text.slice(0, match.index).split('\n').length;
          problems.push(`${file}:${line} repeats ${listName}; import it from @cadence/names`);
        }
      }
    }
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`no copied name lists (${lists.length} lists checked)`);

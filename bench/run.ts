// Runs every bench/*.bench.ts (or those named on the command line) one after another and writes
// their figures, with a description of the machine, to bench/results.md.
import { readdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchSection {
  title: string;
  /** Markdown lines: a table or a list of figures, medians and ratios. */
  lines: string[];
  /**
   * When set, the lines replace only the `### subsection` of the section (added at its end the
   * first time), keeping the rest of it: a partial run must not wipe the figures and analysis the
   * section already holds.
   */
  subsection?: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f === `${o}.bench.ts` || f === o))
  .sort();

function machine(): string[] {
  const cpus = os.cpus();
  return [
    `- date: ${new Date().toISOString()}`,
    `- cpu: ${cpus[0]?.model ?? 'unknown'} x ${cpus.length}`,
    `- memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- os: ${os.type()} ${os.release()}; node ${process.version}`,
  ];
}

const resultsFile = path.join(here, 'results.md');
const previous = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '';
const sections = new Map<string, string>();
for (const block of previous.split(/^## /m).slice(1)) {
  const title = block.split('\n', 1)[0] ?? '';
  if (title !== 'Machine') sections.set(title, `## ${block.trimEnd()}\n`);
}

function writeResults() {
  const out = ['# Benchmark results', '', '## Machine', '', ...machine(), '', ...sections.values()].join(
    '\n',
  );
  writeFileSync(resultsFile, out);
}

/** The section's text with one `### subsection` replaced by (or given) these lines. */
function withSubsection(section: string, subsection: string, lines: string[]): string {
  const block = `### ${subsection}\n\n${lines.join('\n')}\n`;
  const parts = section.trimEnd().split(/^(?=### )/m);
  const at = parts.findIndex((part) => part.split('\n', 1)[0] === `### ${subsection}`);
  if (at === -1) parts.push(block);
  else parts[at] = block;
  return `${parts.map((part) => part.trimEnd()).join('\n\n')}\n`;
}

// Figures are written after each bench, so one that fails later does not lose the others'.
for (const file of files) {
  console.log(`bench: ${file}`);
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as {
    default: () => Promise<BenchSection[]>;
  };
  for (const section of await mod.default()) {
    const before = sections.get(section.title);
    sections.set(
      section.title,
      section.subsection
        ? withSubsection(before ?? `## ${section.title}\n`, section.subsection, section.lines)
        : `## ${section.title}\n\n${section.lines.join('\n')}\n`,
    );
    console.log(`## ${section.title}\n${section.lines.join('\n')}\n`);
  }
  writeResults();
}
console.log(`bench: figures written to ${path.relative(process.cwd(), resultsFile)}`);

// Builds what `pnpm start` runs, and only what changed since the last build:
// - the web app (Vite) into apps/web/dist;
// - the server (esbuild bundles of the API and the publisher) into apps/api/dist and apps/publisher/dist.
// Each output keeps a stamp: the sha256 of every input file's path and content. An unchanged tree
// costs one hashing pass (tens of milliseconds) instead of a 20 s web build.
// Plain JavaScript on purpose: it runs before anything is compiled, with no loader.
// See docs/decisions/0092-compiled-server-runtime.md.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleServer } from './bundle-server.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'test', 'e2e', 'coverage']);

function listFiles(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, out);
    else if (!entry.name.includes('.test.')) out.push(full);
  }
  return out;
}

/** sha256 over the relative path and content of every file under `inputs` (dirs or files). */
export function hashInputs(inputs) {
  const hash = createHash('sha256');
  const files = inputs.flatMap((p) => {
    const full = path.join(root, p);
    return existsSync(full) && !full.endsWith('/') && readdirSafe(full) === null ? [full] : listFiles(full);
  });
  for (const file of files.sort()) {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function readdirSafe(p) {
  try {
    return readdirSync(p);
  } catch {
    return null;
  }
}

const shared = ['packages', 'pnpm-lock.yaml', 'tsconfig.json'];
const targets = {
  web: {
    inputs: ['apps/web', ...shared],
    stamp: 'apps/web/dist/.build-stamp',
    build() {
      // `vite build` alone: the OpenAPI types (`pnpm --filter @cadence/web build`) are a
      // development step, committed, and never needed to serve the app.
      const vite = path.join(root, 'apps/web/node_modules/.bin/vite');
      const r = spawnSync(vite, ['build', '--logLevel', 'error'], {
        cwd: path.join(root, 'apps/web'),
        stdio: 'inherit',
      });
      if (r.status !== 0) throw new Error(`web build failed (exit ${r.status})`);
    },
  },
  server: {
    inputs: ['apps/api/src', 'apps/publisher/src', 'tools/build', ...shared],
    stamp: 'apps/api/dist/.build-stamp',
    async build() {
      for (const dir of ['apps/api/dist', 'apps/publisher/dist']) {
        rmSync(path.join(root, dir), { recursive: true, force: true });
      }
      await bundleServer(root);
    },
  },
};

/** Builds each named target whose inputs changed; returns what it did, per target. */
export async function buildIfChanged(names) {
  const done = {};
  for (const name of names) {
    const target = targets[name];
    const stampFile = path.join(root, target.stamp);
    const hash = hashInputs(target.inputs);
    const previous = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : null;
    if (previous === hash) {
      done[name] = 'unchanged';
      continue;
    }
    const started = Date.now();
    console.log(`Building the ${name === 'web' ? 'web app' : 'server'}…`);
    await target.build();
    writeFileSync(stampFile, `${hash}\n`);
    done[name] = `built in ${((Date.now() - started) / 1000).toFixed(1)} s`;
  }
  return done;
}

// `node tools/build/build.mjs [web] [server]` (both by default).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2).filter((n) => n in targets);
  await buildIfChanged(names.length > 0 ? names : ['web', 'server']);
}

// esbuild bundles of the server: Cadence's own TypeScript (apps and @cadence/* packages) is
// bundled; every npm dependency stays an ordinary import of its installed files.
// pnpm gives each package only its own dependencies, so a bare import such as `node-cron` (a
// dependency of the publisher) would not resolve from apps/api/dist. Each dependency import is
// therefore resolved at build time from the file that wrote it, exactly as Node would at run time,
// and written into the bundle as a relative path to that installed file.
import { isBuiltin } from 'node:module';
import path from 'node:path';
import * as esbuild from 'esbuild';

function dependenciesByPath(outdir) {
  return {
    name: 'dependencies-by-path',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData?.resolving || isBuiltin(args.path) || args.path.startsWith('@cadence/')) return;
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: { resolving: true },
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        const relative = path.relative(outdir, resolved.path).split(path.sep).join('/');
        return { path: relative.startsWith('.') ? relative : `./${relative}`, external: true };
      });
    },
  };
}

// Output directories are three levels below the repository root, like the sources they replace
// (apps/api/src, packages/db/src): paths computed from import.meta.url (migrations, web app) hold.
const bundles = [
  {
    outdir: 'apps/api/dist',
    entryPoints: { main: 'apps/api/src/main.ts', server: 'apps/api/src/server.ts' },
  },
  { outdir: 'apps/publisher/dist', entryPoints: { main: 'apps/publisher/src/main.ts' } },
];

export async function bundleServer(root) {
  for (const bundle of bundles) await bundleEntries(root, bundle.entryPoints, bundle.outdir);
}

/**
 * Bundles TypeScript entry points the way the server is bundled. Also used by the benches to start
 * the publisher's test fixture as compiled code, since that is what a user runs.
 */
export async function bundleEntries(root, entryPoints, outdirFromRoot) {
  const outdir = path.join(root, outdirFromRoot);
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(
      Object.entries(entryPoints).map(([name, file]) => [name, path.join(root, file)]),
    ),
    outdir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Node's own resolution: no "module" condition that Node would not use.
    conditions: [],
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [dependenciesByPath(outdir)],
  });
}

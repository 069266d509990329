// Types of bundle-server.mjs for the TypeScript that calls it (the benches).
export function bundleServer(root: string): Promise<void>;
export function bundleEntries(
  root: string,
  entryPoints: Record<string, string>,
  outdirFromRoot: string,
): Promise<void>;

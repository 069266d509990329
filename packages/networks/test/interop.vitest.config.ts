// Only for `pnpm test:bluesky-pds` (tools/bluesky-pds/run-interop.mjs), which starts the PDS.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/networks/test/bluesky.pds.interop.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

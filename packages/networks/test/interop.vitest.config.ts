// Only for `pnpm test:bluesky-pds` (tools/bluesky-pds/run-interop.mjs), which starts the PDS.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/networks/test/bluesky.pds.interop.ts', 'apps/api/test/inbox-bluesky.pds.interop.ts'],
    // The inbox case builds Cadence on a test database, as the node project does.
    globalSetup: ['./test/global-setup.ts'],
    fileParallelism: false,
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Pure rules beside their source: no database, no global setup (`pnpm test:unit`, seconds).
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.browser.test.ts'],
          environment: 'node',
          // Property tests run hundreds of cases; a loaded CI machine must not turn them into timeouts.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'node',
          include: ['packages/*/test/**/*.test.ts', 'apps/api/**/*.test.ts', 'apps/publisher/**/*.test.ts'],
          // The fault-injection suite restarts the PostgreSQL server: it runs alone (project "faults").
          exclude: [
            '**/node_modules/**',
            '**/*.browser.test.ts',
            'apps/publisher/test/fault-injection.test.ts',
          ],
          environment: 'node',
          globalSetup: ['./test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'faults',
          include: ['apps/publisher/test/fault-injection.test.ts'],
          environment: 'node',
          globalSetup: ['./test/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          // Rendering with jsdom on a loaded CI machine can pass 5 s; a real hang still fails.
          testTimeout: 30_000,
          setupFiles: ['./apps/web/src/test/setup.ts'],
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

// Two projects so a run of unit tests alone never starts PostgreSQL: a project's global setup runs
// only when some of its files are run.
export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // One throwaway PostgreSQL server for the run; every test copies its own database on it.
          globalSetup: ['test/support/postgres-global-setup.ts'],
          // Test databases are dropped by the tests; the server goes at the end of the run.
          hookTimeout: 30_000,
        },
      },
    ],
  },
});

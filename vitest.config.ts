import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src-*/**/*.test.ts', 'dev/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/lint/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The server bundle the integration tests spawn (tests/integration/sync/support/server-process.ts).
    globalSetup: ['tests/integration/support/build-server.global-setup.ts'],
  },
});

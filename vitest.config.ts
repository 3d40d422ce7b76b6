import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Tests that open SQLite files or spawn the bot use their own temp dirs; files run in parallel.
    pool: 'forks',
  },
});

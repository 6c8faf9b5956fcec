import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * `npm run test:unit`: the core and adapter tests, which need neither a built service nor a
 * seeded server (no global build step), for a fast loop while working on the core.
 */
export default defineConfig({
  root: join(import.meta.dirname, '..'),
  test: {
    include: ['test/core/**/*.test.ts', 'test/adapters/**/*.test.ts', 'test/http/csv.test.ts', 'test/http/serializer.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
  },
});

import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * `npm run test:unit`: the core and adapter tests, which need neither a built service nor a
 * seeded server (no global build step), for a fast loop while working on the core.
 */
export default defineConfig({
  root: join(import.meta.dirname, '..'),
  test: {
    // test/runtime/backup.test.ts starts the service and runs the backup command: it runs with the
    // whole suite (vitest.config.ts), after the global build and seeding (here it seeded the fixture
    // data itself: ~145 s of a ~180 s run under load).
    exclude: ['test/runtime/backup.test.ts'],
    include: ['test/config.test.ts', 'test/deploy/**/*.test.ts', 'test/core/**/*.test.ts', 'test/adapters/**/*.test.ts', 'test/runtime/**/*.test.ts', 'test/http/csv.test.ts', 'test/http/serializer.test.ts', 'test/http/window-counts.test.ts'],
    pool: 'forks',
    // Files share their worker's module cache (the core keeps no state between tests that matters:
    // each test opens its own database, index and directory): module loading drops from ~10 s of the
    // run to ~2 s, and the whole run from ~29 s to ~17 s on 2 cores.
    isolate: false,
    testTimeout: 60_000,
  },
});

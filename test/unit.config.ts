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
    // Also left to the whole suite: the slow files of real parts whose code rarely changes in a core loop —
    // the upgrade from every earlier schema (~60 s), the full ESCO taxonomy read three ways (~47 s), and the
    // PostgreSQL cluster tests (failover, two nodes, change feed, leadership: ~35 s). The PostgreSQL
    // contract suites stay here: every adapter change runs them on both engines.
    exclude: [
      'test/runtime/backup.test.ts',
      // It opens a copy of the seeded data directory (test/global-setup.ts makes it for the whole suite).
      'test/runtime/rederivation.test.ts',
      'test/adapters/sqlite/upgrade.test.ts',
      'test/adapters/taxonomy/esco-csv.test.ts',
      'test/core/taxonomy/extraction-esco.test.ts',
      'test/core/taxonomy/titles-esco.test.ts',
      // The same rule on the curated test taxonomy runs here (test/core/gaps/own-work.test.ts); on full ESCO, ~1 s of CPU to read it.
      'test/core/gaps/own-work-esco.test.ts',
      // The shipped model through the real loading code (~1 s to load it and its library): the
      // embedder adapter's own test runs here on the tiny generated model (embedders/transformers.test.ts).
      'test/adapters/embedders/shipped-model.test.ts',
      // The test helper's own test: it starts a third cluster (initdb) to see it stopped and removed.
      'test/adapters/postgres/cluster.test.ts',
      'test/adapters/postgres/failover.test.ts',
      'test/adapters/postgres/change-feed.test.ts',
      'test/adapters/postgres/leadership.test.ts',
      'test/runtime/nodes.test.ts',
      'test/runtime/demo.test.ts',
    ],
    include: ['test/config.test.ts', 'test/architecture/**/*.test.ts', 'test/deploy/**/*.test.ts', 'test/core/**/*.test.ts', 'test/adapters/**/*.test.ts', 'test/runtime/**/*.test.ts', 'test/http/csv.test.ts', 'test/http/serializer.test.ts', 'test/http/window-counts.test.ts'],
    pool: 'forks',
    // Two files at a time on 2 cores, as the whole suite (vitest.config.ts): vitest's default is one
    // fewer than the cores, so on 2 cores every file ran one after another in a single worker.
    maxWorkers: 2,
    // Files share their worker's module cache (the core keeps no state between tests that matters:
    // each test opens its own database, index and directory): module loading drops from ~10 s of the
    // run to ~2 s, and the whole run from ~29 s to ~17 s on 2 cores.
    isolate: false,
    testTimeout: 60_000,
    // A worker's first PostgreSQL suite starts its cluster in a beforeAll (initdb, pg_ctl start): under
    // load that took more than vitest's default 10 s and the suite's PostgreSQL half was skipped.
    hookTimeout: 60_000,
  },
});

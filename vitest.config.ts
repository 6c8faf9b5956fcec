import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    pool: 'forks',
    // Two test files at a time on 2 cores (vitest's default is one fewer than the cores): most files
    // wait on child processes, the browser or the disk part of the time; the whole run drops from
    // ~7.3 to ~5 minutes. Slow files keep a margin under their timeouts (the slowest test, axe, ~35 s of 60).
    maxWorkers: 2,
    // Files share their worker's module cache (as in test/unit.config.ts): every test opens its own
    // data directory, database, indexes and server; loading the model runtime and the app once per
    // worker instead of once per file. The one state kept on purpose: the taxonomy's normaliser,
    // shared by the services a worker starts on the same taxonomy files and model
    // (shareNormalizers in test/helpers/service.ts: ~6 s of CPU saved per start after the first).
    isolate: false,
    globalSetup: ['./test/global-setup.ts'],
    // The slowest tests (the fuzzer, log scrubbing, a disk filling up, ESCO derivation through HTTP)
    // took 35–50 s of 60 on an idle 2-core CI run and timed out on a loaded one: 120 s keeps a margin.
    testTimeout: 120_000,
    // expect.poll waits up to 30 s (vitest's default is 1 s): a save through the web app under CI's load
    // took longer than a second to show in the store (test/web/pay-subsidy.test.ts failed so on a loaded run).
    expect: { poll: { timeout: 30_000 } },
    hookTimeout: 120_000,
  },
});

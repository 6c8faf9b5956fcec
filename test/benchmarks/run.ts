import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CURATED_TEST_TAXONOMY, removeDir, ROOT, tempDir } from '../helpers/service.js';

/**
 * Runs a benchmark script at smoke size (the lexical embedder unless the script loads the model
 * itself), so that the scripts cannot rot; the real runs are `npm run bench:*`. One test file per
 * script, so that the suite runs them side by side.
 */
export function runBenchmark(script: string, ...args: string[]) {
  return run(script, args, {});
}

/**
 * Runs a benchmark script at smoke size as runBenchmark does, its engine or service on the curated test
 * taxonomy (fixtures/taxonomy, in the same ESCO CSV format): for the scripts whose code paths are the same
 * on any taxonomy. Each start on ESCO reads it and indexes its labels (~5 s of CPU, ~14 s on busy cores)
 * and a first start embeds its labels; a smoke run starts up to six times. The scripts' real runs, and
 * the smoke runs of the scripts that measure the taxonomy itself, stay on ESCO.
 */
export function runBenchmarkOnCuratedTaxonomy(script: string, ...args: string[]) {
  return run(script, args, CURATED_TEST_TAXONOMY);
}

function run(script: string, args: string[], env: Record<string, string>) {
  const out = tempDir('kohtaanto-bench-smoke-');
  const result = spawnSync(process.execPath, ['--import', 'tsx', join('benchmarks', script), '--out', out, ...args], {
    cwd: ROOT,
    env: { ...process.env, KOHTAANTO_EMBEDDER: 'lexical', ...env },
    encoding: 'utf8',
    timeout: 240_000,
  });
  const files = readdirSync(out);
  const json = files.length === 1 ? JSON.parse(readFileSync(join(out, files[0]!), 'utf8')) : undefined;
  removeDir(out);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, json };
}

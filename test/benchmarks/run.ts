import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeDir, ROOT, tempDir } from '../helpers/service.js';

/**
 * Runs a benchmark script at smoke size (the lexical embedder unless the script loads the model
 * itself), so that the scripts cannot rot; the real runs are `npm run bench:*`. One test file per
 * script, so that the suite runs them side by side.
 */
export function runBenchmark(script: string, ...args: string[]) {
  const out = tempDir('kohtaanto-bench-smoke-');
  const result = spawnSync(process.execPath, ['--import', 'tsx', join('benchmarks', script), '--out', out, ...args], {
    cwd: ROOT,
    env: { ...process.env, KOHTAANTO_EMBEDDER: 'lexical' },
    encoding: 'utf8',
    timeout: 240_000,
  });
  const files = readdirSync(out);
  const json = files.length === 1 ? JSON.parse(readFileSync(join(out, files[0]!), 'utf8')) : undefined;
  removeDir(out);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, json };
}

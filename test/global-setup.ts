import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { removeDir, ROOT, seedDataDir, tempDir } from './helpers/service.js';

/** A command run from the project root, its output shown; resolves when it exits 0. */
function run(what: string, command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${what} failed (${signal ?? `exit ${code}`})`))));
  });
}

const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

/**
 * Before any test, side by side: type-checks everything (the service, the tests, the benchmarks and
 * the web app), builds dist/ for the tests that start the service as `npm start` does, and seeds the
 * fixture data set once into a data directory that the tests starting a seeded service copy. A type
 * error or a failed build fails the run.
 *
 * The build is `npm run build`'s two steps, its tsc with `--noCheck`: tsconfig.build.json extends
 * tsconfig.json and holds only src/, which the first type-check checks with the same options, so the
 * build's own check of src/ was done twice (18 s of CPU of the build's 24 s; the emitted dist/ is
 * byte for byte the same).
 */
export default async function setup(project: TestProject) {
  const seeded = tempDir('kohtaanto-seeded-');
  await Promise.all([
    run('type-check (tsconfig.json)', process.execPath, [TSC, '--noEmit', '-p', 'tsconfig.json']),
    run('type-check (src/web/tsconfig.json)', process.execPath, [TSC, '--noEmit', '-p', join('src', 'web', 'tsconfig.json')]),
    run('build (tsconfig.build.json, checked above)', process.execPath, [TSC, '-p', 'tsconfig.build.json', '--noCheck']),
    run('build (the web app)', process.execPath, [VITE, 'build', '--config', join('src', 'web', 'vite.config.ts')]),
    seedDataDir(seeded),
  ]);
  project.provide('seededDataDir', seeded);
  return () => removeDir(seeded);
}

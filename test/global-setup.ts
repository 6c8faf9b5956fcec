import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { removeDir, seedDataDir, tempDir } from './helpers/service.js';

/** `npm run build` in a child process, resolved when it succeeded. */
function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '--silent'], { cwd: join(import.meta.dirname, '..'), stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`npm run build failed (${signal ?? `exit ${code}`})`))));
  });
}

/**
 * Builds dist/ once, for the tests that start the service as `npm start` does, and meanwhile seeds
 * the fixture data set once into a data directory that the tests starting a seeded service copy.
 */
export default async function setup(project: TestProject) {
  const seeded = tempDir('kohtaanto-seeded-');
  await Promise.all([build(), seedDataDir(seeded)]);
  project.provide('seededDataDir', seeded);
  return () => removeDir(seeded);
}

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { removeDir, seedDataDir, tempDir } from './helpers/service.js';

/**
 * Builds dist/ once, for the tests that start the service as `npm start` does, and seeds the
 * fixture data set once into a data directory that the tests starting a seeded service copy.
 */
export default async function setup(project: TestProject) {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: join(import.meta.dirname, '..'), stdio: 'inherit' });
  const seeded = tempDir('kohtaanto-seeded-');
  await seedDataDir(seeded);
  project.provide('seededDataDir', seeded);
  return () => removeDir(seeded);
}

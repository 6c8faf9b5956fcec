import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the tests find the project's files, and throw-away directories: for any test, without the
 * engine or the HTTP app (test/helpers/service.ts, which starts them, re-exports these).
 */
export const ROOT = join(import.meta.dirname, '..', '..');
/** The English ESCO v1.1.1 export the project receives beside it (`../shared/esco`; read-only, never copied). */
export const SHARED_ESCO = join(ROOT, '..', 'shared', 'esco');

export const FIXTURES = join(ROOT, 'fixtures');
export const TINY_MODEL_DIR = join(FIXTURES, 'models');
export const TINY_MODEL = 'kohtaanto-tiny-bert';
/**
 * The curated test taxonomy (fixtures/taxonomy: 209 skills, 128 occupations), a test double for tests
 * that need a tiny taxonomy or whose assertions still name its concepts. The service's default (and
 * every other test's) is ESCO with the local extension.
 */
export const CURATED_TEST_TAXONOMY = { KOHTAANTO_TAXONOMY_DIR: join(FIXTURES, 'taxonomy'), KOHTAANTO_TAXONOMY_EXTENSION: '' };
/** The committed model, loaded as a fresh clone loads it. */
export const SHIPPED_MODEL_DIR = join(ROOT, 'models');
export const SHIPPED_MODEL = 'kohtaanto-jobs-fi-sv-en';

export function tempDir(prefix = 'kohtaanto-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

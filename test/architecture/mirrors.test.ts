import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import unit from '../unit.config.js';

/**
 * Issue 30: test/ mirrors src/, and every core file has a unit test of its own at the mirrored path
 * (src/core/a/b.ts → test/core/a/b.test.ts), so that a newcomer finds a module's tests where the
 * module is and a core file never goes untested but for the suites that boot the whole service.
 */
const ROOT = join(import.meta.dirname, '..', '..');

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );

/** Where the unit test of a source file belongs: the same path under test/, `.test.ts` for `.ts`. */
export const mirrorOf = (source: string): string => join('test', relative('src', source)).replace(/\.ts$/, '.test.ts');

describe('test/ mirrors src/core/', () => {
  it('places a file\'s test at the mirrored path', () => {
    expect(mirrorOf(join('src', 'core', 'oversight', 'noised-shares.ts')).split(sep).join('/')).toBe('test/core/oversight/noised-shares.test.ts');
    expect(mirrorOf(join('src', 'core', 'fields.ts')).split(sep).join('/')).toBe('test/core/fields.test.ts');
  });

  it('has a unit test for every core file', () => {
    const files = sources(join(ROOT, 'src', 'core')).map((f) => relative(ROOT, f));
    const untested = files.filter((f) => !existsSync(join(ROOT, mirrorOf(f)))).map((f) => f.split(sep).join('/'));
    expect(files.length).toBeGreaterThan(100); // the walk found the core
    expect(untested, 'core files without a test at the mirrored path (src/core/x.ts → test/core/x.test.ts)').toEqual([]);
  });

  it('runs every core file\'s test in the unit tier (`npm run test:unit`, test/unit.config.ts), not only in the whole suite', () => {
    const { include = [], exclude = [] } = unit.test ?? {};
    expect(include).toContain('test/core/**/*.test.ts');
    const tests = sources(join(ROOT, 'src', 'core')).map((f) => mirrorOf(relative(ROOT, f)).split(sep).join('/'));
    expect(tests.filter((t) => exclude.includes(t)), 'mirrored core tests left out of test/unit.config.ts').toEqual([]);
  });
});

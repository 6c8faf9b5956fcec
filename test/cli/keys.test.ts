import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/service.js';

/** `npm run keys -- ARGS` as package.json runs it (the service is built by the global setup: no rebuild). */
const keys = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'run-built.mjs'), 'keys', ...args], {
    cwd: ROOT,
    env: { ...process.env, KOHTAANTO_DATA_DIR: tempDir() },
    encoding: 'utf8',
  });

describe('npm run keys (issue 32: usage, no stack traces, no rebuild on every call)', () => {
  it('prints the usage with the organisation kinds and the roles each kind holds on --help', () => {
    const help = keys('--help');
    expect(help.status).toBe(0);
    expect(help.stderr).not.toContain('building');
    for (const kind of ['employment-area', 'employer-services', 'planning', 'national']) expect(help.stdout).toContain(kind);
    expect(help.stdout).toMatch(/employer-service +employer-services/);
    expect(help.stdout).toMatch(/planner +planning, employment-area, national/);
    expect(keys('help').stdout).toBe(help.stdout);
  });

  it('answers bad arguments with what is wrong and the usage, exit 2, never a stack trace', () => {
    for (const [args, said] of [
      [['--bogus'], /Unknown option '--bogus'/],
      [['create', '--role'], /'--role <value>' argument missing/],
      [['frobnicate'], /unknown command 'frobnicate'/],
      [['create', '--role', 'boss', '--org', 'x', '--name', 'y'], /--role: .*counsellor/],
      [['create', '--role', 'counsellor', '--org', 'x', '--name', 'y', '--days', 'many'], /--days: /],
      [[], /usage: npm run keys/],
    ] as const) {
      const run = keys(...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr + run.stdout).toMatch(said);
      expect(run.stderr, args.join(' ')).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
  });
});

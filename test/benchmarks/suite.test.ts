import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../helpers/service.js';
import { runBenchmark } from './run.js';

/** A benchmark script as the suite expects one: a table on stdout, one JSON file in --out. */
const TINY = `import { writeFileSync } from 'node:fs';
const out = process.argv[process.argv.indexOf('--out') + 1];
console.log('Tiny\\n\\n| measure | value |\\n|---|---|\\n| answer | 42 |\\n');
writeFileSync(out + '/tiny.json', JSON.stringify({ rows: [{ measure: 'answer', value: 42 }] }));
console.log('wrote ' + out + '/tiny.json');
`;

describe('benchmarks/suite.ts', () => {
  it('runs the scripts it is given and writes the combined JSON and Markdown', () => {
    const dir = tempDir();
    const tiny = join(dir, 'tiny.ts');
    writeFileSync(tiny, TINY);
    const r = runBenchmark('suite.ts', '--quick', '--only', 'none', '--script', `tiny:${tiny}`);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('## tiny');
    expect(r.stdout).toContain('| answer | 42 |');
    expect(r.stdout).toMatch(/wrote \S+\.json and \S+\.md/);
    removeDir(dir);
  });

  it('fails when a script crashes (a native abort) or writes no results', () => {
    const dir = tempDir();
    const crash = join(dir, 'crash.ts');
    writeFileSync(crash, "process.kill(process.pid, 'SIGABRT');\n");
    const silent = join(dir, 'silent.ts');
    writeFileSync(silent, "console.log('| a | b |');\n");
    const r = runBenchmark('suite.ts', '--quick', '--only', 'none', '--script', `crash:${crash}`, '--script', `silent:${silent}`);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('crash failed: killed by SIGABRT');
    expect(r.stderr).toContain('silent failed: exit 0, no results written');
    removeDir(dir);
  });
});

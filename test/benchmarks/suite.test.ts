import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../helpers/service.js';
import { runBenchmark } from './run.js';

describe('benchmarks/suite.ts at smoke size', () => {
  it('suite: runs the scripts it is given and writes the combined JSON and Markdown', () => {
    const r = runBenchmark('suite.ts', '--quick', '--only', 'embedding');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('## embedding');
  });

  it('suite: fails when a script crashes (a native abort) or writes no results', () => {
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

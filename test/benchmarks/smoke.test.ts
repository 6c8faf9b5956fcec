import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeDir, ROOT, tempDir } from '../helpers/service.js';

/** Tiny runs of every benchmark script, so that they cannot rot; the real runs are `npm run bench:*`. */
function run(script: string, ...args: string[]) {
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

describe('benchmark scripts (smoke sizes)', () => {
  it('engine: start, match latency, HNSW against exact scan', () => {
    const r = run('engine.ts', '--extra', '200', '--queries', '5');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('| measure | value | unit |');
    expect(r.json.rows.some((row: { measure: string }) => row.measure.startsWith('HNSW recall@10'))).toBe(true);
  });

  it('gaps: latency in steady state, while publishing, after an import, and the baseline', () => {
    const r = run('gaps.ts', '--vacancies', '2500', '--clients', '3');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.rows).toHaveLength(8);
  });

  it('skills: extraction and ranking against their baselines', () => {
    const r = run('skills.ts', '--occupations', '5');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.extraction.length).toBe(8);
  });
});

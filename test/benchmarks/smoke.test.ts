import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('analytics: demand vs supply, mismatch summary and training plan per area', () => {
    const r = run('analytics.ts', '--vacancies', '2500', '--jobseekers', '2500', '--repeat', '1');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.rows).toHaveLength(19);
  });

  it('oversight: the exposure report from decisions and by replay, beside the occupations report', () => {
    const r = run('oversight.ts', '--vacancies', '2500', '--jobseekers', '2500', '--decisions', '60', '--sample', '30', '--repeat', '1');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.rows).toHaveLength(3);
    expect(r.json.rows[2].decisions.rankings).toBeGreaterThan(0);
  });

  it('vectors: HNSW against exact search, filtered search, build size', () => {
    const r = run('vectors.ts', '--sizes', '2000', '--queries', '20', '--efs', '16,64');
    expect(r.status, r.stderr).toBe(0);
    const hnsw = r.json.rows.filter((row: { search: string }) => row.search === 'HNSW');
    expect(hnsw).toHaveLength(4); // k=10 at ef 16 and 64, k=50 at ef 50 (raised to k) and 64
    for (const row of hnsw) expect(row.recallAt10).toBeGreaterThan(0.9);
  });

  it('embedding: throughput per batch size, in the main thread and (lexical) in workers', () => {
    const r = run('embedding.ts', '--texts', '20');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.rows).toHaveLength(14);
    for (const row of r.json.rows) expect(row.textsPerSecond).toBeGreaterThan(0);
  });

  it('http: ingest and matches under load against the service it starts', () => {
    const r = run('http.ts', '--ingest', '500', '--seconds', '1', '--connections', '2', '--workers', '2');
    expect(r.status, r.stderr).toBe(0);
    const load = r.json.rows.filter((row: { requestsPerSecond?: number }) => row.requestsPerSecond !== undefined);
    // three kinds of match and the trivial route beside them, with two workers and with one process
    expect(load.map((row: { measure: string }) => /\((2 workers|1 process, baseline)\)$/.exec(row.measure)?.[1])).toEqual([
      ...Array(4).fill('2 workers'),
      ...Array(4).fill('1 process, baseline'),
    ]);
    for (const row of load) expect([row.requestsPerSecond > 0, row.errors, row.cpuPerRequestMs >= 0]).toEqual([true, 0, true]);
    const restarts = r.json.rows.filter((row: { measure: string }) => row.measure.startsWith('restart'));
    expect(restarts.map((row: { measure: string }) => /caught up|full rebuild/.exec(row.measure)?.[0])).toEqual(['caught up', 'full rebuild']);
    // Caught up from the change log, the index holds exactly what a full rebuild from SQLite holds.
    expect(restarts[0].vacancies.indexed).toBeGreaterThan(500);
    for (const row of restarts) expect(row.seconds).toBeLessThanOrEqual(row.currentIndexSeconds);
    expect(restarts[0].vacancies).toEqual(restarts[1].vacancies);
  });

  it('import: JobPostings through npm run import against the bulk baseline, again, and a tenth of the file', () => {
    const r = run('import.ts', '--records', '300');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.rows).toHaveLength(4);
    expect(r.json.rows[1].summary).toContain('300 read, 300 created');
    expect(r.json.rows[2].summary).toContain('300 unchanged');
  });

  it('suite: runs the scripts it is given and writes the combined JSON and Markdown', () => {
    const r = run('suite.ts', '--quick', '--only', 'embedding');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('## embedding');
  });

  it('suite: fails when a script crashes (a native abort) or writes no results', () => {
    const dir = tempDir();
    const crash = join(dir, 'crash.ts');
    writeFileSync(crash, "process.kill(process.pid, 'SIGABRT');\n");
    const silent = join(dir, 'silent.ts');
    writeFileSync(silent, "console.log('| a | b |');\n");
    const r = run('suite.ts', '--quick', '--only', 'none', '--script', `crash:${crash}`, '--script', `silent:${silent}`);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('crash failed: killed by SIGABRT');
    expect(r.stderr).toContain('silent failed: exit 0, no results written');
  });

  it('model: held-out retrieval against hashing and BM25, concept search, throughput', () => {
    const r = run('model.ts', '--limit', '10', '--texts', '40');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.rows.map((row: { task: string }) => row.task)).toContain('occupation fi→en');
    for (const row of r.json.rows) expect(row.model.r1).toBeGreaterThanOrEqual(0);
    expect(r.json.search).toHaveLength(2);
    expect(r.json.throughput).toHaveLength(8);
  });

  it('quality: labelled match set and taxonomy search against their baselines', () => {
    const r = run('quality.ts', '--limit', '5', '--concepts', '400');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.matches.set.jobseekers).toBeGreaterThanOrEqual(40);
    expect(r.json.matches.set.vacancies).toBeGreaterThanOrEqual(120);
    const rankings = r.json.matches.rows.map((row: { ranking: string }) => row.ranking);
    expect(rankings).toEqual(expect.arrayContaining([expect.stringMatching(/Kohtaanto/), expect.stringMatching(/text only/), expect.stringMatching(/BM25/)]));
    for (const row of r.json.matches.rows.filter((row: { ranking: string }) => row.ranking.startsWith('Kohtaanto'))) {
      expect(row.clientToVacancies.expiredReturned).toBe(0);
    }
    expect(r.json.taxonomy.rows.length).toBe(9);
  }, 240_000);

  it('skills: extraction and ranking against their baselines', () => {
    const r = run('skills.ts', '--occupations', '5');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.extraction.length).toBe(8);
  });
});

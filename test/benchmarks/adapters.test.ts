import { describe, expect, it } from 'vitest';
import { runBenchmark } from './run.js';

describe('benchmarks/adapters.ts at smoke size', () => {
  it('adapters: times a cluster start and each adapter operation on SQLite and PostgreSQL', () => {
    const r = runBenchmark('adapters.ts', '--changes', '50', '--starts', '1');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.starts).toHaveLength(1);
    expect(r.json.rows.map((row: { engine: string }) => row.engine.split(' ')[0])).toEqual([...Array(4).fill('SQLite'), ...Array(4).fill('PostgreSQL')]);
    for (const row of r.json.rows) expect(row.ops).toBe(50);
  });
});

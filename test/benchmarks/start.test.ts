import { describe, expect, it } from 'vitest';
import { runBenchmark } from './run.js';

describe('benchmarks/start.ts at smoke size', () => {
  it('start: the first start against later ones that read the kept label vectors', () => {
    const r = runBenchmark('start.ts', '--built', '--taxonomy', 'fixtures/taxonomy', '--starts', '2');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.rows).toHaveLength(2);
    for (const row of r.json.rows) expect([row.listeningSeconds > 0, row.taxonomyMs >= 0, row.readyMs > 0]).toEqual([true, true, true]);
  });
});

import { describe, expect, it } from 'vitest';
import { runBenchmark } from './run.js';

describe('benchmarks/skills.ts at smoke size', () => {
  it('skills: extraction and ranking against their baselines', () => {
    const r = runBenchmark('skills.ts', '--occupations', '5');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.extraction.length).toBe(8);
  });
});

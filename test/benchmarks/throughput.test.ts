import { describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../helpers/service.js';
import { runBenchmarkOnCuratedTaxonomy } from './run.js';

describe('benchmarks/throughput.ts at smoke size', () => {
  it('throughput: stored-profile matches per second of the service it starts on a data directory', () => {
    const data = tempDir('kohtaanto-throughput-smoke-'); // empty: the first start loads the fixtures
    try {
      const r = runBenchmarkOnCuratedTaxonomy('throughput.ts', '--built', '--data', data, '--rounds', '1', '--warmup', '1', '--seconds', '1', '--workers', '1');
      expect(r.status, r.stderr).toBe(0);
      expect(r.json.rows).toHaveLength(1);
      const [row] = r.json.rows;
      expect([row.requestsPerSecond > 0, row.cpuMsPerRequest > 0, row.kbPerAnswer > 0, row.errors]).toEqual([true, true, true, 0]);
      expect(r.stdout).toMatch(/\| this tree \([0-9a-f]+/);
    } finally {
      removeDir(data);
    }
  }, 240_000);
});

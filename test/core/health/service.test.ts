import { describe, expect, it } from 'vitest';
import { Health } from '../../../src/core/health/service.js';
import type { Rebuild } from '../../../src/core/health/service.js';

function health(problems: string[], rebuilding?: Rebuild) {
  return new Health({
    embedder: { id: 'lexical', dimension: 384, description: 'n-grams' },
    taxonomy: { id: 'esco', source: '/srv/kohtaanto/taxonomy/esco-1.1.1', skills: new Map([['a', {}]]), occupations: new Map(), languages: ['en', 'fi'] } as never,
    jobseekers: { count: async () => 3, index: { size: 2 } },
    vacancies: { count: async () => 5, index: { size: 5 } },
    storageProblems: () => problems,
    rebuilding: { jobseekers: () => rebuilding, vacancies: () => undefined },
  });
}

describe('Health: what /health answers', () => {
  it('is ok with nothing wrong, and names no server path', async () => {
    expect(await health([]).status()).toEqual({
      status: 'ok',
      embedder: { id: 'lexical', dimension: 384, description: 'n-grams' },
      taxonomy: { id: 'esco', source: 'esco-1.1.1', skills: 1, occupations: 0, languages: ['en', 'fi'] },
      jobseekers: { stored: 3, indexed: 2 },
      vacancies: { stored: 5, indexed: 5 },
    });
  });

  it('is degraded while the disk is short or an index is rebuilt, saying why', async () => {
    const answer = await health(['the data disk has 10 MiB free'], { done: 10, total: 40, secondsLeft: 3 }).status();
    expect(answer.status).toBe('degraded');
    expect(answer.problems).toEqual([
      'the data disk has 10 MiB free',
      'the jobseekers index is being rebuilt from the database: 10 of 40 records, about 3 s left; matching answers 503 until then',
    ]);
  });
});

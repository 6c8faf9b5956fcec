import { describe, expect, it } from 'vitest';
import { Health } from '../../../src/core/health/service.js';
import type { Rebuild, Rederiving } from '../../../src/core/health/service.js';

function health(problems: string[], rebuilding?: Rebuild, rederiving: Rederiving[] = []) {
  return new Health({
    embedder: { id: 'lexical', dimension: 384, description: 'n-grams' },
    taxonomy: { id: 'esco', source: '/srv/kohtaanto/taxonomy/esco-1.1.1', skills: new Map([['a', {}]]), occupations: new Map(), languages: ['en', 'fi'] } as never,
    jobseekers: { count: async () => 3, index: { size: 2 } },
    vacancies: { count: async () => 5, index: { size: 5 } },
    storageProblems: () => problems,
    rebuilding: { jobseekers: () => rebuilding, vacancies: () => undefined },
    rederiving: () => rederiving,
  });
}

describe('Health: what /health answers', () => {
  it('is ok with nothing wrong, names no server path and counts no records', async () => {
    expect(await health([]).status()).toEqual({
      status: 'ok',
      embedder: { id: 'lexical', dimension: 384, description: 'n-grams' },
      taxonomy: { id: 'esco', source: 'esco-1.1.1', skills: 1, occupations: 0, languages: ['en', 'fi'] },
    });
  });

  it('gives admins the stored and indexed records of each kind', async () => {
    expect(await health([]).withCounts()).toMatchObject({
      status: 'ok',
      jobseekers: { stored: 3, indexed: 2 },
      vacancies: { stored: 5, indexed: 5 },
    });
  });

  it('is degraded while the disk is short, an index is rebuilt or records are derived again, saying why: to anyone without a record count', async () => {
    const service = health(['the data disk has 10 MiB free'], { done: 1234, total: 4321, secondsLeft: 3 }, [{ kind: 'vacancies', done: 567 }]);
    const answer = await service.status();
    expect(answer.status).toBe('degraded');
    expect(answer.problems).toEqual([
      'the data disk has 10 MiB free',
      'the jobseekers index is being rebuilt from the database: 28 % done, about 3 s left; matching answers 503 until then',
      'vacancies derived by an earlier taxonomy build are being derived again in the background: until then the rest are matched on the skills and occupations that build read',
    ]);
    expect((await service.withCounts()).problems).toEqual([
      'the data disk has 10 MiB free',
      'the jobseekers index is being rebuilt from the database: 1234 of 4321 records, about 3 s left; matching answers 503 until then',
      'vacancies derived by an earlier taxonomy build are being derived again in the background (567 done): until then the rest are matched on the skills and occupations that build read',
    ]);
  });

  it('never says 100 % before a rebuild ends', async () => {
    const answer = await health([], { done: 999, total: 1000, secondsLeft: 0 }).status();
    expect(answer.problems).toEqual(['the jobseekers index is being rebuilt from the database: 99 % done, about 0 s left; matching answers 503 until then']);
  });
});

import { describe, expect, it } from 'vitest';
import { bestVacancies, candidateIds } from '../../../src/core/matches/rankings.js';
import { hit } from '../../helpers/hits.js';

describe('rankings read for their order', () => {
  it('asks the matcher in Finnish for k, and gives the ids or hits best first', async () => {
    const asked: unknown[] = [];
    const matcher = {
      candidatesForVacancy: async (id: string, q: { k: number; lang: string }) => (asked.push(['candidates', id, q]), [hit('J-2'), hit('J-1')]),
      vacanciesForJobseeker: async (id: string, q: { k: number; lang: string }) => (asked.push(['vacancies', id, q]), [hit('V-1')]),
    };
    expect(await candidateIds(matcher)('V-1', 7)).toEqual(['J-2', 'J-1']);
    expect((await bestVacancies(matcher)('J-1', 3)).map((h) => h.id)).toEqual(['V-1']);
    expect(asked).toEqual([
      ['candidates', 'V-1', { k: 7, lang: 'fi' }],
      ['vacancies', 'J-1', { k: 3, lang: 'fi' }],
    ]);
  });
});

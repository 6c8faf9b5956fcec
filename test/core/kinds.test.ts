import { describe, expect, it } from 'vitest';
import { jobseekerKind, matchableToday, vacancyKind, type Stored } from '../../src/core/kinds.js';
import { jobseekerInput, type Jobseeker } from '../../src/core/jobseekers/schema.js';
import { vacancyInput, type Vacancy } from '../../src/core/vacancies/schema.js';

const jobseeker = jobseekerInput.parse({ id: 'J-1', title: 'hitsaaja', summary: 'Kokenut hitsaaja.', skills: ['MIG-hitsaus', 'TIG-hitsaus'], municipality: '837' });
const vacancy = vacancyInput.parse({ id: 'V-1', title: 'hitsaaja', description: 'Konepaja hakee.', municipality: '837', expiresAt: '2026-12-31' });

describe('record kinds', () => {
  it('embed the title, the skills and the free text, in that order, leaving out what is empty', () => {
    expect(jobseekerKind.documentText(jobseeker)).toBe('hitsaaja\nMIG-hitsaus, TIG-hitsaus\nKokenut hitsaaja.');
    expect(vacancyKind.documentText(vacancy)).toBe('hitsaaja\nKonepaja hakee.');
  });

  it('match active jobseekers and open vacancies not expired and not repeating another', () => {
    expect(jobseekerKind.isMatchable(jobseeker, '2026-12-06')).toBe(true);
    expect(jobseekerKind.isMatchable({ ...jobseeker, status: 'inactive' }, '2026-12-06')).toBe(false);
    expect(vacancyKind.isMatchable(vacancy, '2026-12-31')).toBe(true);
    expect(vacancyKind.isMatchable(vacancy, '2027-01-01')).toBe(false);
    expect(vacancyKind.isMatchable({ ...vacancy, status: 'closed' }, '2026-12-06')).toBe(false);
    expect(vacancyKind.isMatchable({ ...vacancy, normalized: { duplicateOf: 'V-0' } } as Vacancy, '2026-12-06')).toBe(false);
    expect(vacancyKind.isMatchable({ ...vacancy, expiresAt: undefined }, '2099-01-01')).toBe(true);
  });

  it('name themselves in the users\' words', () => {
    expect([jobseekerKind.name, vacancyKind.name]).toEqual(['jobseeker', 'vacancy']);
  });

  it('tell whether a stored record is matchable today', async () => {
    const stored = new Map<string, Stored<Vacancy>>([['V-1', { ...vacancy, region: '06', createdAt: 'x', updatedAt: 'x' }]]);
    const records = (today: string) => ({ find: async (id: string) => stored.get(id), kind: vacancyKind, today: () => today });
    expect(await matchableToday(records('2026-12-06'), 'V-1')).toBe(true);
    expect(await matchableToday(records('2027-01-06'), 'V-1')).toBe(false);
    expect(await matchableToday(records('2026-12-06'), 'V-404')).toBe(false);
  });

  it('bring no concepts into candidate pools before they are derived', () => {
    expect(jobseekerKind.conceptKeys({ ...(jobseeker as Jobseeker), region: '06', createdAt: 'x', updatedAt: 'x' })).toEqual([]);
  });
});

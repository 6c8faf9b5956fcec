import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import { jobseekerInput, type StoredJobseeker } from '../../src/core/jobseekers/schema.js';
import { vacancyInput } from '../../src/core/vacancies/schema.js';
import { matchWithSkills } from '../../src/core/what-if.js';
import { coreServices } from '../helpers/core-services.js';

let services: Awaited<ReturnType<typeof coreServices>>;
let client: StoredJobseeker;

beforeAll(async () => {
  services = await coreServices(fixedClock('2026-12-06T10:00:00Z'));
  client = (await services.jobseekers.create(
    jobseekerInput.parse({ id: 'J-1', title: 'hitsaaja', summary: 'Kokenut hitsaaja, MIG-hitsaus.', skills: ['MIG-hitsaus'], municipality: '837', languages: ['fi'] }),
  )) as StoredJobseeker;
  await services.vacancies.putMany([
    vacancyInput.parse({ id: 'V-TIG', title: 'hitsaaja', description: 'Hitsaaja, MIG-hitsaus ja tulityökortti.', skills: ['MIG-hitsaus', 'tulityökortti'], municipality: '837', employer: 'A Oy' }),
    vacancyInput.parse({ id: 'V-MIG', title: 'hitsaaja', description: 'Hitsaaja, MIG-hitsaus.', skills: ['MIG-hitsaus'], municipality: '837', employer: 'B Oy' }),
  ]);
});

describe('matchWithSkills', () => {
  it('matches the client again, in full, as if the profile held the skills added', async () => {
    const query = { k: 10, lang: 'fi' };
    const before = await services.matcher.vacanciesForJobseeker('J-1', query);
    const after = await matchWithSkills(services, client, ['tulityökortti'], query);
    const of = (hits: typeof before, id: string) => hits.find((h) => h.id === id)!;
    expect(of(before, 'V-TIG').missingSkills.map((s) => s.label)).toEqual(['tulityökortti']);
    expect(of(before, 'V-TIG').parts.essential).toBe(0.5);
    expect(of(after, 'V-TIG').missingSkills).toEqual([]);
    expect(of(after, 'V-TIG').parts.essential).toBe(1);
    expect(of(after, 'V-TIG').score).toBeGreaterThan(of(before, 'V-TIG').score);
    // What the client already covers stays covered.
    expect(of(after, 'V-MIG').parts.essential).toBe(1);
  });

  it('changes nothing stored', async () => {
    await matchWithSkills(services, client, ['tulityökortti'], { k: 10, lang: 'fi' });
    expect(client.skills).toEqual(['MIG-hitsaus']);
    expect((await services.jobseekers.get('J-1')).skills).toEqual(['MIG-hitsaus']);
    expect(((await services.jobseekers.get('J-1')) as StoredJobseeker).normalized.skills.map((s) => s.label)).not.toContain('tulityökortti');
  });
});

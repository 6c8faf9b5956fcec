import { describe, expect, it } from 'vitest';
import { REMOTE } from '../../src/core/concept-index.js';
import { fixedClock } from '../../src/core/clock.js';
import { jobseekerKind, vacancyKind } from '../../src/core/kinds.js';
import { jobseekerInput } from '../../src/core/jobseekers/schema.js';
import { conceptsOf } from '../../src/core/record-concepts.js';
import { vacancyInput } from '../../src/core/vacancies/schema.js';
import { coreServices } from '../helpers/core-services.js';
import { MIG, WELDER, curatedTaxonomy } from '../helpers/taxonomy.js';

/** Records as the core stores them: derived by the curated taxonomy's normaliser (in-memory store), stored once. */
let records: ReturnType<typeof store> | undefined;
const stored = () => (records ??= store());
async function store() {
  const services = await coreServices(fixedClock('2026-12-07T10:00:00Z'));
  await services.vacancies.putMany([
    vacancyInput.parse({ id: 'V-1', title: 'hitsaaja', description: 'Hitsaaja, MIG-hitsaus.', skills: ['MIG-hitsaus'], municipality: '837', employer: 'Konepaja Oy' }),
    vacancyInput.parse({ id: 'V-2', title: 'hitsaaja', description: 'Hitsaaja, MIG-hitsaus.', skills: ['MIG-hitsaus'], municipality: '837', remote: true, employer: 'Etäpaja Oy' }),
  ]);
  await services.jobseekers.putMany([
    jobseekerInput.parse({ id: 'J-1', title: 'hitsaaja', summary: 'Hitsaaja, MIG-hitsaus.', skills: ['MIG-hitsaus'], municipality: '091', languages: ['fi'] }),
  ]);
  return { vacancy: await services.vacancies.get('V-1'), remote: await services.vacancies.get('V-2'), jobseeker: await services.jobseekers.get('J-1') };
}

describe('conceptsOf', () => {
  it("files a vacancy under its occupation, the occupation's ISCO unit group and its essential skills, at its municipality", async () => {
    const { vacancy } = await stored();
    const concepts = conceptsOf(vacancyKind, vacancy);
    expect(concepts.place).toBe('837');
    expect(concepts.keys).toContain(`o:${WELDER}`);
    expect(concepts.keys).toContain(`i:${curatedTaxonomy().occupations.get(WELDER)!.iscoGroup}`);
    expect(concepts.keys).toContain(`s:${MIG}`);
    expect(new Set(concepts.keys).size).toBe(concepts.keys.length);
  });

  it('files a remote vacancy as near everyone, whatever its municipality', async () => {
    const { vacancy, remote } = await stored();
    expect(conceptsOf(vacancyKind, remote).place).toBe(REMOTE);
    expect(conceptsOf(vacancyKind, remote).keys).toEqual(conceptsOf(vacancyKind, vacancy).keys);
  });

  it("files a jobseeker under their occupations and skills at their home municipality", async () => {
    const { jobseeker } = await stored();
    const concepts = conceptsOf(jobseekerKind, jobseeker);
    expect(concepts.place).toBe('091');
    expect(concepts.keys).toContain(`o:${WELDER}`);
    expect(concepts.keys).toContain(`s:${MIG}`);
  });
});

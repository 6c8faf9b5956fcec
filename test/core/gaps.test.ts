import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { SqliteTrainingStore } from '../../src/adapters/sqlite/training-store.js';
import { fixedClock } from '../../src/core/clock.js';
import { DEFAULT_GAP_SETTINGS } from '../../src/config.js';
import { GapAnalysis } from '../../src/core/gaps.js';
import { TrainingAdvisor } from '../../src/core/training-advice.js';
import { jobseekerInput } from '../../src/core/jobseekers/schema.js';
import { TrainingCatalogue } from '../../src/core/trainings.js';
import { trainingInput } from '../../src/core/trainings/schema.js';
import { vacancyInput } from '../../src/core/vacancies/schema.js';
import { coreServices } from '../helpers/core-services.js';

const HOT_WORK = 'urn:kohtaanto:skill:hotWork';
let gaps: GapAnalysis;

/**
 * The gap analysis on the in-memory core services (curated taxonomy, lexical embedder) and the SQLite
 * training catalogue: a welder without the hot-work card, two welding jobs near by requiring it, one
 * that does not, one closed, and a course for the card. (The use case with its guard: gaps/service.test.ts.)
 */
beforeAll(async () => {
  const now = fixedClock('2026-12-06T10:00:00Z');
  const services = await coreServices(now);
  await services.jobseekers.create(
    jobseekerInput.parse({ id: 'J-1', title: 'hitsaaja', summary: 'Hitsaaja, MIG-hitsaus.', skills: ['MIG-hitsaus'], municipality: '837', languages: ['fi'] }),
  );
  const job = (id: string, skills: string[], fields: Record<string, unknown> = {}) =>
    vacancyInput.parse({ id, title: 'hitsaaja', description: `Hitsaaja: ${skills.join(', ')}.`, skills, municipality: '837', employer: `${id} Oy`, ...fields });
  await services.vacancies.putMany([
    job('V-1', ['MIG-hitsaus', 'tulityökortti']),
    job('V-2', ['MIG-hitsaus', 'tulityökortti'], { municipality: '536' }),
    job('V-MIG', ['MIG-hitsaus']),
    job('V-CLOSED', ['MIG-hitsaus', 'tulityökortti'], { status: 'closed' }),
  ]);
  const catalogue = await TrainingCatalogue.open(new SqliteTrainingStore(openDatabase(':memory:')), services.normalizer, 10, now);
  await catalogue.putMany([
    trainingInput.parse({ id: 'T-HOT', title: 'Tulityökurssi', description: 'Tulityökortti.', provider: 'Tredu', kind: 'licence-or-card', municipality: '837', durationDays: 1, cost: 150, skills: ['tulityökortti'] }),
  ]);
  const settings = { ...DEFAULT_GAP_SETTINGS, suitableScore: 0.3 };
  const advisor = new TrainingAdvisor(catalogue, services.normalizer, settings.rules, settings.reachKm, settings.trainingsPerSkill);
  gaps = new GapAnalysis(services.jobseekers, services.vacancies, services.matcher, services.normalizer, advisor, services.embedder, settings, now);
});

describe('GapAnalysis.forJobseeker', () => {
  it('ranks the missing skills by the suitable vacancies each would add, with the trainings that teach them', async () => {
    const report = await gaps.forJobseeker('J-1', { reach: 'region', lang: 'fi' });
    expect(report).toMatchObject({ jobseeker: 'J-1', area: { reach: 'region', region: '06' }, threshold: 0.3, considered: 3, suitableNow: 1 });
    expect(report.skills[0]).toMatchObject({ uri: HOT_WORK, label: 'tulityökortti', suitableWith: 3, uplift: 2 });
    expect(report.skills[0]!.trainings.map((t) => t.id)).toEqual(['T-HOT']);
    expect(report.skills.every((s) => s.uplift > 0)).toBe(true);
  });

  it('looks only in the municipality when asked', async () => {
    const report = await gaps.forJobseeker('J-1', { reach: 'municipality', lang: 'fi' });
    expect(report).toMatchObject({ area: { reach: 'municipality', municipality: '837' }, considered: 2, suitableNow: 1 });
    expect(report.skills[0]).toMatchObject({ uri: HOT_WORK, uplift: 1 });
  });
});

describe('GapAnalysis.forVacancy', () => {
  it("lists what the client lacks for one vacancy, scored as the match would, with the trainings for each", async () => {
    const gap = await gaps.forVacancy('J-1', 'V-1', { reach: 'region', lang: 'en' });
    expect(gap).toMatchObject({ jobseeker: 'J-1', vacancy: 'V-1' });
    expect(gap.matchedSkills.map((s) => s.label)).toEqual(['MIG welding']);
    expect(gap.missingSkills.map((s) => [s.uri, s.trainings.map((t) => t.id)])).toEqual([[HOT_WORK, ['T-HOT']]]);
    expect(gap.missingSkills[0]!.trainings[0]!.explanation).toBe('Training: Tulityökurssi (Tredu, Tampere, 1 days, continuous intake).');
  });

  it('refuses a closed vacancy, naming the field', async () => {
    await expect(gaps.forVacancy('J-1', 'V-CLOSED', { reach: 'region', lang: 'fi' })).rejects.toMatchObject({ code: 'invalid_input', problems: [{ field: 'vacancy' }] });
    await expect(gaps.forVacancy('J-1', 'V-404', { reach: 'region', lang: 'fi' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

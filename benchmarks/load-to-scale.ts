/**
 * Tops an engine up to a size with generated records: used by the in-process benchmarks
 * (analytics.ts, oversight.ts). Its own module: benchmarks/scale.ts reads its command line when
 * loaded, which the scripts importing this must not do.
 */
import { generate } from '../fixtures/generate.js';
import type { Jobseeker } from '../src/core/jobseekers/schema.js';
import type { Vacancy } from '../src/core/vacancies/schema.js';
import type { Engine } from '../src/engine.js';

/**
 * Tops the engine's records up to the given counts with generated ones (ids `G-…`), through the
 * engine as an import would store them, 5,000 per batch; `jobseeker` may add to each (e.g. group attributes).
 */
export async function loadToScale(
  engine: Pick<Engine, 'vacancies' | 'jobseekers'>,
  counts: { vacancies: number; jobseekers: number },
  seed: number,
  jobseeker: (j: Jobseeker, i: number) => Jobseeker = (j) => j,
): Promise<void> {
  const extra = generate({ vacancies: Math.max(0, counts.vacancies - (await engine.vacancies.count())), jobseekers: Math.max(0, counts.jobseekers - (await engine.jobseekers.count())) }, seed);
  for (let i = 0; i < extra.vacancies.length; i += 5000) {
    await engine.vacancies.putMany(extra.vacancies.slice(i, i + 5000).map((v) => ({ ...v, id: `G-${v.id}` }) as unknown as Vacancy));
  }
  for (let i = 0; i < extra.jobseekers.length; i += 5000) {
    await engine.jobseekers.putMany(extra.jobseekers.slice(i, i + 5000).map((j, n) => jobseeker({ ...j, id: `G-${j.id}` } as unknown as Jobseeker, i + n)));
  }
}

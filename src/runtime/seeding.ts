import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BaseRecord } from '../core/kinds.js';
import { parseNdjson } from '../core/ndjson.js';
import type { RecordService } from '../core/records.js';
import { jobseekerInput, type Jobseeker } from '../core/jobseekers/schema.js';
import { trainingInput } from '../core/trainings/schema.js';
import { vacancyInput, type Vacancy } from '../core/vacancies/schema.js';
import type { TrainingCatalogue } from '../core/trainings.js';
import type { EngineLog } from './log.js';

/** The bundled fixtures (fixtures/*.ndjson) loaded into an empty installation. */
export async function seedFixtures(
  dir: string,
  jobseekers: RecordService<Jobseeker>,
  vacancies: RecordService<Vacancy>,
  log: EngineLog,
): Promise<void> {
  const started = Date.now();
  const load = async <In extends BaseRecord>(service: RecordService<In>, file: string, read: (text: string) => In[]) => {
    const path = join(dir, file);
    if (!existsSync(path)) {
      log.warn(`no fixture file ${path}; starting empty`);
      return 0;
    }
    const records = read(readFileSync(path, 'utf8'));
    for (let i = 0; i < records.length; i += 1000) await service.putMany(records.slice(i, i + 1000));
    return records.length;
  };
  const v = await load(vacancies, 'vacancies.ndjson', (text) => parseNdjson(text, vacancyInput, Number.MAX_SAFE_INTEGER));
  const j = await load(jobseekers, 'jobseekers.ndjson', (text) => parseNdjson(text, jobseekerInput, Number.MAX_SAFE_INTEGER));
  log.info(`loaded fixtures from ${dir}: ${v} vacancies, ${j} jobseekers in ${Date.now() - started} ms`);
}

export async function seedTrainings(dir: string, trainings: TrainingCatalogue, log: EngineLog) {
  const path = join(dir, 'trainings.ndjson');
  if (!existsSync(path)) return;
  const records = parseNdjson(readFileSync(path, 'utf8'), trainingInput, Number.MAX_SAFE_INTEGER);
  await trainings.putMany(records);
  log.info(`loaded ${records.length} trainings from ${path}`);
}

/**
 * What the maintaining process does to the stored records before it serves: records embedded by
 * another model are done again (their vectors cannot be searched beside this model's), the fixtures
 * are loaded into an empty installation (`seed`), and vacancies past their expiry are closed. Records
 * only derived by another taxonomy build (an upgrade's usual case: ~9.5 minutes at 100,000 vacancies)
 * are not redone here: they are returned, to be derived again in the background while the service
 * serves them as the earlier build derived them (see rederiveInBackground).
 */
export async function prepareRecords(
  jobseekers: RecordService<Jobseeker>,
  vacancies: RecordService<Vacancy>,
  settings: { seed: boolean; fixturesDir: string; embedder: string; taxonomy: string },
  log: EngineLog,
): Promise<(RecordService<Jobseeker> | RecordService<Vacancy>)[]> {
  const later: (RecordService<Jobseeker> | RecordService<Vacancy>)[] = [];
  for (const service of [jobseekers, vacancies]) {
    const work = await service.staleWork();
    if (work === 'derivations') later.push(service);
    if (work !== 'embeddings') continue;
    const redone = await service.refreshStale((n) => log.info(`refreshing ${service.kind.name} records: ${n}`));
    if (redone > 0) log.info(`refreshed ${redone} ${service.kind.name} records (embedder ${settings.embedder}, taxonomy ${settings.taxonomy})`);
  }
  if (settings.seed && (await jobseekers.count()) === 0 && (await vacancies.count()) === 0) await seedFixtures(settings.fixturesDir, jobseekers, vacancies, log);
  const closed = await vacancies.closeExpired();
  if (closed > 0) log.info(`closed ${closed} expired vacancies`);
  return later;
}

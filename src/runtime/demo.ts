import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { BaseRecord } from '../core/kinds.js';
import { parseNdjson } from '../core/ndjson.js';
import type { RecordService } from '../core/records.js';
import { jobseekerInput, type Jobseeker } from '../core/jobseekers/schema.js';
import { vacancyInput, type Vacancy } from '../core/vacancies/schema.js';
import type { EngineLog } from './log.js';
import { messageOf } from '../core/thrown.js';

/**
 * The demo population (`KOHTAANTO_DEMO=regional`): jobseekers and vacancies in numbers per region
 * that follow the public employment statistics (fixtures/generate-demo.ts, docs/demo-data.md),
 * added to the fixtures on the first start of `npm start`, after the service listens.
 */

/** In the data directory while the demo population is being added: a stop midway continues on the next start. */
export const DEMO_PENDING = 'demo-population.pending';

/** Records written per transaction: a request waits at most for one batch's embedding. */
const BATCH = 250;

/**
 * Whether this start adds the demo population: on the first start (no database before it) of a
 * service that seeds the fixtures, or when an earlier start was stopped while adding it. A data
 * directory that holds other data never gets it.
 */
export function demoDue(settings: { demo: 'regional' | 'off'; seedFixtures: boolean; dataDir: string }, firstStart: boolean): boolean {
  if (settings.demo === 'off') return false;
  return existsSync(join(settings.dataDir, DEMO_PENDING)) || (firstStart && settings.seedFixtures);
}

/** The demo population's files, parsed (fixtures/demo/*.ndjson.gz). */
export function readDemoPopulation(fixturesDir: string): { vacancies: Vacancy[]; jobseekers: Jobseeker[] } | undefined {
  const file = (name: string) => join(fixturesDir, 'demo', `${name}.ndjson.gz`);
  if (!existsSync(file('vacancies')) || !existsSync(file('jobseekers'))) return undefined;
  const read = (name: string) => gunzipSync(readFileSync(file(name))).toString('utf8');
  return {
    vacancies: parseNdjson(read('vacancies'), vacancyInput, Number.MAX_SAFE_INTEGER),
    jobseekers: parseNdjson(read('jobseekers'), jobseekerInput, Number.MAX_SAFE_INTEGER),
  };
}

/**
 * Adds the demo population batch by batch, skipping records already stored (an earlier start's),
 * with a log line when it starts and when it is done. Never throws: a failure (the service stopping
 * midway) is logged and the next start continues.
 */
export async function addDemoPopulation(
  settings: { fixturesDir: string; dataDir: string },
  jobseekers: RecordService<Jobseeker>,
  vacancies: RecordService<Vacancy>,
  log: EngineLog,
): Promise<void> {
  const marker = join(settings.dataDir, DEMO_PENDING);
  try {
    const population = readDemoPopulation(settings.fixturesDir);
    if (!population) {
      log.warn(`no demo population in ${join(settings.fixturesDir, 'demo')} (npm run fixtures:demo); starting with the fixtures alone`);
      return;
    }
    writeFileSync(marker, `${new Date().toISOString()}\n`);
    const started = Date.now();
    log.info(
      `adding the demo population in the background (KOHTAANTO_DEMO=regional): ${population.vacancies.length} vacancies, ${population.jobseekers.length} jobseekers; the service answers meanwhile`,
    );
    const add = async <R extends BaseRecord>(service: RecordService<R>, records: R[]) => {
      let added = 0;
      for (let i = 0; i < records.length; i += BATCH) {
        const batch: R[] = [];
        for (const record of records.slice(i, i + BATCH)) if ((await service.find(record.id)) === undefined) batch.push(record);
        if (batch.length > 0) await service.putMany(batch);
        added += batch.length;
        await new Promise((next) => setImmediate(next)); // requests waiting go first
      }
      return added;
    };
    const v = await add(vacancies, population.vacancies);
    const j = await add(jobseekers, population.jobseekers);
    rmSync(marker, { force: true });
    log.info(`added the demo population: ${v} vacancies, ${j} jobseekers in ${Date.now() - started} ms`);
  } catch (error) {
    log.warn(`adding the demo population stopped (${messageOf(error)}); the next start continues`);
  }
}

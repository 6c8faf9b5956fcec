import type { Jobseeker } from '../core/jobseekers/schema.js';
import type { Vacancy } from '../core/vacancies/schema.js';
import type { RecordService } from '../core/records.js';
import type { EngineLog } from './log.js';
import type { Rederiving } from '../core/health/service.js';

/** Records derived again per batch in the background: small, so that requests get in between. */
const BACKGROUND_BATCH = 64;
/** Records whose concepts are worked out per batch (a parse each, no derivation: ~0.1 ms a record). */
const CONCEPTS_BATCH = 256;

/** Records of an earlier taxonomy build being derived again while the service serves. */
export interface Rederivation {
  /**
   * Starts deriving them again (once the service listens: the start itself is not slowed); resolves when
   * every record is derived by this build, at once when none was behind. Calling it again gives the same promise.
   */
  start(): Promise<void>;
  /** What is still under way, per kind, for /health (empty when nothing is). */
  status(): Rederiving[];
  /** Stops after the batch under way (the service is closing); the next start does the rest. */
  stop(): void;
}

/** The plural /health speaks of. */
const PLURAL = { jobseeker: 'jobseekers', vacancy: 'vacancies' } as const;

/**
 * Derives the records of these kinds again, in the background, a batch at a time with the event loop
 * let in between: the service answers meanwhile, a record not yet redone served as the earlier build
 * derived it (its skills and occupations as that build read them; its vector is the same model's).
 * Writes meanwhile are never overwritten (RecordService.refreshStale). Then the records of `keptConcepts`'
 * kinds stored without their concepts (a data directory from before schema step 28, which only adds the
 * column) get them (RecordService.keepMissingConcepts): until then a concept index reads those records
 * whole. A failure is logged and left for the next start, which finds the same records behind.
 */
export function rederiveInBackground(
  services: (RecordService<Jobseeker> | RecordService<Vacancy>)[],
  taxonomy: string,
  log: EngineLog,
  keptConcepts: (RecordService<Jobseeker> | RecordService<Vacancy>)[] = [],
): Rederivation {
  const progress = new Map(services.map((service) => [PLURAL[service.kind.name], 0]));
  let stopped = false;
  const between = () =>
    new Promise<void>((resolve, reject) => setImmediate(() => (stopped ? reject(new Error('stopped: the service is closing')) : resolve())));
  const run = async () => {
    for (const service of services) {
      const name = PLURAL[service.kind.name];
      const started = Date.now();
      log.info(`deriving ${name} again for taxonomy ${taxonomy}, in the background`);
      const redone = await service.refreshStale((n) => progress.set(name, n), BACKGROUND_BATCH, between);
      progress.delete(name);
      log.info(`derived ${redone} ${name} again for taxonomy ${taxonomy} in ${Math.round((Date.now() - started) / 1000)} s`);
    }
    for (const service of keptConcepts) {
      const started = Date.now();
      const kept = await service.keepMissingConcepts(CONCEPTS_BATCH, between);
      if (kept > 0) log.info(`kept the concepts of ${kept} ${PLURAL[service.kind.name]} beside them in ${Math.round((Date.now() - started) / 1000)} s (schema step 28)`);
    }
  };
  let done: Promise<void> | undefined;
  return {
    start: () =>
      (done ??= run().catch((error: Error) => {
        progress.clear();
        if (!stopped) log.warn(`deriving records again: ${error.message}; the rest is done at the next start`);
      })),
    status: () => [...progress].map(([kind, done]) => ({ kind, done })),
    stop: () => {
      stopped = true;
    },
  };
}

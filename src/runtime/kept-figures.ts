import { resolveArea } from '../core/analytics/areas.js';
import type { KeptFiguresPorts, KeptFiguresSettings, KeptMatchedFigures } from '../core/analytics/kept-figures.js';
import { countedNow, type MatchedFiguresCount } from '../core/analytics/matched-figures.js';
import type { MatchedFiguresSource } from '../core/analytics/mismatch.js';
import { mismatchQuery } from '../core/analytics/schema.js';
import { dayOf, type Clock } from '../core/clock.js';
import type { EmploymentAreas } from '../core/regions/employment-areas-model.js';
import type { Regions } from '../core/regions/regions.js';
import { MISMATCH_FIRST_COUNT_AFTER_SECONDS } from '../config.js';
import { countingRounds } from './counting-rounds.js';
import type { EngineLog } from './log.js';

/** Areas × queries kept besides those kept from the start (municipalities and other queries asked for). */
const CAPACITY = 1000;

/** What the mismatch figures kept per area are constructed with: current while the records' generations and the day stay the same. */
export function matchedFiguresPorts(
  ports: {
    counter: MatchedFiguresCount;
    /** The store generations this process's indexes reflect (see RecordService.reflects). */
    generations: () => string;
    clock: Clock;
    log: Pick<EngineLog, 'warn'>;
  },
  { refreshMinutes }: { refreshMinutes: number },
): [KeptFiguresPorts, KeptFiguresSettings] {
  return [
    {
      counter: ports.counter,
      version: () => `${ports.generations()} ${dayOf(ports.clock())}`,
      now: ports.clock,
      pause: () => new Promise<void>((resolve) => setImmediate(resolve)),
      warn: ports.log.warn,
    },
    { capacity: CAPACITY, refreshMs: refreshMinutes * 60_000 },
  ];
}

/**
 * The mismatch summary's match-engine figures in this process: with `refreshMinutes` > 0 kept per
 * area (KeptMatchedFigures): an area is counted when first asked for; with `countAtStart`, from
 * `start` (the server listens) and MISMATCH_FIRST_COUNT_AFTER_SECONDS (a first ranking in a new
 * process reads the records for seconds, which must hold up neither the start nor the first
 * requests) every employment area and region, then Finland, is counted in the background once the
 * indexes are ready; and every `refreshMinutes` the
 * areas asked for since their records changed are counted again, with the event loop free between
 * two rankings; with 0, counted at every request. An area asked for before its count is counted then.
 */
export function keepMismatchFigures(
  ports: {
    counter: MatchedFiguresCount;
    regions: Regions;
    areas: EmploymentAreas;
    clock: Clock;
    log: Pick<EngineLog, 'info' | 'warn'>;
    ready: Promise<void>;
  },
  /** The figures kept per area, as src/runtime/compose.ts constructs them with `matchedFiguresPorts`. */
  kept: KeptMatchedFigures,
  { refreshMinutes, countAtStart }: { refreshMinutes: number; countAtStart: boolean },
): { source: MatchedFiguresSource; status(): { kept: number; current: number } | undefined; refresh(): Promise<number>; start(afterMs?: number): void; stop(): void } {
  if (refreshMinutes <= 0) return { source: countedNow(ports.counter), status: () => undefined, refresh: async () => 0, start() {}, stop() {} };
  const today = () => dayOf(ports.clock());
  const { candidates } = mismatchQuery.parse({});
  const where = (q: Parameters<typeof resolveArea>[0]) => resolveArea(q, ports.regions, ports.areas);
  if (countAtStart) {
    kept.keep(
      [...ports.areas.all.map((a) => where({ area: a.id })), ...ports.regions.regions.map((r) => where({ region: r.code })), where({})],
      { candidates },
      today(),
    );
  }
  const rounds = countingRounds(
    (goOn) => kept.refresh(today(), goOn),
    (n, ms) => ports.log.info(`mismatch figures: ${n} areas counted in ${ms} ms`),
  );
  const refresh = () => rounds.refresh();
  let timer: NodeJS.Timeout | undefined;
  let first: NodeJS.Timeout | undefined;
  return {
    source: kept,
    status: () => kept.status(),
    refresh,
    start(afterMs = MISMATCH_FIRST_COUNT_AFTER_SECONDS * 1000) {
      if (timer || rounds.stopped) return;
      timer = setInterval(() => void refresh(), refreshMinutes * 60_000);
      timer.unref();
      first = setTimeout(() => void ports.ready.then(() => refresh()).catch((error: Error) => ports.log.warn(`mismatch figures: ${error.message}`)), afterMs);
      first.unref();
    },
    stop() {
      rounds.stop();
      clearInterval(timer);
      clearTimeout(first);
    },
  };
}

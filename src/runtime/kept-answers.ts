import type { MaybeKept } from '../core/analytics/service.js';
import type { Exposure } from '../core/oversight/exposure-reports.js';
import type { KeptAnswers, KeptAnswersPorts, KeptAnswersSettings } from '../core/analytics/kept-answers.js';
import type { DemandSupply, DemandSupplyQuery, OccupationRow, SkillRow } from '../core/analytics/demand-supply.js';
import { dayOf, type Clock } from '../core/clock.js';
import type { ExposureQuery, Oversight } from '../core/oversight/oversight.js';
import { countingRounds } from './counting-rounds.js';
import type { EngineLog } from './log.js';

/** Questions kept per kind of answer besides one another (areas × filters × languages asked for). */
const CAPACITY = 500;

export type { MaybeKept };

/** The kept answers of each kind, as src/runtime/compose.ts constructs them with `plannerAnswerPorts`. */
export type PlannerAnswers = { skills: KeptAnswers<SkillRow[]>; occupations: KeptAnswers<OccupationRow[]>; exposure: KeptAnswers<Exposure> };

/**
 * What the planner's kept answers are constructed with: `records` for demand against supply per
 * skill and per occupation (current while the records' generations and the day stay the same),
 * `exposure` for the exposure report (besides those, the decisions stored).
 */
export function plannerAnswerPorts(
  ports: {
    /** The store generations this process's indexes reflect (see RecordService.reflects). */
    generations: () => string;
    /** Which decisions are stored (DecisionLog.extent). */
    decisions: () => Promise<string>;
    clock: Clock;
    log: Pick<EngineLog, 'warn'>;
  },
  { refreshMinutes }: { refreshMinutes: number },
): { records: [KeptAnswersPorts, KeptAnswersSettings]; exposure: [KeptAnswersPorts, KeptAnswersSettings] } {
  const records = async () => `${ports.generations()} ${dayOf(ports.clock())}`;
  const settings: KeptAnswersSettings = { capacity: CAPACITY, refreshMs: refreshMinutes * 60_000 };
  const common = { now: ports.clock, later: () => new Promise<void>((resolve) => setImmediate(resolve)), warn: ports.log.warn };
  return {
    records: [{ ...common, version: records }, settings],
    exposure: [{ ...common, version: async () => `${await records()} ${await ports.decisions()}` }, settings],
  };
}

/**
 * The planner's costly reads kept per question while their records stay the same (KeptAnswers, see
 * src/core/analytics/kept-answers.ts) — demand against supply per skill and per occupation (open
 * vacancies and active jobseekers: the records' generations and the day), and the exposure report
 * (besides those, the decisions stored) — with `refreshMinutes` > 0; with 0, counted at every request.
 * Every `refreshMinutes` the questions asked since their records changed are counted again.
 */
export function keepPlannerAnswers(
  ports: {
    demandSupply: Pick<DemandSupply, 'skills' | 'occupations'>;
    oversight: Pick<Oversight, 'exposure'>;
    log: Pick<EngineLog, 'info' | 'warn'>;
  },
  kept: PlannerAnswers,
  { refreshMinutes }: { refreshMinutes: number },
) {
  const keeping = refreshMinutes > 0;
  const ask = async <T>(answers: KeptAnswers<T>, question: object, count: () => Promise<T>): Promise<MaybeKept<T>> =>
    keeping ? answers.of(JSON.stringify(question), count) : { answer: await count() };

  const rounds = countingRounds(
    async (goOn) => {
      let counted = 0;
      for (const answers of Object.values(kept)) counted += await answers.refresh(goOn);
      return counted;
    },
    (n, ms) => ports.log.info(`planner answers: ${n} counted again in ${ms} ms`),
  );
  const refresh = () => rounds.refresh();
  const timer = keeping ? setInterval(() => void refresh(), refreshMinutes * 60_000) : undefined;
  timer?.unref();
  return {
    skills: (query: DemandSupplyQuery) => ask(kept.skills, query, () => ports.demandSupply.skills(query)),
    occupations: (query: DemandSupplyQuery) => ask(kept.occupations, query, () => ports.demandSupply.occupations(query)),
    exposure: (query: ExposureQuery) => ask(kept.exposure, query, () => ports.oversight.exposure(query)),
    /** Counts again the questions asked since their records changed (the timer's work; tests call it). */
    refresh,
    /** How many questions of each kind are kept, and how many current (undefined when nothing is kept). */
    status: async () =>
      keeping ? { skills: await kept.skills.status(), occupations: await kept.occupations.status(), exposure: await kept.exposure.status() } : undefined,
    stop() {
      rounds.stop();
      clearInterval(timer);
    },
  };
}

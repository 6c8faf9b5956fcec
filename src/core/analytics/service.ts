import { dayOf, type Clock } from '../clock.js';
import type { EmploymentAreas } from '../regions/employment-areas-model.js';
import type { Regions } from '../regions/regions.js';
import type { WhatWorks, WhatWorksQuery } from '../what-works/schema.js';
import { resolveArea } from './areas.js';
import type { Counted } from './kept-answers.js';
import type { DemandSupplyQuery } from './demand-supply.js';
import type { MismatchQuery } from './mismatch.js';
import type { PlanQuery } from './training-plan.js';
import type { AnalysisArea, AreaQuery, Mismatch, OccupationRow, SkillRow, TrainingPlan } from './schema.js';
import { publishedAsOf } from './suppression.js';

/** An answer, and when it was counted when it is kept (src/runtime/kept-answers.ts); no `counted` when counted at the request. */
export type MaybeKept<T> = { answer: T; counted?: Counted };

/** What the planners' questions are answered with (src/runtime/compose.ts wires them). */
export interface AnalyticsPorts {
  regions: Regions;
  areas: EmploymentAreas;
  clock: Clock;
  /** Demand against supply, kept per question while the records stay the same. */
  demand: {
    skills(query: DemandSupplyQuery): Promise<MaybeKept<SkillRow[]>>;
    occupations(query: DemandSupplyQuery): Promise<MaybeKept<OccupationRow[]>>;
  };
  mismatch: { forArea(area: AnalysisArea, query: MismatchQuery): Promise<Mismatch> };
  whatWorks: { report(area: AnalysisArea, query: { from?: string; to?: string }): Promise<WhatWorks> };
  trainingPlan: { forArea(area: AnalysisArea, query: PlanQuery): Promise<Omit<TrainingPlan, 'asOf'>> };
}

/** GET /v1/analytics/skills and /occupations, as validated (src/core/analytics/schema.ts demandQuery). */
export type DemandQuestion = AreaQuery & Omit<DemandSupplyQuery, 'municipalities' | 'today'> & { asOf?: string };
export type MismatchQuestion = AreaQuery & Omit<MismatchQuery, 'today'> & { asOf?: string };
export type PlanQuestion = AreaQuery & Omit<PlanQuery, 'today'> & { asOf?: string };

/**
 * The planners' questions, one use case each: the place asked for (an employment area, a region, a
 * municipality or Finland; an unknown or a second one is invalid input) and the day (the clock's
 * unless the question names one) are worked out here, then the figures are counted or read kept.
 */
export class AnalyticsQuestions {
  constructor(private readonly ports: AnalyticsPorts) {}

  private where(query: AreaQuery): AnalysisArea {
    return resolveArea(query, this.ports.regions, this.ports.areas);
  }

  private today(): string {
    return dayOf(this.ports.clock());
  }

  /** The place and the day (the month end on or before the one asked) demand against supply is counted for. */
  private demandQuery(q: DemandQuestion): { area: AnalysisArea; query: DemandSupplyQuery } {
    const area = this.where(q);
    const today = publishedAsOf(q.asOf ?? this.today());
    return { area, query: { municipalities: area.municipalities, from: q.from, to: q.to, language: q.language, occupationGroup: q.occupationGroup, lang: q.lang, today } };
  }

  /** Demand against supply per skill concept in the place, largest gap first. */
  async skills(q: DemandQuestion) {
    const { area, query } = this.demandQuery(q);
    const { answer, counted } = await this.ports.demand.skills(query);
    return { area, asOf: query.today, rows: answer, counted };
  }

  /** Demand against supply per occupation in the place, largest gap first. */
  async occupations(q: DemandQuestion) {
    const { area, query } = this.demandQuery(q);
    const { answer, counted } = await this.ports.demand.occupations(query);
    return { area, asOf: query.today, rows: answer, counted };
  }

  /** The mismatch indicators of the place, long-term unemployment counted on the day asked (default today). */
  async mismatch(q: MismatchQuestion): Promise<Mismatch> {
    return this.ports.mismatch.forArea(this.where(q), { candidates: q.candidates, lang: q.lang, today: q.asOf ?? this.today() });
  }

  /** What became of the suggestions made in the place over the period asked (default: the report's twelve months). */
  async whatWorks(q: Pick<WhatWorksQuery, 'area' | 'region' | 'municipality' | 'from' | 'to'>): Promise<WhatWorks> {
    return this.ports.whatWorks.report(this.where(q), { ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) });
  }

  /** The training plan of the place as published, as of the month end on or before the day asked. */
  async trainingPlan(q: PlanQuestion): Promise<TrainingPlan> {
    const area = this.where(q);
    const asOf = publishedAsOf(q.asOf ?? this.today());
    return { ...(await this.ports.trainingPlan.forArea(area, { budget: q.budget, objective: q.objective, lang: q.lang, today: asOf })), asOf };
  }
}

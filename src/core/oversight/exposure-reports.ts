import { dayOf, type Clock } from '../clock.js';
import type { MaybeKept } from '../analytics/service.js';
import type { ExposureQuery, Oversight } from './oversight.js';

export type Exposure = Awaited<ReturnType<Oversight['exposure']>>;

/** GET /v1/oversight/exposure as validated (src/core/oversight/schema.ts exposureQuery): the period and the day optional. */
export type ExposureQuestion = Omit<ExposureQuery, 'asOf'> & { asOf?: string };

/**
 * The exposure report a planner or admin asks for: the period defaults to the last `defaultDays`
 * days up to today and the day to today, on the clock; the report is counted or read kept
 * (src/runtime/kept-answers.ts).
 */
export class ExposureReports {
  constructor(
    private readonly ports: { exposure(query: ExposureQuery): Promise<MaybeKept<Exposure>>; clock: Clock },
    private readonly settings: { defaultDays: number },
  ) {}

  async report<Q extends ExposureQuestion>(q: Q): Promise<MaybeKept<Exposure>> {
    const now = this.ports.clock();
    const today = dayOf(now);
    const daysAgo = dayOf(new Date(now.getTime() - this.settings.defaultDays * 86_400_000));
    return this.ports.exposure({ ...q, from: q.from ?? daysAgo, to: q.to ?? today, asOf: q.asOf ?? today });
  }
}

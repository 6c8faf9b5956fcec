import type { AnalysisArea } from './schema.js';
import type { WhatWorksSource } from '../what-works/service.js';
import { measuredEffects } from '../what-works/training-effects.js';
import { questionDraws, type PublishedEffect } from '../what-works/published-effects.js';
import { publishedAsOf } from './suppression.js';

/**
 * What the training plan expects a place to do for a client's employment (issue 33, item 6): from
 * the measured outcomes where the "what works" report has enough of them (the same matched
 * comparison group and the same minimum, MIN_EVIDENCE), shrunk toward the skill-based estimate by
 * how thin the evidence is; from the skill-based estimate alone elsewhere.
 *
 *   estimate = min(maxEstimatedGain, gainPerVacancy × vacancies the place newly puts within reach)
 *   expected = (n × measured + priorParticipants × estimate) / (n + priorParticipants)
 *
 * with n the participants measured at `horizonMonths` after the end. With n = priorParticipants the
 * two weigh the same; with many participants the measured effect decides. Both n and the measured
 * effect are What works' published figures (rounded at random: published-effects.ts), never the exact
 * counts, so a plan (or a counsellor's training list) made a month apart cannot tell one participant's outcome.
 */
export interface TrainingEvidenceSettings {
  /** The horizon (months after the training ended) whose employment effect counts: 3 or 6. */
  horizonMonths: 3 | 6;
  /** How many months of referrals (up to today) the measured effects are taken from. */
  periodMonths: number;
  /** The weight of the skill-based estimate, in participants. */
  priorParticipants: number;
  /** Employment gain the skill-based estimate gives per vacancy a place newly puts within reach. */
  gainPerVacancy: number;
  /** The most the skill-based estimate gives one place. */
  maxEstimatedGain: number;
}

export type EffectBasis = 'measured' | 'estimated';

/** The gain one place is expected to bring (share of a person employed), and what it rests on. */
export interface ExpectedGain {
  gain: number;
  basis: EffectBasis;
  /** Participants measured (0 for an estimate). */
  participants: number;
}

/** The skill-based estimate of a place's employment gain. */
export function estimatedGain(vacanciesAdded: number, s: Pick<TrainingEvidenceSettings, 'gainPerVacancy' | 'maxEstimatedGain'>): number {
  return Math.min(s.maxEstimatedGain, s.gainPerVacancy * Math.max(0, vacanciesAdded));
}

/** The measured effect shrunk toward the estimate (the formula above); the estimate where nothing was measured. */
export function expectedGain(estimate: number, measured: Pick<PublishedEffect, 'participants' | 'effect'> | undefined, priorParticipants: number): ExpectedGain {
  if (!measured || measured.participants <= 0) return { gain: estimate, basis: 'estimated', participants: 0 };
  const n = measured.participants;
  return { gain: (n * measured.effect + priorParticipants * estimate) / (n + priorParticipants), basis: 'measured', participants: n };
}

/** Where the plan reads the measured effects of the trainings in an area. */
export interface TrainingEvidence {
  /** Per training id, the effect measured in the area as What works publishes it (only trainings with enough evidence). */
  measured(area: Pick<AnalysisArea, 'municipalities'>, today: string): Promise<Map<string, PublishedEffect>>;
}

const monthsBefore = (day: string, months: number) => {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return new Date(Date.UTC(y, m - 1 - months, 1)).toISOString().slice(0, 10);
};

/**
 * The measured effects from the "what works" report's own facts (referrals of the last `periodMonths`, the
 * area's clients), rounded under the same draws as What works' report for that place and period (`key`:
 * the installation's secret), so the two give one answer, not two draws to average.
 */
export function evidenceFromOutcomes(source: WhatWorksSource, settings: Pick<TrainingEvidenceSettings, 'horizonMonths' | 'periodMonths'>, key: Buffer): TrainingEvidence {
  return {
    async measured(area, today) {
      // Counted at a month end, as What works counts (publishedAsOf): stepping the day one at a time
      // cannot find the day a participant's horizon closed, and with it whether they found work.
      const asOf = publishedAsOf(today);
      const filter = { ...(area.municipalities ? { municipalities: area.municipalities } : {}), from: monthsBefore(asOf, settings.periodMonths), to: asOf };
      const facts = await source.trainingFacts(filter);
      return measuredEffects(facts.referrals, facts.clients, asOf, settings.horizonMonths, questionDraws(key, area.municipalities, filter.from, filter.to));
    },
  };
}

/**
 * The same, remembered per area and day for `minutes` (the outcomes change with a monthly register
 * import; each gap report of a counsellor asks for its client's area).
 */
export function rememberedEvidence(evidence: TrainingEvidence, now: () => Date, minutes: number): TrainingEvidence {
  const kept = new Map<string, { until: number; value: Promise<Map<string, PublishedEffect>> }>();
  return {
    measured(area, today) {
      const key = `${today}|${area.municipalities?.join(',') ?? '*'}`;
      const at = now().getTime();
      const found = kept.get(key);
      if (found && found.until > at) return found.value;
      for (const [k, v] of kept) if (v.until <= at) kept.delete(k);
      const value = evidence.measured(area, today);
      value.catch(() => kept.delete(key));
      kept.set(key, { until: at + minutes * 60_000, value });
      return value;
    },
  };
}

import type { Lang } from '../explanations.js';
import { isSuitable } from '../suitability.js';
import type { Matcher } from '../matching.js';
import type { AnalyticsSource } from '../ports.js';
import type { AnalysisArea, MatchedShare, Mismatch } from './schema.js';
import { longTermSince, type DemandSupply } from './demand-supply.js';
import { isSuppressed, jobseekerCount, publishedAsOf, publishedCount, SMALL_POPULATION, smallPopulation, SUPPRESSED } from './suppression.js';

/** Vacancies looked at per long-term unemployed client when asking whether any is suitable. */
const STRANDED_LOOKS_AT = 20;

export interface MismatchSettings {
  /** A jobseeker is suitable for a vacancy (and the other way round) from this match score. */
  suitableScore: number;
  /** Most vacancies and most long-term unemployed put through the match engine per summary. */
  sample: number;
}

export interface MismatchQuery {
  /** "At least N suitable local candidates". */
  candidates: number;
  lang: Lang;
  today: string;
}

/** A share found with the match engine, before it is published: over how many records, exactly. */
type FoundShare = MatchedShare & { of: number };

/** Every n-th id of a sorted list: a reproducible sample spread over the whole list. */
export function evenSample<T>(items: T[], size: number): T[] {
  if (size <= 0) return [];
  if (items.length <= size) return items;
  return Array.from({ length: size }, (_, i) => items[Math.floor((i * items.length) / size)]!);
}

function share(hits: number, matched: number, of: number): FoundShare {
  if (matched === 0) return { share: null, matched, of, margin95: 0 };
  const p = hits / matched;
  const finite = of > 1 ? Math.sqrt((of - matched) / (of - 1)) : 0;
  const margin = 1.96 * Math.sqrt((p * (1 - p)) / matched) * finite;
  return { share: Math.round(p * 1000) / 1000, matched, of, margin95: Math.round(margin * 1000) / 1000 };
}

/**
 * A share over jobseekers as it may be published: the counts as published counts (rounded), the
 * share to 0.05 and its margin to 0.01, so that the share's denominator does not give the count.
 */
function publishedShare(s: FoundShare): MatchedShare {
  const round = (x: number, step: number) => Math.round(Math.round(x / step) * step * 100) / 100;
  return {
    share: s.share === null ? null : round(s.share, 0.05),
    matched: s.matched === s.of ? (publishedCount(s.matched) ?? 0) : s.matched,
    of: publishedCount(s.of) ?? 0,
    margin95: round(s.margin95, 0.01),
  };
}

/**
 * Summary indicators of the labour-market mismatch (kohtaanto) in an area: vacancies per
 * jobseeker, how many vacancies have enough suitable local candidates and how many long-term
 * unemployed have no suitable local vacancy (both from the match engine), and the occupations
 * in shortage and in surplus. Counts of jobseekers below 5 are suppressed.
 */
export class MismatchSummary {
  constructor(
    private readonly source: AnalyticsSource,
    private readonly demandSupply: DemandSupply,
    private readonly matcher: Matcher,
    private readonly settings: MismatchSettings,
  ) {}

  async forArea(area: AnalysisArea, query: MismatchQuery): Promise<Mismatch> {
    const filter = { municipalities: area.municipalities };
    const within = area.municipalities;
    const occupations = await this.demandSupply.occupations({ ...filter, lang: query.lang, today: query.today });
    const vacancies = occupations.reduce((s, o) => s + o.demand.vacancies, 0);
    const positions = occupations.reduce((s, o) => s + o.demand.positions, 0);
    const vacancyIds = await this.source.vacancyIds(filter);
    const jobseekerTotal = (await this.source.jobseekerIds(filter)).length;
    const longTermIds = await this.source.jobseekerIds(filter, longTermSince(query.today));

    // Vacancies with at least N suitable candidates living in the area.
    let staffed = 0;
    const sampledVacancies = evenSample(vacancyIds, this.settings.sample);
    for (const id of sampledVacancies) {
      const hits = await this.matcher.candidatesForVacancy(id, { k: query.candidates, lang: query.lang, area: within });
      if (hits.filter((h) => isSuitable(h, this.settings.suitableScore)).length >= query.candidates) staffed++;
    }
    // Long-term unemployed without a single suitable vacancy in the area.
    let stranded = 0;
    const sampledLongTerm = isSuppressed(longTermIds.length) ? [] : evenSample(longTermIds, this.settings.sample);
    for (const id of sampledLongTerm) {
      // The best by score may miss an essential skill while a lower one does not: look at a few.
      const best = await this.matcher.vacanciesForJobseeker(id, { k: STRANDED_LOOKS_AT, lang: query.lang, area: within });
      if (!best.some((h) => isSuitable(h, this.settings.suitableScore))) stranded++;
    }
    const shown = occupations.filter((o) => o.gap !== null);
    const publishedJobseekers = publishedCount(jobseekerTotal);
    // Whether a vacancy has N suitable local candidates is a statement about the area's jobseekers:
    // with fewer than 5 of them, the share would describe one or two people.
    const staffedShare = share(staffed, sampledVacancies.length, vacancyIds.length);
    return {
      area,
      asOf: publishedAsOf(query.today),
      threshold: this.settings.suitableScore,
      vacancies,
      positions,
      jobseekers: jobseekerCount(jobseekerTotal),
      longTermUnemployed: jobseekerCount(longTermIds.length),
      vacanciesPerJobseeker: publishedJobseekers ? Math.round((vacancies / publishedJobseekers) * 100) / 100 : null,
      vacanciesWithSuitableCandidates: {
        candidates: query.candidates,
        ...(smallPopulation(jobseekerTotal) ? { ...staffedShare, share: null, margin95: 0, suppressed: SMALL_POPULATION } : staffedShare),
      },
      longTermWithoutSuitableVacancy: isSuppressed(longTermIds.length)
        ? { share: null, suppressed: SMALL_POPULATION, matched: 0, of: SUPPRESSED, margin95: 0 }
        : publishedShare(share(stranded, sampledLongTerm.length, longTermIds.length)),
      shortageOccupations: shown.filter((o) => o.gap! > 0).slice(0, 5),
      surplusOccupations: shown
        .filter((o) => o.gap! < 0)
        .sort((a, b) => a.gap! - b.gap!)
        .slice(0, 5),
    };
  }
}

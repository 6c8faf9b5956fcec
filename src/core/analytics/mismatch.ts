import type { Lang } from '../explanations.js';
import type { AnalysisArea, MatchedShare, Mismatch } from './schema.js';
import type { DemandSupply } from './demand-supply.js';
import type { MatchedFigures, MatchedFiguresQuery } from './matched-figures.js';
import { isSuppressed, jobseekerCount, publishedAsOf, publishedCount, SMALL_POPULATION, smallPopulation, SUPPRESSED } from './suppression.js';

export { evenSample } from './matched-figures.js';

export interface MismatchSettings {
  /** A jobseeker is suitable for a vacancy (and the other way round) from this match score. */
  suitableScore: number;
}

export interface MismatchQuery {
  /** "At least N suitable local candidates". */
  candidates: number;
  lang: Lang;
  today: string;
}

/**
 * Where the summary gets the match engine's figures of an area: counted now (MatchedFiguresCount)
 * or kept from an earlier count of the same records (KeptMatchedFigures), with when they were counted.
 */
export interface MatchedFiguresSource {
  of(area: AnalysisArea, query: MatchedFiguresQuery): Promise<{ figures: MatchedFigures; counted?: { at: string; current: boolean } }>;
}

/** A share found with the match engine, before it is published: over how many records, exactly. */
type FoundShare = MatchedShare & { of: number };

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
    private readonly demandSupply: DemandSupply,
    private readonly matched: MatchedFiguresSource,
    private readonly settings: MismatchSettings,
  ) {}

  async forArea(area: AnalysisArea, query: MismatchQuery): Promise<Mismatch> {
    const occupations = await this.demandSupply.occupations({ municipalities: area.municipalities, lang: query.lang, today: query.today });
    const vacancies = occupations.reduce((s, o) => s + o.demand.vacancies, 0);
    const positions = occupations.reduce((s, o) => s + o.demand.positions, 0);
    const { figures: f, counted } = await this.matched.of(area, { candidates: query.candidates, today: query.today });
    const shown = occupations.filter((o) => o.gap !== null);
    const publishedJobseekers = publishedCount(f.jobseekers);
    // Whether a vacancy has N suitable local candidates is a statement about the area's jobseekers:
    // with fewer than 5 of them, the share would describe one or two people.
    const staffedShare = share(f.staffed, f.sampledVacancies, f.vacancies);
    return {
      area,
      asOf: publishedAsOf(query.today),
      threshold: this.settings.suitableScore,
      vacancies,
      positions,
      jobseekers: jobseekerCount(f.jobseekers),
      longTermUnemployed: jobseekerCount(f.longTerm),
      vacanciesPerJobseeker: publishedJobseekers ? Math.round((vacancies / publishedJobseekers) * 100) / 100 : null,
      vacanciesWithSuitableCandidates: {
        candidates: query.candidates,
        ...(smallPopulation(f.jobseekers) ? { ...staffedShare, share: null, margin95: 0, suppressed: SMALL_POPULATION } : staffedShare),
      },
      longTermWithoutSuitableVacancy: isSuppressed(f.longTerm)
        ? { share: null, suppressed: SMALL_POPULATION, matched: 0, of: SUPPRESSED, margin95: 0 }
        : publishedShare(share(f.stranded, f.sampledLongTerm, f.longTerm)),
      shortageOccupations: shown.filter((o) => o.gap! > 0).slice(0, 5),
      surplusOccupations: shown
        .filter((o) => o.gap! < 0)
        .sort((a, b) => a.gap! - b.gap!)
        .slice(0, 5),
      ...(counted ? { matchedAt: counted.at, matchedCurrent: counted.current } : {}),
    };
  }
}

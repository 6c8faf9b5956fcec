import type { Lang } from '../explanations.js';
import type { AnalysisArea, MatchedShare, Mismatch } from './schema.js';
import type { DemandSupply } from './demand-supply.js';
import { longTermSince } from './demand-supply.js';
import type { MatchedFigures, MatchedFiguresQuery } from './matched-figures.js';
import type { SuitableLocal } from './matched-figures.js';
import { jobseekerCounts, publishedCounts, type PublishedCounts } from './published-counts.js';
import { publishedAsOf, SMALL_POPULATION, SUPPRESSED } from './suppression.js';

export { evenSample } from './matched-figures.js';

export interface MismatchSettings {
  /** From this match score a pair can be suitable (the rule is suitsNow, as a client's page marks `standing: suitable`). */
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
 * A share over jobseekers as it may be published: worked out from published counts alone — the hits
 * rounded at random like every count of people, over the published count when every one of them was
 * matched, else over the sample (its size is a setting) — to 0.05, its margin to 0.01. A share of the
 * exact counts would tell one person apart: 0 of 12 long-term unemployed without a suitable vacancy
 * in Tampere against 1 of 13 (0.10) in its employment area says that the one in the area's other
 * municipality has none.
 */
function publishedShare(hits: number, matched: number, of: number, published: PublishedCounts, cell: string): MatchedShare {
  const round = (x: number, step: number) => Math.round(Math.round(x / step) * step * 100) / 100;
  const all = published.value(cell, of) ?? 0;
  const over = matched === of ? all : matched;
  const found = share(Math.min(over, published.value(`${cell} ${HITS}`, hits) ?? 0), over, Math.max(over, all));
  return { share: found.share === null ? null : round(found.share, 0.05), matched: over, of: all, margin95: round(found.margin95, 0.01) };
}
const HITS = 'without a suitable vacancy';

/**
 * How many vacancies count as having "at least N suitable local candidates": those whose count of suitable
 * candidates living in the place, *as it would be published* — rounded at random to 5 like every count of
 * people a planner sees (random-rounding.ts) — is N or more. With the exact count one person decided the
 * status of every vacancy they suit at once: six alike welding vacancies were 6 of 6 staffed in Tampere's
 * employment area, Pirkanmaa and Finland against 0 of 6 in Tampere, which proved a suitable welder outside
 * Tampere (Nokia shows "<5" jobseekers; test/http/mismatch-differencing.test.ts). Now a status tells only a
 * published count: "staffed" that its count is 3 or more (for N up to 5), "not staffed" that it is 0 … 4
 * (or below the next multiple of 5), and those overlap — no pair of answers proves one person.
 *
 * The draw is keyed by the place (as every count of a question: the same people asked about in two places
 * get two draws, so two different statuses do not prove different people) and by *who* is counted (a digest
 * of the suitable candidates' ids), not by the vacancy. Keyed by the vacancy, six alike vacancies suited by
 * the same three people would be six independent draws of one count: 0 of 6 staffed would say "fewer than 3"
 * with 99.6 % certainty (0.4⁶ of staying down with three), and 6 of 6 in the area "3 or more", which is the
 * proof again, only statistical. Keyed by the people, vacancies suited by the same people in a place share
 * one draw: all of them staffed or none, which tells no more than one count. What remains is the rounding's
 * own limit (random-rounding.ts): many places known to hold the same suitable people — the area, Pirkanmaa,
 * Finland — are as many draws of one count, and a count of 3 or 4 may be narrowed by enough of them.
 * Vacancies suited by different people are different counts and get draws of their own.
 */
function staffedCount(key: Buffer, municipalities: string[] | undefined, suitable: SuitableLocal[], candidates: number): number {
  const published = publishedCounts(key, 'suitable local candidates', municipalities);
  return suitable.filter((v) => (published.value(v.people, v.count) ?? 0) >= candidates).length;
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
    /** Keys the rounding's draws (the installation's secret), as for the demand and supply figures. */
    private readonly key: Buffer,
  ) {}

  async forArea(area: AnalysisArea, query: MismatchQuery): Promise<Mismatch> {
    const occupations = await this.demandSupply.occupations({ municipalities: area.municipalities, lang: query.lang, today: query.today });
    const vacancies = occupations.reduce((s, o) => s + o.demand.vacancies, 0);
    const positions = occupations.reduce((s, o) => s + o.demand.positions, 0);
    const { figures: f, counted } = await this.matched.of(area, { candidates: query.candidates, today: query.today });
    const shown = occupations.filter((o) => o.gap !== null);
    // The same question as the occupations' figures (the place, no language): the same people, the same draws.
    const published = jobseekerCounts(this.key, area.municipalities);
    const longTermCell = `long-term since ${longTermSince(query.today)}`;
    const jobseekers = published.count('jobseekers', f.jobseekers);
    const longTerm = published.count(longTermCell, f.longTerm);
    const publishedJobseekers = jobseekers === SUPPRESSED ? null : jobseekers;
    // Whether a vacancy has N suitable local candidates is a statement about the area's jobseekers:
    // where their count is "<5", the share would describe one or two people.
    const staffedShare = share(staffedCount(this.key, area.municipalities, f.suitableLocal, query.candidates), f.sampledVacancies, f.vacancies);
    return {
      area,
      asOf: publishedAsOf(query.today),
      threshold: this.settings.suitableScore,
      vacancies,
      positions,
      jobseekers,
      longTermUnemployed: longTerm,
      vacanciesPerJobseeker: publishedJobseekers ? Math.round((vacancies / publishedJobseekers) * 100) / 100 : null,
      vacanciesWithSuitableCandidates: {
        candidates: query.candidates,
        ...(publishedJobseekers === null ? { ...staffedShare, share: null, margin95: 0, suppressed: SMALL_POPULATION } : staffedShare),
      },
      longTermWithoutSuitableVacancy:
        longTerm === SUPPRESSED
          ? { share: null, suppressed: SMALL_POPULATION, matched: 0, of: SUPPRESSED, margin95: 0 }
          : publishedShare(f.stranded, f.sampledLongTerm, f.longTerm, published, longTermCell),
      shortageOccupations: shown.filter((o) => o.gap! > 0).slice(0, 5),
      surplusOccupations: shown
        .filter((o) => o.gap! < 0)
        .sort((a, b) => a.gap! - b.gap!)
        .slice(0, 5),
      ...(counted ? { matchedAt: counted.at, matchedCurrent: counted.current } : {}),
    };
  }
}

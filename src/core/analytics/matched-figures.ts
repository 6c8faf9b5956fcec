import { createHash } from 'node:crypto';
import { suitsNow } from '../suitability.js';
import type { Matcher } from '../matching.js';
import type { AnalyticsSource } from '../ports.js';
import type { AnalysisArea } from './schema.js';
import { longTermSince } from './demand-supply.js';
import { ALWAYS_SUPPRESSED_BELOW } from './random-rounding.js';
import { ROUNDING_BASE } from './suppression.js';

/** Vacancies looked at per long-term unemployed client when asking whether any is suitable. */
const STRANDED_LOOKS_AT = 20;

export interface MatchedFiguresSettings {
  /**
   * From this match score a pair can be suitable: counted as a client's page marks it (suitsNow, a hit's
   * `standing: suitable`): the line of work, the score, most essential skills and no hard requirement failing.
   */
  suitableScore: number;
  /** Most vacancies and most long-term unemployed put through the match engine per area. */
  sample: number;
}

export interface MatchedFiguresQuery {
  /** "At least N suitable local candidates". */
  candidates: number;
  today: string;
}

/**
 * What the match engine says of an area's records, exact counts before anything is published: the
 * costly part of the mismatch summary (one ranking per sampled vacancy and long-term unemployed).
 */
export interface MatchedFigures {
  /** Open vacancies of the area. */
  vacancies: number;
  /** Active jobseekers of the area, and the long-term unemployed among them. */
  jobseekers: number;
  longTerm: number;
  /** Vacancies put through the match engine. */
  sampledVacancies: number;
  /**
   * The suitable local candidates of each sampled vacancy: how many among the best `looksAt(N)` living in
   * the area, and who (a digest of their sorted ids, which keys the rounding of that count: the mismatch summary).
   */
  suitableLocal: SuitableLocal[];
  /** Long-term unemployed put through the match engine (none when fewer than 3: always "<5"), and those without a suitable local vacancy. */
  sampledLongTerm: number;
  stranded: number;
}

/** The suitable local candidates of one vacancy, before anything is published. */
export interface SuitableLocal {
  count: number;
  people: string;
}

/**
 * How many of a vacancy's best local candidates are looked at for "at least N suitable": N up to the next
 * multiple of 5 (the published count is rounded to 5, so counting further would not change whether it
 * reaches N). Counted among a fixed number, one more or one fewer resident changes the count by one at most.
 */
export const looksAt = (candidates: number) => Math.max(1, Math.ceil(candidates / ROUNDING_BASE)) * ROUNDING_BASE;

/** A digest of who is counted (never published: it only keys the draw of the count's rounding). */
export const peopleDigest = (ids: string[]) => createHash('sha256').update([...ids].sort().join('\0')).digest('hex').slice(0, 32);

/** Every n-th id of a sorted list: a reproducible sample spread over the whole list. */
export function evenSample<T>(items: T[], size: number): T[] {
  if (size <= 0) return [];
  if (items.length <= size) return items;
  return Array.from({ length: size }, (_, i) => items[Math.floor((i * items.length) / size)]!);
}

/** Lets other work run between two rankings (a computation in the background); none by default. */
export type Pause = () => Promise<void>;

/** Counts, with the match engine, how many of an area's vacancies are staffed and how many long-term unemployed are stranded. */
export class MatchedFiguresCount {
  constructor(
    private readonly source: AnalyticsSource,
    private readonly matcher: Pick<Matcher, 'candidatesForVacancy' | 'vacanciesForJobseeker'>,
    private readonly settings: MatchedFiguresSettings,
  ) {}

  async count(area: AnalysisArea, query: MatchedFiguresQuery, pause?: Pause): Promise<MatchedFigures> {
    const filter = { municipalities: area.municipalities };
    const within = area.municipalities;
    const vacancyIds = await this.source.vacancyIds(filter);
    const jobseekers = (await this.source.jobseekerIds(filter)).length;
    const longTermIds = await this.source.jobseekerIds(filter, longTermSince(query.today));
    // The rankings do not depend on the page's language (it names skills only): asked in Finnish.
    const lang = 'fi';

    // The suitable candidates living in the area of each vacancy (whether they are N is decided when published).
    const suitableLocal: SuitableLocal[] = [];
    const sampledVacancies = evenSample(vacancyIds, this.settings.sample);
    for (const id of sampledVacancies) {
      await pause?.();
      const hits = await this.matcher.candidatesForVacancy(id, { k: looksAt(query.candidates), lang, area: within });
      const suitable = hits.filter((h) => suitsNow(h, this.settings.suitableScore)).map((h) => h.id);
      suitableLocal.push({ count: suitable.length, people: peopleDigest(suitable) });
    }
    // Long-term unemployed without a single suitable vacancy in the area.
    let stranded = 0;
    const sampledLongTerm = longTermIds.length < ALWAYS_SUPPRESSED_BELOW ? [] : evenSample(longTermIds, this.settings.sample);
    for (const id of sampledLongTerm) {
      await pause?.();
      // The best by score may miss an essential skill while a lower one does not: look at a few.
      const best = await this.matcher.vacanciesForJobseeker(id, { k: STRANDED_LOOKS_AT, lang, area: within });
      if (!best.some((h) => suitsNow(h, this.settings.suitableScore))) stranded++;
    }
    return {
      vacancies: vacancyIds.length,
      jobseekers,
      longTerm: longTermIds.length,
      sampledVacancies: sampledVacancies.length,
      suitableLocal,
      sampledLongTerm: sampledLongTerm.length,
      stranded,
    };
  }
}

/** The figures counted at every request (no keeping). */
export const countedNow = (counter: Pick<MatchedFiguresCount, 'count'>) => ({
  of: async (area: AnalysisArea, query: MatchedFiguresQuery) => ({ figures: await counter.count(area, query) }),
});

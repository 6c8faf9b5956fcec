import { cellDraws, randomlyRounded } from './random-rounding.js';
import { SUPPRESSED, type Suppressed } from './suppression.js';

/**
 * The counts of jobseekers of one planner question as they may be published: rounded at random to a
 * multiple of 5 (random-rounding.ts), under draws keyed by the installation's secret and by the question,
 * so that two questions whose people differ by one person cannot be subtracted to find that person
 * (test/http/planner-differencing.test.ts), and the same question asked again gets the same answer.
 */
export interface PublishedCounts {
  /** A count as published: a multiple of 5, or "<5". `cell` names what is counted within the question. */
  count(cell: string, n: number): number | Suppressed;
  /** The published count to compute gaps, ratios and shares with; null when it is "<5". */
  value(cell: string, n: number): number | null;
}

/**
 * The place of a question: its municipalities in order, or Finland. An employment area and a region of
 * the same municipalities (or a municipality asked by name or by code) are one place, with one set of draws.
 */
export const placeOf = (municipalities: string[] | undefined) => (municipalities ? [...municipalities].sort().join(',') : 'Finland');

/**
 * The counts of one question under the installation's key: `report` names whose people are counted
 * ("jobseekers" for the demand, supply and mismatch figures, "exposure" for oversight), `picks` what else
 * chooses the people (a language). What does not choose them — the labels' language, the vacancies'
 * period, the day within a month — is no part of the question, so asking it another way gives no new draw.
 */
export function publishedCounts(key: Buffer, report: string, municipalities: string[] | undefined, ...picks: string[]): PublishedCounts {
  const draw = cellDraws(key, [report, placeOf(municipalities), ...picks].join('\0'));
  const count = (cell: string, n: number) => randomlyRounded(n, draw(cell));
  return {
    count,
    value: (cell, n) => {
      const shown = count(cell, n);
      return shown === SUPPRESSED ? null : shown;
    },
  };
}

/** The demand and supply figures' and the mismatch summary's counts of active jobseekers in a place (speaking `language`, when given). */
export const jobseekerCounts = (key: Buffer, municipalities: string[] | undefined, language?: string) => publishedCounts(key, 'jobseekers', municipalities, `language=${language ?? ''}`);

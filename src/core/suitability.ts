import type { MatchHit } from './matches/schema.js';
import { failsGate } from './scoring.js';

/**
 * Share of a vacancy's essential skills a client must cover for the vacancy to count as suitable:
 * a warehouse job requiring a forklift licence is not open to a client without one, however well
 * the occupation and the place fit.
 */
export const ESSENTIAL_COVERAGE_MIN = 0.75;

/**
 * The occupation credit from which a vacancy is in the client's line of work: the same occupation,
 * ISCO unit or minor group (see occupationFit in scoring.ts), or related work by most of the
 * essential skills; any vacancy when either side's occupation is unknown.
 */
export const IN_LINE_CREDIT = 0.5;

/**
 * Whether a pair is suitable by score and skills alone: the match score reaches the line and the
 * client covers most of the essential skills (when either side's skills are unknown, the score alone
 * decides). A part of suitsNow, which is what everything counts as suitable (the client's page, the gap
 * report, the job-search obligation and the planner's figures); not a rule of its own.
 */
export function isSuitable(hit: Pick<MatchHit, 'score' | 'parts'>, suitableScore: number): boolean {
  return hit.score >= suitableScore && (hit.parts.essential === null || hit.parts.essential >= ESSENTIAL_COVERAGE_MIN);
}

/** A hit in the client's line of work (see IN_LINE_CREDIT). */
export const inClientsLine = (hit: Pick<MatchHit, 'parts'>): boolean => hit.parts.occupation === null || hit.parts.occupation >= IN_LINE_CREDIT;

/**
 * Whether a vacancy suits a client now, as a counsellor is told so: in the client's line of work,
 * suitable by score and essential skills (isSuitable), and no hard requirement failing — language,
 * licence, cards, working time and the commuting range. The gap report's "suitable now", the
 * job-search obligation's suitable open vacancies and the planner's figures (vacancies with N suitable
 * local candidates, long-term unemployed without a suitable vacancy, the vacancies a training place
 * opens) count these, and a match hit's `standing` is `suitable` for these: every figure counts the same thing.
 */
export function suitsNow(hit: Pick<MatchHit, 'score' | 'parts' | 'gates'>, suitableScore: number): boolean {
  return inClientsLine(hit) && isSuitable(hit, suitableScore) && !failsGate(hit.gates, true);
}

/** What the fit of a hit rests on (see MatchSettings in matching.ts). */
export interface FitLines {
  suitableScore: number;
  fitFloor: number;
  fitOccupation: number;
}

/**
 * Where a hit stands for the client, as the answer marks it (MatchHit.standing):
 * - `suitable`: suits them now (suitsNow);
 * - `fit`: their kind of work at a score at the fit floor (where both occupations are known, with
 *   credit for them at fitOccupation or above), not suitable now: a hard requirement fails, it is
 *   beyond the commuting range, or too few of its essential skills are held — the hit says which;
 * - `no-fit`: neither — other work, or work scored below the fit floor. Listed after the fits (or
 *   apart from them), never as suitable.
 */
export type Standing = MatchHit['standing'];

export function standingOf(hit: Pick<MatchHit, 'score' | 'parts' | 'gates'>, lines: FitLines): Standing {
  if (hit.score < lines.fitFloor || (hit.parts.occupation !== null && hit.parts.occupation < lines.fitOccupation)) return 'no-fit';
  return suitsNow(hit, lines.suitableScore) ? 'suitable' : 'fit';
}

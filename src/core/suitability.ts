import type { MatchHit } from './matches/schema.js';

/**
 * Share of a vacancy's essential skills a client must cover for the vacancy to count as suitable:
 * a warehouse job requiring a forklift licence is not open to a client without one, however well
 * the occupation and the place fit.
 */
export const ESSENTIAL_COVERAGE_MIN = 0.75;

/**
 * Whether a vacancy is suitable for a client (the gap analysis, training plan and mismatch figures
 * count these): the match score reaches the line and the client covers most of the essential
 * skills (when either side's skills are unknown, the score alone decides).
 */
export function isSuitable(hit: Pick<MatchHit, 'score' | 'parts'>, suitableScore: number): boolean {
  return hit.score >= suitableScore && (hit.parts.essential === null || hit.parts.essential >= ESSENTIAL_COVERAGE_MIN);
}

import { locationFit, type Place } from './location.js';
import { compareSkills } from './skills.js';

export interface Weights {
  semantic: number;
  skills: number;
  location: number;
}

export const DEFAULT_WEIGHTS: Weights = { semantic: 0.6, skills: 0.3, location: 0.1 };

/** The side offering work and the side seeking it, reduced to what scoring needs. */
export interface ScoredSide extends Place {
  skills: readonly string[];
  /** The side's free text; a jobseeker's text counts as evidence of skills it names. */
  text?: string;
}

export interface ScoreParts {
  /** Cosine similarity of the two texts' embeddings, clipped to [0, 1]. */
  semantic: number;
  /** Share of the vacancy's skills the jobseeker has; null when the vacancy lists none or the jobseeker nothing. */
  skills: number | null;
  /** Location fit; null when the seeker's place is unknown. */
  location: number | null;
}

export interface Score {
  score: number;
  parts: ScoreParts;
  matchedSkills: string[];
  missingSkills: string[];
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Weighted mean of the parts that are known: an unknown part (null) drops out and the other
 * weights are renormalised, so a vacancy listing no skills is neither rewarded nor punished.
 */
export function scoreMatch(seeker: ScoredSide, vacancy: ScoredSide, similarity: number, weights: Weights): Score {
  const skills = compareSkills(vacancy.skills, seeker.skills, seeker.text);
  const parts: ScoreParts = {
    semantic: round(Math.min(1, Math.max(0, similarity))),
    skills: skills.coverage === null ? null : round(skills.coverage),
    location: locationFit(seeker, vacancy),
  };
  let total = weights.semantic * parts.semantic;
  let weight = weights.semantic;
  if (parts.skills !== null) {
    total += weights.skills * parts.skills;
    weight += weights.skills;
  }
  if (parts.location !== null) {
    total += weights.location * parts.location;
    weight += weights.location;
  }
  return {
    score: round(weight > 0 ? total / weight : 0),
    parts,
    matchedSkills: skills.matched,
    missingSkills: skills.missing,
  };
}

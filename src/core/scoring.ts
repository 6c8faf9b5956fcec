import { locationFit, type Place } from './location.js';

export interface Weights {
  semantic: number;
  essential: number;
  optional: number;
  location: number;
}

export const DEFAULT_WEIGHTS: Weights = { semantic: 0.5, essential: 0.3, optional: 0.1, location: 0.1 };

/** A hard requirement, shown beside the score rather than folded into it. */
export type Gate = 'pass' | 'unknown' | 'fail';

/** The jobseeker side, reduced to what scoring needs. */
export interface SeekerSide extends Place {
  /** Skill concept URIs the jobseeker has. */
  skills: ReadonlySet<string>;
  languages?: string[];
  drivingLicence?: boolean;
  workingTime?: 'full' | 'part' | 'any';
}

/** The vacancy side. */
export interface OfferSide extends Place {
  essential: string[];
  optional: string[];
  languages?: string[];
  drivingLicenceRequired?: boolean;
  workingTime?: 'full' | 'part';
}

export interface Score {
  score: number;
  parts: {
    /** Cosine similarity of the two texts' embeddings, clipped to [0, 1]. */
    semantic: number;
    /** Share of the essential skills the jobseeker has; null if none are required or the jobseeker states none. */
    essential: number | null;
    optional: number | null;
    location: number | null;
  };
  gates: { language: Gate; licence: Gate; workingTime: Gate };
  matched: { uri: string; importance: 'essential' | 'optional' }[];
  missing: { uri: string; importance: 'essential' | 'optional' }[];
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

function gates(seeker: SeekerSide, offer: OfferSide): Score['gates'] {
  const required = offer.languages ?? [];
  const language: Gate =
    required.length === 0 ? 'pass' : !seeker.languages?.length ? 'unknown' : required.every((l) => seeker.languages!.includes(l)) ? 'pass' : 'fail';
  const licence: Gate = !offer.drivingLicenceRequired ? 'pass' : seeker.drivingLicence === undefined ? 'unknown' : seeker.drivingLicence ? 'pass' : 'fail';
  const workingTime: Gate =
    !offer.workingTime || seeker.workingTime === 'any' ? 'pass' : !seeker.workingTime ? 'unknown' : seeker.workingTime === offer.workingTime ? 'pass' : 'fail';
  return { language, licence, workingTime };
}

/**
 * Weighted mean of the parts that are known: an unknown part (null) drops out and the other weights
 * are renormalised. Gates (language, licence, working time) are reported, not scored.
 */
export function scoreMatch(seeker: SeekerSide, offer: OfferSide, similarity: number, weights: Weights): Score {
  const matched: Score['matched'] = [];
  const missing: Score['missing'] = [];
  const coverage = (uris: string[], importance: 'essential' | 'optional') => {
    if (uris.length === 0) return null;
    let had = 0;
    for (const uri of uris) {
      if (seeker.skills.has(uri)) {
        had++;
        matched.push({ uri, importance });
      } else missing.push({ uri, importance });
    }
    return seeker.skills.size === 0 ? null : round(had / uris.length);
  };
  const parts: Score['parts'] = {
    semantic: round(Math.min(1, Math.max(0, similarity))),
    essential: coverage(offer.essential, 'essential'),
    optional: coverage(offer.optional, 'optional'),
    location: locationFit(seeker, offer),
  };
  let total = 0;
  let weight = 0;
  for (const key of ['semantic', 'essential', 'optional', 'location'] as const) {
    const value = parts[key];
    if (value === null) continue;
    total += weights[key] * value;
    weight += weights[key];
  }
  return { score: round(weight > 0 ? total / weight : 0), parts, gates: gates(seeker, offer), matched, missing };
}

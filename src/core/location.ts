import { regions } from './regions/regions.js';

/** Where a jobseeker lives or a vacancy is, as the matcher sees it. */
export interface Place {
  municipality?: string;
  region?: string;
  remote?: boolean;
}

/**
 * Distance at which the location part falls to one half: about the longest daily commute most
 * jobseekers accept (Finnish commuting areas reach 30–50 km from their centre).
 */
export const HALF_FIT_KM = 40;

/** Kilometres between the two places' municipality centres; undefined when either is unknown. */
export function distanceKm(seeker: Place, vacancy: Place): number | undefined {
  if (!seeker.municipality || !vacancy.municipality) return undefined;
  return regions.distanceKm(seeker.municipality, vacancy.municipality);
}

/**
 * How well a vacancy's place suits a jobseeker's: 1 for remote work or in the same municipality,
 * then falling with the distance between municipality centres (0.5 at HALF_FIT_KM, 0.26 at twice
 * that, 0.11 at 160 km, 0.03 at 400 km): a tail long enough to tell 150 km from 400 km apart, which
 * the square of the distance (0.06 against 0.01) hardly did — same-occupation records beyond a
 * day's commute were ordered by their texts alone (bench:quality: nDCG@10 +0.004 client → vacancies,
 * +0.006 vacancy → candidates); null when the seeker's place is unknown.
 */
export function locationFit(seeker: Place, vacancy: Place): number | null {
  if (vacancy.remote) return 1;
  if (!seeker.municipality) return null;
  if (seeker.municipality === vacancy.municipality) return 1;
  const km = distanceKm(seeker, vacancy);
  if (km === undefined) return seeker.region && seeker.region === vacancy.region ? 0.5 : 0;
  return Math.round((1 / (1 + (km / HALF_FIT_KM) ** 1.5)) * 10_000) / 10_000;
}

/** Where a jobseeker lives or a vacancy is, as the matcher sees it. */
export interface Place {
  municipality?: string;
  region?: string;
  remote?: boolean;
}

/**
 * How well a vacancy's place suits a jobseeker's: 1 in the same municipality or for remote work,
 * 0.5 in the same region (maakunta), 0 elsewhere; null when the seeker's place is unknown.
 */
export function locationFit(seeker: Place, vacancy: Place): number | null {
  if (vacancy.remote) return 1;
  if (!seeker.municipality) return null;
  if (seeker.municipality === vacancy.municipality) return 1;
  if (seeker.region && seeker.region === vacancy.region) return 0.5;
  return 0;
}

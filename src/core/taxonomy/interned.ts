/**
 * One string object per concept URI met in matching. Records parsed from the store carry their own
 * copies of each URI (ESCO's are ~66 characters); a Map or Set lookup with a copy hashes it and
 * compares it character by character, with the shared string once per copy's first use and then by
 * identity. Sides built for scoring (see matching.ts) use these.
 */
const uris = new Map<string, string>();
/** Bound on the strings kept (ESCO has ~17,000 concepts; free text is never kept here: see matching.ts isConcept). */
const MAX_URIS = 200_000;

export function interned(uri: string): string {
  const known = uris.get(uri);
  if (known !== undefined) return known;
  if (uris.size < MAX_URIS) uris.set(uri, uri);
  return uri;
}

/**
 * Where request logs name jobseekers: the path of a jobseeker route, the `jobseeker` query
 * parameter of the audit trail and the `after` cursor of the client list (bodies are never
 * logged). Ids follow the record id rule.
 */
const MENTIONS = /(\/v1\/jobseekers\/|[?&]jobseeker=|\/v1\/jobseekers\?(?:[^\s"&]*&)*after=)([A-Za-z0-9][A-Za-z0-9._:-]*)/g;
/** Path words after /v1/jobseekers/ that are routes, not ids. */
const ROUTE_WORDS = new Set(['bulk', 'bulk-delete']);

/** The jobseeker ids a log line names (where `scrubLine` looks), to look up before scrubbing it. */
export function mentionedIds(line: string): string[] {
  return [...line.matchAll(MENTIONS)].map((m) => m[2]!).filter((id) => !ROUTE_WORDS.has(id));
}

/**
 * Replaces each id of an erased person in a log line by their tombstone token, so that request
 * logs kept after an erasure no longer name them. Other ids and the rest of the line stay as they are.
 */
export function scrubLine(line: string, erased: (id: string) => boolean, token: (id: string) => string): { line: string; replaced: number } {
  let replaced = 0;
  const scrubbed = line.replace(MENTIONS, (whole, prefix: string, id: string) => {
    if (ROUTE_WORDS.has(id) || !erased(id)) return whole;
    replaced++;
    return `${prefix}${token(id)}`;
  });
  return { line: scrubbed, replaced };
}

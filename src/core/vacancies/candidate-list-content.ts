import { createHash } from 'node:crypto';

/**
 * What of a stored vacancy does not choose or rank its candidates: bookkeeping, the employer's own details
 * and how to apply. Everything else — the title and description (read for the occupation and requirements),
 * skills, place, languages, licences, cards, working time, and any field added later — does.
 */
const NOT_RANKED = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'version',
  'employer',
  'contactPerson',
  'howToApply',
  'salary',
  'positions',
  'status',
  'publishedAt',
  'expiresAt',
  'startDate',
  'employment',
  'paySubsidy',
  // Derived from the fields above by the taxonomy in use: a taxonomy upgrade is no new list.
  'normalized',
]);

/** A record's value with object keys in one order, so that the same content always reads the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, canonical(v)]),
  );
}

/**
 * A digest of what a vacancy's candidate list is ranked by. Pseudonyms are keyed by it (src/core/sharing.ts):
 * a unit that edits its vacancy's requirements gets a new list under new pseudonyms, because under the same
 * ones two versions of the list joined each candidate's answers to both (every skill, language, licence or
 * card asked in turn: test/http/candidate-linking.test.ts). Edits of what ranks no candidate keep them.
 */
export function candidateListContent(vacancy: unknown): string {
  if (vacancy === null || typeof vacancy !== 'object') return '';
  const ranked = Object.fromEntries(Object.entries(vacancy).filter(([k]) => !NOT_RANKED.has(k)));
  return createHash('sha256').update(JSON.stringify(canonical(ranked))).digest('base64url');
}

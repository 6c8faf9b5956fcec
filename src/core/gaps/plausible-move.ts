import type { OccupationRef } from '../scoring.js';
import type { OccupationConcept } from '../taxonomy/taxonomy.js';

/** What the rule reads of the taxonomy: an occupation concept's ISCO-08 group and how related two occupations' skill profiles are. */
export interface MoveTaxonomy {
  occupationGroup(uri: string): string | undefined;
  occupationRelation(a: string, b: string): number;
}

/** ISCO-08 digits of a minor group (three) and a sub-major group (two). */
const MINOR = 3;
const SUB_MAJOR = 2;

/**
 * Whether a counsellor would call an occupation a plausible next move for a client who worked in
 * `held` (the client's own unit group is excluded before: see own-work.ts): one in the ISCO-08 minor
 * group of an occupation held (a software developer's tester, a vehicle mechanic's machinery
 * mechanic), or in its sub-major group when the occupation's vacancies resemble the client's profile
 * (`similarity`) and the two ESCO skill profiles share essential skills (a cook's waiter: a
 * hospitality team, food hygiene). Nothing further: in the same major group ESCO's profiles share
 * only generic skills (a waiter's and a hairdresser's customer service), and across major groups the
 * vacancies' likeness to a profile is no sign of a move (a shop assistant's office clerk, a nurse's
 * class teacher). Measured with benchmarks/reach.ts against moves a counsellor names.
 */
export function plausibleMove(
  held: readonly OccupationRef[],
  target: OccupationConcept,
  similarity: number,
  settings: { targetMinSimilarity: number; targetMinSharedSkills: number },
  taxonomy: MoveTaxonomy,
): boolean {
  const group = target.iscoGroup;
  if (!group || group.length < MINOR) return false;
  const groups = held.flatMap((o) => [o.isco, o.uri ? taxonomy.occupationGroup(o.uri) : undefined]).filter((g): g is string => !!g && g.length >= MINOR);
  if (groups.some((g) => g.slice(0, MINOR) === group.slice(0, MINOR))) return true;
  if (similarity < settings.targetMinSimilarity || !groups.some((g) => g.slice(0, SUB_MAJOR) === group.slice(0, SUB_MAJOR))) return false;
  const shared = Math.max(0, ...held.flatMap((o) => (o.uri ? [taxonomy.occupationRelation(o.uri, target.uri)] : [])));
  return shared >= settings.targetMinSharedSkills;
}

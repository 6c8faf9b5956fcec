import type { OccupationRef } from '../scoring.js';

/** ISCO-08 unit groups have four digits (an ESCO occupation's code begins with its unit group's). */
const UNIT_GROUP_DIGITS = 4;

/** What the rule reads of the taxonomy: the unit group an occupation concept is filed in. */
export type UnitGroupOf = (uri: string) => string | undefined;

/** An occupation's unit groups: the one a record gives and the one its concept is filed in. */
function unitGroups(ref: OccupationRef, groupOf: UnitGroupOf): string[] {
  const groups: string[] = [];
  for (const code of [ref.isco, ref.uri ? groupOf(ref.uri) : undefined]) {
    if (code && code.length >= UNIT_GROUP_DIGITS) groups.push(code.slice(0, UNIT_GROUP_DIGITS));
  }
  return groups;
}

/**
 * Whether an occupation is work the client practically holds already, so no new occupation "within
 * reach": one of the client's own occupations (by any of its labels), or one in the same ISCO-08 unit
 * group — on ESCO the unit group holds the occupation's narrower and broader concepts and its close
 * variants (a building cleaner's toilet attendant, room attendant and train cleaner; a nurse's
 * specialist nurses), whose vacancies the match already credits as the client's own occupation.
 * `held`: the occupations the client worked in, not those wished.
 *
 * Shared essential skills are not used: across unit groups ESCO's skill profiles coincide for work a
 * counsellor would not call the same (an astronomer's and a demographer's research skills).
 */
export function practicallyHeld(held: readonly OccupationRef[], target: OccupationRef, groupOf: UnitGroupOf): boolean {
  if (!target.uri && !target.isco) return false;
  const targetGroups = unitGroups(target, groupOf);
  for (const own of held) {
    if (own.uri && own.uri === target.uri) return true;
    if (unitGroups(own, groupOf).some((g) => targetGroups.includes(g))) return true;
  }
  return false;
}

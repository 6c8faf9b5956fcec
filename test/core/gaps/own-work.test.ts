import { describe, expect, it } from 'vitest';
import { practicallyHeld } from '../../../src/core/gaps/own-work.js';
import { curatedTaxonomy } from '../../helpers/taxonomy.js';

/**
 * On the curated test taxonomy (fixtures/taxonomy, a test double for ESCO): the rule reads only the
 * unit group an occupation is filed in. The same on ESCO v1.1.1 as shipped, with ESCO's own
 * neighbours of a building cleaner: own-work-esco.test.ts (whole suite).
 */
const taxonomy = curatedTaxonomy();
const groupOf = taxonomy.occupationGroup;
const byLabel = (label: string) => {
  const found = [...taxonomy.occupations.values()].find((o) => taxonomy.label(o.uri, 'en') === label);
  if (!found) throw new Error(`no curated occupation '${label}'`);
  return { uri: found.uri, isco: found.iscoGroup };
};

describe('practicallyHeld', () => {
  const cleaner = byLabel('cleaner');

  it('counts the own occupation and the occupations of its ISCO unit group as held (a cleaner and the room attendant)', () => {
    expect(cleaner.isco).toBe(byLabel('room attendant').isco);
    expect(practicallyHeld([cleaner], cleaner, groupOf)).toBe(true);
    expect(practicallyHeld([cleaner], byLabel('room attendant'), groupOf)).toBe(true);
    // The concept's unit group counts when the record gives none.
    expect(practicallyHeld([{ uri: cleaner.uri }], { uri: byLabel('room attendant').uri }, groupOf)).toBe(true);
    // A vacancy known only by its unit group, and a client known only by theirs.
    expect(practicallyHeld([cleaner], { isco: cleaner.isco }, groupOf)).toBe(true);
    expect(practicallyHeld([{ isco: cleaner.isco }], byLabel('room attendant'), groupOf)).toBe(true);
  });

  it('leaves work of another unit group a new occupation, however near', () => {
    for (const other of ['property caretaker', 'kitchen assistant', 'waste collector']) {
      const target = byLabel(other);
      expect(target.isco.slice(0, 4), other).not.toBe(cleaner.isco.slice(0, 4));
      expect(practicallyHeld([cleaner], target, groupOf), other).toBe(false);
    }
    expect(practicallyHeld([], cleaner, groupOf)).toBe(false);
    expect(practicallyHeld([cleaner], {}, groupOf)).toBe(false);
  });
});

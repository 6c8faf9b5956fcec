import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEscoCsv } from '../../../src/adapters/taxonomy/esco-csv.js';
import { practicallyHeld } from '../../../src/core/gaps/own-work.js';

/** On ESCO v1.1.1 as shipped (whole suite; own-work.test.ts runs the rule on the curated test taxonomy in the unit tier): which occupations a client practically holds already (no new occupation within reach). */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const esco = loadEscoCsv(join(ROOT, 'taxonomy', 'esco-1.1.1'), { extension: join(ROOT, 'taxonomy', 'local-extension.csv') });
const groupOf = esco.occupationGroup;
const byLabel = (label: string) => {
  const found = [...esco.occupations.values()].find((o) => esco.label(o.uri, 'en') === label);
  if (!found) throw new Error(`no ESCO occupation '${label}'`);
  return { uri: found.uri, isco: found.iscoGroup };
};

describe('practicallyHeld', () => {
  const cleaner = byLabel('building cleaner');

  it('counts the own occupation and the occupations of its ISCO unit group as held (a cleaner and the toilet attendant)', () => {
    expect(cleaner.isco).toBe(byLabel('toilet attendant').isco);
    expect(practicallyHeld([cleaner], cleaner, groupOf)).toBe(true);
    expect(practicallyHeld([cleaner], byLabel('toilet attendant'), groupOf)).toBe(true);
    expect(practicallyHeld([cleaner], byLabel('room attendant'), groupOf)).toBe(true);
    // A vacancy known only by its unit group, and a client known only by theirs.
    expect(practicallyHeld([cleaner], { isco: cleaner.isco }, groupOf)).toBe(true);
    expect(practicallyHeld([{ isco: cleaner.isco }], byLabel('toilet attendant'), groupOf)).toBe(true);
  });

  it('leaves work of another unit group a new occupation, however near', () => {
    for (const other of ['window cleaner', 'housekeeping supervisor', 'kitchen porter']) {
      const target = byLabel(other);
      expect(target.isco.slice(0, 4), other).not.toBe(cleaner.isco.slice(0, 4));
      expect(practicallyHeld([cleaner], target, groupOf), other).toBe(false);
    }
    expect(practicallyHeld([], cleaner, groupOf)).toBe(false);
    expect(practicallyHeld([cleaner], {}, groupOf)).toBe(false);
  });
});

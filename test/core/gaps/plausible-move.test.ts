import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEscoCsv } from '../../../src/adapters/taxonomy/esco-csv.js';
import { plausibleMove } from '../../../src/core/gaps/plausible-move.js';
import { DEFAULT_GAP_SETTINGS } from '../../../src/config.js';

/** On ESCO v1.1.1 as shipped: which occupations a counsellor would call a move within reach (issue 29). */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const esco = loadEscoCsv(join(ROOT, 'taxonomy', 'esco-1.1.1'), { extension: join(ROOT, 'taxonomy', 'local-extension.csv') });
const concept = (label: string) => {
  const found = [...esco.occupations.values()].find((o) => esco.label(o.uri, 'en') === label);
  if (!found) throw new Error(`no ESCO occupation '${label}'`);
  return found;
};
const held = (label: string) => [{ uri: concept(label).uri, isco: concept(label).iscoGroup }];
const move = (from: string, to: string, similarity: number) => plausibleMove(held(from), concept(to), similarity, DEFAULT_GAP_SETTINGS, esco);

describe('plausibleMove', () => {
  it('takes work of the same ISCO minor group whatever the vacancies look like (a developer’s tester, a vehicle technician’s machinery mechanic)', () => {
    expect(move('software developer', 'software tester', 0.1)).toBe(true);
    expect(move('vehicle technician', 'industrial machinery mechanic', 0.1)).toBe(true);
  });

  it('takes work of the same sub-major group only with resembling vacancies and shared essential skills (a cook’s waiter)', () => {
    expect(concept('cook').iscoGroup.slice(0, 3)).not.toBe(concept('waiter/waitress').iscoGroup.slice(0, 3));
    expect(esco.occupationRelation(concept('cook').uri, concept('waiter/waitress').uri)).toBeGreaterThanOrEqual(DEFAULT_GAP_SETTINGS.targetMinSharedSkills);
    expect(move('cook', 'waiter/waitress', 0.4)).toBe(true);
    expect(move('cook', 'waiter/waitress', 0.2)).toBe(false);
    // Same sub-major group (51), no essential skill in common: a cook is not told to become a building caretaker.
    expect(concept('cook').iscoGroup.slice(0, 2)).toBe(concept('building caretaker').iscoGroup.slice(0, 2));
    expect(move('cook', 'building caretaker', 0.9)).toBe(false);
  });

  it('never takes work of another sub-major group, however alike the vacancies (the nurse’s class teacher, the shop assistant’s office clerk)', () => {
    expect(move('nurse responsible for general care', 'primary school teacher', 0.9)).toBe(false);
    expect(move('nurse responsible for general care', 'marketing consultant', 0.9)).toBe(false);
    expect(move('sales assistant', 'office clerk', 0.9)).toBe(false);
    expect(plausibleMove([], concept('office clerk'), 0.9, DEFAULT_GAP_SETTINGS, esco)).toBe(false);
  });
});

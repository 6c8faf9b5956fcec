import { describe, expect, it } from 'vitest';
import { employerKey, linkGroup, NEAR_IDENTICAL, textOverlap } from '../../src/core/duplicates.js';

const posting = (title: string, description: string) => ({ title, description });

describe('near-duplicate vacancies', () => {
  it('know an employer however its name is written', () => {
    expect(employerKey('Konepaja Teräs Oy')).toBe(employerKey('KONEPAJA TERÄS'));
    expect(employerKey('Vasa stad')).not.toBe(employerKey('Vaasan kaupunki')); // names in two languages are not guessed
  });

  it('take a reformatted or slightly edited text as the same, and other work of the same employer as different', () => {
    const board = posting('Hitsaaja', 'Konepaja hakee kokenutta hitsaajaa vakituiseen työsuhteeseen. MIG-hitsaus, piirustusten lukeminen. Työ on kaksivuorotyötä ja alkaa heti.');
    const ownSite = posting('HITSAAJA', 'Konepaja hakee kokenutta hitsaajaa vakituiseen työsuhteeseen.\n- MIG-hitsaus\n- piirustusten lukeminen\nTyö on kaksivuorotyötä ja alkaa heti!');
    const other = posting('Koneistaja', 'Konepaja hakee koneistajaa vakituiseen työsuhteeseen. CNC-koneistus, piirustusten lukeminen. Työ on kaksivuorotyötä.');
    expect(textOverlap(board, ownSite)).toBeGreaterThanOrEqual(NEAR_IDENTICAL);
    expect(textOverlap(board, other)).toBeLessThan(NEAR_IDENTICAL);
  });

  it('link each open record to the earliest open one it repeats, and list the repeats there', () => {
    const r = (id: string, createdAt: string, text: string, open = true) => ({ id, createdAt, text, open });
    const group = [r('B', '2026-02', 'x'), r('A', '2026-01', 'x'), r('C', '2026-03', 'y'), r('D', '2026-04', 'x'), r('E', '2025-12', 'x', false)];
    const states = linkGroup(group, (x) => x.open, (a, b) => a.text === b.text);
    expect(Object.fromEntries(states)).toEqual({ E: {}, A: { sources: ['B', 'D'] }, B: { duplicateOf: 'A' }, C: {}, D: { duplicateOf: 'A' } });
  });
});

import { describe, expect, it } from 'vitest';
import { random } from '../../../benchmarks/outcomes/market.js';
import { ageBand, ComparisonPool, dayNumber, durationBandOfDays, type PoolClient } from '../../../src/core/what-works/comparison-pool.js';

/**
 * The comparison pool finds a cell's clients on a day by index; these check it against the
 * definition read client by client: same group, same duration and age band on the day, unemployed
 * on or before it with no employment between, and employed within each horizon after it.
 */
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The cell's clients and their employment within the horizons, read one client at a time. */
function byDefinition(clients: PoolClient[], group: string, duration: string, age: string, on: string, horizons: number[]) {
  const pool = clients.filter(
    (c) =>
      c.unemployedSince !== null &&
      c.unemployedSince <= on &&
      !c.employed.some((d) => d >= c.unemployedSince! && d <= on) &&
      (c.isco?.[0] ?? '?') === group &&
      durationBandOfDays(dayNumber(on) - dayNumber(c.unemployedSince)) === duration &&
      ageBand(c.birthYear, on) === age,
  );
  return { jobless: pool.length, employedWithin: horizons.map((h) => pool.filter((c) => c.employed.some((d) => d > on && d <= addDays(on, h))).length) };
}

describe('comparison pool', () => {
  it('finds the same clients of each cell on each day as reading every client', () => {
    const rnd = random(33);
    const clients: PoolClient[] = Array.from({ length: 600 }, () => ({
      isco: rnd() < 0.05 ? null : `${1 + Math.floor(rnd() * 3)}123`,
      unemployedSince: rnd() < 0.05 ? null : addDays('2023-01-01', Math.floor(rnd() * 1200)),
      birthYear: rnd() < 0.05 ? null : 1960 + Math.floor(rnd() * 45),
      employed: Array.from({ length: Math.floor(rnd() * 3) }, () => addDays('2022-06-01', Math.floor(rnd() * 1600))).sort(),
    }));
    const pool = new ComparisonPool(clients);
    let nonEmpty = 0;
    for (const on of ['2024-02-29', '2025-01-01', '2025-06-30', '2026-03-15']) {
      for (const group of ['1', '2', '3', '?'])
        for (const duration of ['<6', '6-12', '12-24', '24+'])
          for (const age of ['<25', '25-34', '35-49', '50+', '?']) {
            const found = pool.cell(group, duration, age, on, [91, 182]);
            expect({ jobless: found.jobless, employedWithin: found.employedWithin }).toEqual(byDefinition(clients, group, duration, age, on, [91, 182]));
            if (found.jobless > 0) nonEmpty++;
          }
    }
    expect(nonEmpty).toBeGreaterThan(50);
  });

  it('counts a client without work on the day even when employed before unemployment began, and not one employed on the day', () => {
    const base = { isco: '7212', unemployedSince: '2025-01-10', birthYear: 1990 };
    const clients: PoolClient[] = [
      { ...base, employed: ['2024-12-01', '2025-07-15'] }, // a job before unemployment: still without work on 2025-06-01; employed 44 days after
      { ...base, employed: ['2025-06-01'] }, // employed on the day itself: not without work
      { ...base, employed: ['2025-12-01'] }, // employed 183 days after: in neither horizon
      { ...base, unemployedSince: '2025-06-02', employed: [] }, // unemployed only after the day
    ];
    const cell = new ComparisonPool(clients).cell('7', durationBandOfDays(dayNumber('2025-06-01') - dayNumber('2025-01-10')), '35-49', '2025-06-01', [91, 182]);
    expect(cell.jobless).toBe(2);
    expect(cell.employedWithin).toEqual([1, 1]);
  });

  it('counts each comparison client once across cells that share them', () => {
    const clients: PoolClient[] = Array.from({ length: 30 }, (_, i) => ({ isco: '7212', unemployedSince: '2025-01-10', birthYear: 1990, employed: i < 5 ? ['2025-03-01'] : [] }));
    const pool = new ComparisonPool(clients);
    const a = pool.cell('7', '<6', '35-49', '2025-06-01', [91]);
    const b = pool.cell('7', '6-12', '35-49', '2025-08-01', [91]);
    expect(pool.distinct([a])).toBe(25); // the five employed in March were not without work on either day
    expect(pool.distinct([a, b])).toBe(25); // the same clients again
    expect(pool.distinct([])).toBe(0);
  });

  it('counts a client shared by cells of different days once, when without work on any of those days', () => {
    const base = { isco: '7212', birthYear: 1990 };
    const clients: PoolClient[] = [
      { ...base, unemployedSince: '2025-01-01', employed: ['2025-05-15'] }, // without work on 2025-05-01, not on 2025-06-01
      { ...base, unemployedSince: '2025-01-01', employed: [] }, // without work on both days
      { ...base, unemployedSince: '2025-05-20', employed: [] }, // unemployed only after 2025-05-01
    ];
    const pool = new ComparisonPool(clients);
    const may = pool.cell('7', '<6', '35-49', '2025-05-01', [91]);
    const june = pool.cell('7', '<6', '35-49', '2025-06-01', [91]);
    expect([may.jobless, june.jobless]).toEqual([2, 2]);
    expect(pool.distinct([june, may])).toBe(3);
    expect(pool.distinct([june])).toBe(2);
  });

  it('counts the same distinct clients as reading every cell client by client, over many overlapping cells', () => {
    const rnd = random(34);
    const clients: PoolClient[] = Array.from({ length: 800 }, () => ({
      isco: rnd() < 0.05 ? null : `${1 + Math.floor(rnd() * 2)}123`,
      unemployedSince: rnd() < 0.05 ? null : addDays('2023-01-01', Math.floor(rnd() * 1200)),
      birthYear: rnd() < 0.05 ? null : 1970 + Math.floor(rnd() * 30),
      employed: Array.from({ length: Math.floor(rnd() * 3) }, () => addDays('2022-06-01', Math.floor(rnd() * 1600))).sort(),
    }));
    const pool = new ComparisonPool(clients);
    const inCell = (c: PoolClient, group: string, duration: string, age: string, on: string) =>
      c.unemployedSince !== null &&
      c.unemployedSince <= on &&
      !c.employed.some((d) => d >= c.unemployedSince! && d <= on) &&
      (c.isco?.[0] ?? '?') === group &&
      durationBandOfDays(dayNumber(on) - dayNumber(c.unemployedSince)) === duration &&
      ageBand(c.birthYear, on) === age;
    for (let round = 0; round < 40; round++) {
      const cells = Array.from({ length: 1 + Math.floor(rnd() * 30) }, () => {
        const group = ['1', '2', '?'][Math.floor(rnd() * 3)]!;
        const duration = ['<6', '6-12', '12-24', '24+'][Math.floor(rnd() * 4)]!;
        const age = ['<25', '25-34', '35-49', '50+'][Math.floor(rnd() * 4)]!;
        const on = addDays('2025-01-01', Math.floor(rnd() * 400));
        return { group, duration, age, on };
      });
      const expected = new Set(clients.filter((c) => cells.some((k) => inCell(c, k.group, k.duration, k.age, k.on))));
      expect(pool.distinct(cells.map((k) => pool.cell(k.group, k.duration, k.age, k.on, [91])))).toBe(expected.size);
    }
  });
});

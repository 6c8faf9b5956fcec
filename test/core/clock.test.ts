import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LexicalEmbedder } from '../../src/adapters/embedders/lexical.js';
import { dayOf, fixedClock } from '../../src/core/clock.js';
import { vacancyKind } from '../../src/core/kinds.js';
import { RecordService } from '../../src/core/records.js';
import { vacancyInput, type Vacancy } from '../../src/core/vacancies/schema.js';
import { ExactIndex } from '../../src/adapters/memory/exact-index.js';
import { MemoryRecordStore } from '../../src/adapters/memory/record-store.js';
import { ROOT } from '../helpers/files.js';
import { sampleVacancy } from '../helpers/samples.js';

const CORE = join(ROOT, 'src', 'core');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/**
 * Reads of the machine's clock left in the core, each with why. Both are zod refinements of request
 * shapes (a date not in the future, a birth year at least 15 years ago): in src/core/schemas/common.ts
 * and src/core/jobseekers/schema.ts (moved there from src/core/schemas, the clock not yet taken).
 */
const EXCEPTIONS = ['schemas/common.ts', 'jobseekers/schema.ts'];

describe('the clock port', () => {
  it('gives the UTC day of an instant', () => {
    expect(dayOf(new Date('2026-03-01T23:30:00+02:00'))).toBe('2026-03-01');
    expect(dayOf(new Date('2026-03-01T00:30:00+02:00'))).toBe('2026-02-28');
  });

  it('stands still when fixed, and refuses what is not a date', () => {
    const clock = fixedClock('2026-06-15T12:00:00Z');
    expect(clock().toISOString()).toBe('2026-06-15T12:00:00.000Z');
    expect(clock()).not.toBe(clock()); // a fresh Date each time: a caller changing one changes nothing else
    expect(() => fixedClock('15.6.2026')).toThrow(/not a date/);
  });

  it('decides what is open today: a vacancy expires by the clock it was given, not the machine\'s', async () => {
    let at = '2026-06-15T09:00:00Z';
    const vacancies = new RecordService<Vacancy>(vacancyKind, new MemoryRecordStore<any>(), new ExactIndex(), new LexicalEmbedder(), {
      maxBatch: 10,
      now: () => new Date(at),
    });
    await vacancies.putMany([vacancyInput.parse(sampleVacancy('V-JUNE', { municipality: '837', expiresAt: '2026-06-30' }))]);
    expect(vacancies.today()).toBe('2026-06-15');
    expect(await vacancies.closeExpired()).toBe(0);
    expect(vacancyKind.isMatchable((await vacancies.get('V-JUNE')), vacancies.today())).toBe(true);
    at = '2026-07-01T09:00:00Z';
    expect(await vacancies.closeExpired()).toBe(1);
    expect(vacancies.today()).toBe('2026-07-01');
    expect(vacancyKind.isMatchable((await vacancies.get('V-JUNE')), vacancies.today())).toBe(false);
  });

  it('is the only "now" of the core: no file reads the machine clock itself', () => {
    const readers = files(CORE)
      .map((f) => relative(CORE, f).split(sep).join('/'))
      .filter((rel) => !EXCEPTIONS.includes(rel))
      .filter((rel) => /new Date\(\)|Date\.now\(\)/.test(readFileSync(join(CORE, rel), 'utf8')));
    expect(readers).toEqual([]);
  });

  it('keeps no stale exception', () => {
    for (const rel of EXCEPTIONS) expect(readFileSync(join(CORE, rel), 'utf8')).toMatch(/new Date\(\)|Date\.now\(\)/);
  });
});

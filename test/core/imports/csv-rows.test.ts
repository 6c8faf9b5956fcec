import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvRow, isCsvRow } from '../../../src/core/imports/csv-rows.js';

/** A spreadsheet export with a quoted cell spanning two lines, as counsellors' sheets have them. */
const SHEET = 'id;title;skills\nV-1;Hitsaaja;"MIG-hitsaus\ntulityökortti"\nV-2;Kokki;hygieniapassi\n';

describe('csv rows as csv-parse gives them', () => {
  it('reads each row with `info: true` as its cells and the line it ends on', () => {
    const rows: unknown[] = parse(SHEET, { delimiter: ';', info: true, relax_column_count: true });
    const read = rows.map(csvRow);
    expect(read.map((r) => r.record)).toEqual([
      ['id', 'title', 'skills'],
      ['V-1', 'Hitsaaja', 'MIG-hitsaus\ntulityökortti'],
      ['V-2', 'Kokki', 'hygieniapassi'],
    ]);
    // The multi-line cell moves the next row's line on by one: errors name the line a person finds in the file.
    const lines = read.map((r) => r.info.lines);
    expect(lines[0]).toBe(1);
    expect(lines[2]! - lines[1]!).toBe(1);
    expect(lines[1]! - lines[0]!).toBe(2);
  });

  it('refuses rows parsed without `info: true` (bare cell arrays), saying what is missing', () => {
    const bare: unknown[] = parse(SHEET, { delimiter: ';' });
    expect(bare.some(isCsvRow)).toBe(false);
    expect(() => csvRow(bare[0])).toThrow(/without its cells and line.*info: true/);
  });

  it('refuses shapes that only look like rows: a cell that is not text, lines that are not a number, no info', () => {
    expect(isCsvRow({ record: ['a', 'b'], info: { lines: 3 } })).toBe(true);
    expect(isCsvRow({ record: ['a', 2], info: { lines: 3 } })).toBe(false);
    expect(isCsvRow({ record: 'a;b', info: { lines: 3 } })).toBe(false);
    expect(isCsvRow({ record: ['a'], info: { lines: '3' } })).toBe(false);
    expect(isCsvRow({ record: ['a'], info: null })).toBe(false);
    expect(isCsvRow({ record: ['a'] })).toBe(false);
    expect(isCsvRow(null)).toBe(false);
    expect(isCsvRow('a;b')).toBe(false);
  });
});

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../../src/adapters/taxonomy/csv-records.js';

const oracle = (text: string) => parse(text, { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true });

describe('csvRecords', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF, a BOM, and skips empty lines', () => {
    const text = '\uFEFFuri,label,alt\r\nu1,"welding, MIG","say ""hi""\nsecond line"\r\n\r\nu2,plain,\n';
    expect(csvRecords(text)).toEqual([
      { uri: 'u1', label: 'welding, MIG', alt: 'say "hi"\nsecond line' },
      { uri: 'u2', label: 'plain', alt: '' },
    ]);
  });

  it('reads as csv-parse reads (the parser the service uses for uploads) where line endings agree', () => {
    const text = 'uri,label,alt\nu1,"welding, MIG","say ""hi""\nsecond line"\n\nu2,plain,\nu3,"",x\n';
    expect(csvRecords(text)).toEqual(oracle(text));
  });

  it('keeps the fields the header names when a record has fewer or more', () => {
    const text = 'a,b,c\n1,2\n3,4,5,6\n7,8,9';
    expect(csvRecords(text)).toEqual([{ a: '1', b: '2' }, { a: '3', b: '4', c: '5' }, { a: '7', b: '8', c: '9' }]);
  });

  it('reads an empty last field and an empty text', () => {
    expect(csvRecords('a,b\n1,')).toEqual([{ a: '1', b: '' }]);
    expect(csvRecords('')).toEqual([]);
    expect(csvRecords('a,b\n')).toEqual([]);
  });

  it('refuses a quoted field that is never closed', () => {
    expect(() => csvRecords('a\nok\n"open')).toThrow('line 3: a quoted field is not closed');
  });
});

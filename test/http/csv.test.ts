import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/http/csv.js';

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as formulas (OWASP CSV injection)', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    for (const attack of ['+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(csvCell(attack).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell(-5)).toBe('-5'); // a number stays a number
    expect(csvCell('hitsaaja')).toBe('hitsaaja');
    expect(toCsv([{ a: '=1+1', b: 2 }], [['a', (r) => r.a], ['b', (r) => r.b]])).toBe("\uFEFFa;b\r\n'=1+1;2\r\n");
  });

  it('writes what Excel in Finland opens as columns: a BOM, semicolons, a decimal comma', () => {
    expect(toCsv([{ a: 'ä;ö', b: 0.25, c: -1.5, d: 1200 }], [['a', (r) => r.a], ['b', (r) => r.b], ['c', (r) => r.c], ['d', (r) => r.d]])).toBe('\uFEFFa;b;c;d\r\n"ä;ö";0,25;-1,5;1200\r\n');
  });
});

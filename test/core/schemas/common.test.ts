import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  emailAddress,
  freeText,
  languageList,
  municipalityRef,
  pastDate,
  phoneNumber,
  plausibleDate,
  queryDecimal,
  queryInt,
  recordId,
  regionRef,
  singleLine,
} from '../../../src/core/schemas/common.js';

const ok = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

/** The field types every input is built of: what each takes and refuses. */
describe('common field schemas', () => {
  it('takes record ids of letters, digits and . _ : - starting with a letter or digit, up to 128', () => {
    expect(['J-1', 'a', 'x.y_z:1', 'A'.repeat(128)].map((v) => ok(recordId, v))).toEqual([true, true, true, true]);
    expect(['', '-J', 'J 1', 'J/1', 'Ä1', 'A'.repeat(129), 7].map((v) => ok(recordId, v))).toEqual([false, false, false, false, false, false, false]);
  });

  it('trims single-line text and refuses line breaks, controls and bidi marks in it', () => {
    const line = singleLine(10);
    expect(line.parse('  Hitsaaja ')).toBe('Hitsaaja');
    expect(['a\nb', 'a\tb', 'a\u2028b', 'a\u202Eb', 'a\u0085b', '\uD800', '   ', 'x'.repeat(11)].map((v) => ok(line, v))).toEqual(Array(8).fill(false));
  });

  it('takes line breaks and tabs in multi-line text, never other controls or bidi marks', () => {
    expect(freeText.parse(' rivi 1\n\trivi 2\r\n ')).toBe('rivi 1\n\trivi 2');
    expect(['a\u0000b', 'a\u001Bb', 'a\u2066b', 'a\u200Fb', ''].map((v) => ok(freeText, v))).toEqual(Array(5).fill(false));
    expect(ok(freeText, 'x'.repeat(20_000))).toBe(true);
    expect(ok(freeText, 'x'.repeat(20_001))).toBe(false);
  });

  it('knows municipalities and regions by code or Finnish or Swedish name', () => {
    expect(['091', 'Helsinki', 'Helsingfors', ' Tampere '].map((v) => ok(municipalityRef, v))).toEqual([true, true, true, true]);
    expect(['999', 'Gotham', ''].map((v) => ok(municipalityRef, v))).toEqual([false, false, false]);
    expect(municipalityRef.safeParse('Gotham').error!.issues[0]!.message).toMatch(/^unknown municipality/);
    expect(['06', 'Pirkanmaa', 'Birkaland'].map((v) => ok(regionRef, v))).toEqual([true, true, true]);
    expect(['99', 'Atlantis', ''].map((v) => ok(regionRef, v))).toEqual([false, false, false]);
  });

  it('takes ISO 639 language codes in lower case only', () => {
    expect(ok(languageList, ['fi', 'sv', 'smn'])).toBe(true);
    expect([['FI'], ['fin-FI'], ['f'], Array(21).fill('fi')].map((v) => ok(languageList, v))).toEqual([false, false, false, false]);
  });

  it('takes dates between 1950 and 2100, and past dates up to tomorrow (time zones)', () => {
    expect(['1950-01-01', '2100-12-31', '2024-02-29'].map((v) => ok(plausibleDate, v))).toEqual([true, true, true]);
    expect(['1949-12-31', '2101-01-01', '2025-02-29', '2026-13-01', '6.12.2026'].map((v) => ok(plausibleDate, v))).toEqual(Array(5).fill(false));
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    expect([day(-1), day(0), day(1)].map((v) => ok(pastDate, v))).toEqual([true, true, true]);
    expect(ok(pastDate, day(3))).toBe(false);
  });

  it('reads whole and decimal numbers from query strings in decimal digits only', () => {
    const k = queryInt(1, 200);
    expect(k.parse('20')).toBe(20);
    expect(['0', '201', '0x10', '1e3', ' 5', '5.0', '-1', ''].map((v) => ok(k, v))).toEqual(Array(8).fill(false));
    const km = queryDecimal(0, 1500);
    expect(km.parse('12.5')).toBe(12.5);
    expect(['1500.1', '.5', '1,5', 'NaN', 'Infinity'].map((v) => ok(km, v))).toEqual(Array(5).fill(false));
  });

  it('takes phone numbers and e-mail addresses as people write them', () => {
    expect(['+358 40 123 4567', '040-1234567', '(09) 123 456'].map((v) => ok(phoneNumber, v))).toEqual([true, true, true]);
    expect(['123', 'soita minulle', '+358 40 123 4567 ext 5'].map((v) => ok(phoneNumber, v))).toEqual([false, false, false]);
    expect(ok(emailAddress, 'anna.virtanen@tyollisyys.fi')).toBe(true);
    expect(['anna@', 'anna', `${'a'.repeat(250)}@b.fi`].map((v) => ok(emailAddress, v))).toEqual([false, false, false]);
  });
});

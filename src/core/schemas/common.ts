import { z } from 'zod';
import { LANGS } from '../languages.js';
import { regions } from '../regions/regions.js';

/** One of the service's languages (fi, sv, en). */
export const language = z.enum(LANGS);

/** The caller's own stable identifier for a record. */
export const recordId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'letters, digits and . _ : - only, starting with a letter or digit')
  .describe("The caller's own stable id");

/**
 * Characters no text field takes: C0 controls but tab, line feed and carriage return, DEL and
 * the C1 controls (U+0080–U+009F); the bidirectional marks, embeddings, overrides and isolates
 * (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) that make a name display differently
 * from what is stored ("Trojan Source" spoofing); and lone surrogates (half a character, which
 * JSON's \uD800 escapes can carry and no encoder writes back).
 */
const UNSAFE_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/u;
/** ... and in a single-line field (a name, a title) tab and the line breaks too (LF, CR and Unicode's U+2028, U+2029). */
const UNSAFE_IN_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/u;
const BIDI = 'a bidirectional mark (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) or a lone surrogate';

/**
 * A single-line text field (a name, a title, an employer): trimmed, 1 to `max` characters, no
 * control character (tab, line breaks and C1 included), bidi mark or lone surrogate.
 */
export const singleLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !UNSAFE_IN_LINE.test(value), { message: `one line of text: no tab, line break (U+2028, U+2029 too) or other control character (U+0000–U+001F, U+007F–U+009F), no ${BIDI}` });

/** A multi-line text field (a summary, a description, a reason): line breaks and tabs, but no other control character, bidi mark or lone surrogate. */
export const multiLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !UNSAFE_IN_TEXT.test(value), { message: `no control character but tab and line breaks (U+0000–U+001F, U+007F–U+009F), no ${BIDI}` });

/** A short text field (a name, a title): one line (see singleLine). */
export const shortText = singleLine;

export const skillName = shortText(100);
export const skillList = z.array(skillName).max(100).describe('Skills as free strings');

export const municipalityRef = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((value) => regions.municipality(value) !== undefined, {
    message: 'unknown municipality: give a Finnish municipality code (e.g. "091") or its Finnish or Swedish name',
  })
  .describe('Finnish municipality code (e.g. "091") or name (e.g. "Helsinki", "Helsingfors")');

export const regionRef = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((value) => regions.region(value) !== undefined, {
    message: 'unknown region: give a region (maakunta) code (e.g. "06") or name (e.g. "Pirkanmaa")',
  })
  .describe('Region (maakunta) code or name');

export const languageList = z
  .array(z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639 language code such as "fi", "sv" or "en"'))
  .max(20);

export const educationLevel = z
  .enum(['basic', 'upper-secondary', 'vocational', 'bachelor', 'master', 'doctorate'])
  .describe('Highest (jobseeker) or minimum (vacancy) education level');

export const freeText = multiLine(20_000);
export const title = shortText(200);

/** Earliest and latest dates the records take: anything outside is a typing error, not a date. */
export const EARLIEST_DATE = '1950-01-01';
export const LATEST_DATE = '2100-12-31';
/** A calendar date (YYYY-MM-DD) between 1950 and 2100. */
export const plausibleDate = z.iso
  .date()
  .refine((d) => d >= EARLIEST_DATE && d <= LATEST_DATE, { message: `a date between ${EARLIEST_DATE} and ${LATEST_DATE}` });

/** A date that has already come (today at the latest, UTC, with a day's slack for time zones). */
export const pastDate = plausibleDate.refine(
  (d) => d <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
  { message: 'a date in the past (today at the latest)' },
);

/** A whole number in a query string, in decimal digits only ("0x10", "1e3" and " 5" are refused). */
export const queryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9]{1,9}$/, 'a whole number in decimal digits')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** A non-negative decimal number in a query string ("12" or "12.5"). */
export const queryDecimal = (min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9]{1,6}(\.[0-9]{1,6})?$/, 'a number in decimal digits, e.g. 40 or 12.5')
    .transform(Number)
    .pipe(z.number().min(min).max(max));

/** Timestamps and resolved location the service adds to every stored record. */
export const storedFields = {
  region: z.string().describe('Region (maakunta) code resolved from the municipality'),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int().nonnegative().optional().describe('Changes with every change of the content; the ETag of GET and PUT, sent back as If-Match'),
};

/** A phone number as people write it (+358 40 123 4567). */
export const phoneNumber = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?[0-9 ()-]{5,40}$/, 'a phone number such as +358 40 123 4567');
/** An e-mail address. */
export const emailAddress = z.email().max(254);

export const idParams = z.object({ id: recordId });

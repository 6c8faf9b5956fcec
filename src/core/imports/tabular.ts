/**
 * Spreadsheet rows (CSV as Excel writes it in Finland: semicolons, or commas) to vacancy,
 * jobseeker and training inputs. Column names in Finnish, Swedish or English; values as people type them
 * ("kyllä", "ja", "1.3.2026", "osa-aikainen"). Validation is left to the record schemas.
 */

import { hasFields } from '../fields.js';
import { invalidInput, problem, type FieldProblem, type ProblemCode } from '../errors.js';
import type { Lang } from '../languages.js';
import { CARDS } from '../requirements/vocabulary.js';
import { OUTCOME_EVENTS, OUTCOME_LABELS } from '../outcomes/schema.js';

export type TabularKind = 'vacancies' | 'jobseekers' | 'trainings' | 'outcomes';
export const isTabularKind = (kind: string): kind is TabularKind => kind === 'vacancies' || kind === 'jobseekers' || kind === 'trainings' || kind === 'outcomes';

type FieldType = 'text' | 'list' | 'languages' | 'boolean' | 'date' | 'dates' | 'integer' | 'number' | 'workingTime' | 'gender' | 'language' | 'classes' | 'cards' | 'levels' | 'employment' | 'outcome';

/**
 * A column: the record field it fills, how its cells are read, and the names it goes by in each
 * language. The first name of a language is the one an export writes; every name is read on import
 * (case and spacing ignored). docs/csv-columns.md lists them all, and a test keeps it and docs/imports.md in
 * step with this table.
 */
export interface Column {
  field: string;
  type: FieldType;
  fi: string[];
  sv: string[];
  en: string[];
}

const col = (field: string, type: FieldType, fi: string[], sv: string[], en: string[]): Column => ({ field, type, fi, sv, en });

const ID = col('id', 'text', ['tunnus', 'tunniste'], ['id', 'nummer'], ['id', 'identifier']);
const COMMON: Column[] = [
  ID,
  col('title', 'text', ['nimike', 'tehtävänimike', 'otsikko', 'ammattinimike'], ['titel', 'befattning'], ['title', 'job title']),
  col('occupation', 'text', ['ammatti', 'ammattikoodi'], ['yrke'], ['occupation', 'isco']),
  col('skills', 'list', ['osaaminen', 'taidot', 'vaatimukset'], ['kompetens', 'färdigheter', 'krav'], ['skills']),
  col('municipality', 'text', ['kunta', 'kotikunta', 'sijainti', 'paikkakunta'], ['kommun', 'ort', 'hemkommun'], ['municipality', 'location']),
  col('languages', 'languages', ['kielet', 'kielitaito'], ['språk'], ['languages']),
  col('educationLevel', 'text', ['koulutustaso', 'koulutus'], ['utbildningsnivå', 'utbildning'], ['education level', 'educationlevel', 'education']),
  col('remote', 'boolean', ['etätyö'], ['distansarbete', 'distans'], ['remote']),
  col('status', 'text', ['tila'], ['status'], ['status']),
];
const DRIVING_LICENCES = col('drivingLicences', 'classes', ['ajokorttiluokat', 'ajokorttiluokka'], ['körkortsklasser', 'körkortsklass'], ['licence classes', 'drivinglicences']);
const CARDS_COLUMN = col('cards', 'cards', ['kortit', 'kortit ja luvat'], ['kort'], ['cards', 'certificates']);
const WORKING_TIME_COLUMN = col('workingTime', 'workingTime', ['työaika'], ['arbetstid'], ['working time', 'workingtime']);

const COLUMNS: Record<TabularKind, Column[]> = {
  vacancies: [
    ...COMMON,
    col('description', 'text', ['kuvaus', 'työnkuva', 'tiivistelmä'], ['beskrivning', 'arbetsbeskrivning', 'sammanfattning'], ['description', 'summary']),
    col('employer', 'text', ['työnantaja', 'yritys'], ['arbetsgivare', 'företag'], ['employer']),
    col('optionalSkills', 'list', ['eduksi', 'lisätaidot'], ['meriterande'], ['optional skills', 'optionalskills']),
    WORKING_TIME_COLUMN,
    col('drivingLicenceRequired', 'boolean', ['ajokortti'], ['körkort'], ['driving licence', 'drivinglicencerequired']),
    DRIVING_LICENCES,
    col('languageRequirements', 'levels', ['kielitaitovaatimukset'], ['språkkrav'], ['language levels', 'languagerequirements']),
    CARDS_COLUMN,
    col('employment', 'employment', ['työsuhde', 'työsuhteen kesto'], ['anställning', 'anställningsform'], ['employment']),
    col('startDate', 'date', ['aloitus', 'alkamispäivä'], ['tillträde', 'startdatum'], ['start date', 'startdate']),
    col('salary', 'text', ['palkka', 'palkkaus'], ['lön'], ['salary']),
    col('positions', 'integer', ['paikkoja', 'paikat', 'paikkamäärä'], ['platser', 'antal platser'], ['positions', 'openings']),
    col('publishedAt', 'date', ['julkaistu', 'julkaisupäivä'], ['publicerad'], ['published', 'publishedat']),
    col('paySubsidy', 'boolean', ['palkkatuki', 'palkkatuki käy'], ['lönesubvention'], ['pay subsidy', 'paysubsidy']),
    col('expiresAt', 'date', ['haku päättyy', 'päättyy', 'viimeinen hakupäivä'], ['sista ansökningsdag', 'upphör'], ['expires', 'expiresat']),
  ],
  jobseekers: [
    ...COMMON,
    col('summary', 'text', ['tiivistelmä', 'tiivistelmä / cv', 'yhteenveto', 'esittely', 'profiili', 'cv', 'kuvaus'], ['sammanfattning', 'sammanfattning / cv', 'presentation', 'beskrivning'], ['summary', 'summary / cv', 'cv', 'description']),
    col('wishedOccupations', 'list', ['toiveammatit'], ['önskade yrken'], ['wished occupations', 'wishedoccupations']),
    WORKING_TIME_COLUMN,
    col('drivingLicence', 'boolean', ['ajokortti'], ['körkort'], ['driving licence', 'drivinglicence']),
    col('commuteKm', 'integer', ['työmatka km', 'työmatka (km)', 'työmatka'], ['pendlingsavstånd km', 'pendlingsavstånd (km)', 'pendlingsavstånd'], ['commute km', 'commutekm', 'commute']),
    col('wishedMunicipalities', 'list', ['toivotut kunnat', 'toivekunnat'], ['önskade kommuner'], ['wished municipalities', 'wishedmunicipalities']),
    col('wishedRegions', 'list', ['toivotut maakunnat'], ['önskade landskap', 'önskade regioner'], ['wished regions', 'wishedregions']),
    col('willingToRelocate', 'boolean', ['muuttohalukas', 'muuttovalmis'], ['flyttbenägen', 'flyttvillig'], ['willing to relocate', 'willingtorelocate']),
    DRIVING_LICENCES,
    col('languageLevels', 'levels', ['kielitaitotasot'], ['språknivåer'], ['language levels', 'languagelevels']),
    CARDS_COLUMN,
    col('unemployedSince', 'date', ['työtön alkaen', 'työttömyys alkanut'], ['arbetslös sedan'], ['unemployed since', 'unemployedsince']),
    col('paySubsidyEligible', 'boolean', ['palkkatukikelpoinen', 'palkkatuki'], ['rätt till lönesubvention', 'lönesubvention'], ['pay subsidy eligible', 'paysubsidyeligible', 'pay subsidy']),
    col('name', 'text', ['nimi'], ['namn'], ['name']),
    col('birthYear', 'integer', ['syntymävuosi'], ['födelseår'], ['birth year', 'birthyear']),
    col('gender', 'gender', ['sukupuoli'], ['kön'], ['gender']),
    col('motherTongue', 'language', ['äidinkieli'], ['modersmål'], ['mother tongue', 'mothertongue']),
    col('contact.email', 'text', ['sähköposti'], ['e-post'], ['email', 'e-mail']),
    col('contact.phone', 'text', ['puhelin', 'puhelinnumero'], ['telefon'], ['phone']),
  ],
  trainings: [
    ID,
    col('title', 'text', ['nimi', 'koulutus', 'koulutuksen nimi'], ['namn', 'utbildning'], ['title']),
    col('description', 'text', ['kuvaus', 'sisältö'], ['beskrivning', 'innehåll'], ['description']),
    col('provider', 'text', ['järjestäjä', 'kouluttaja', 'oppilaitos'], ['anordnare', 'utbildningsanordnare'], ['provider']),
    col('kind', 'text', ['laji', 'tyyppi'], ['typ'], ['kind']),
    col('occupation', 'text', ['ammatti', 'tavoiteammatti'], ['yrke', 'målyrke'], ['occupation']),
    col('municipality', 'text', ['kunta', 'paikkakunta', 'sijainti'], ['kommun', 'ort'], ['municipality']),
    col('online', 'boolean', ['verkossa', 'verkkokoulutus', 'etäopetus'], ['på nätet', 'distans'], ['online']),
    col('durationDays', 'integer', ['kesto', 'kesto (päivää)', 'päiviä'], ['längd', 'dagar'], ['duration', 'durationdays']),
    col('startDates', 'dates', ['aloituspäivät', 'alkaa', 'alkamispäivät'], ['startdatum'], ['start dates', 'startdates']),
    col('cost', 'number', ['hinta', 'hinta (€)', 'kustannus'], ['pris', 'kostnad'], ['cost']),
    col('language', 'text', ['kieli', 'opetuskieli'], ['undervisningsspråk', 'språk'], ['language']),
    col('skills', 'list', ['osaaminen', 'taidot', 'opittavat taidot'], ['kompetens', 'färdigheter'], ['skills']),
  ],
  // Labour-market outcomes from registers (src/core/outcomes/): client, event, the day it began.
  outcomes: [
    col('jobseekerId', 'text', ['asiakas', 'asiakastunnus', 'työnhakija', 'henkilö'], ['kund', 'kundnummer', 'arbetssökande'], ['client', 'jobseeker', 'jobseeker id', 'jobseekerid']),
    col('event', 'outcome', ['tapahtuma', 'tulos', 'tilanne'], ['händelse', 'utfall', 'situation'], ['event', 'outcome']),
    col('date', 'date', ['päivämäärä', 'pvm', 'alkaen', 'alkupäivä'], ['datum', 'från', 'startdatum'], ['date', 'from', 'start date']),
    col('source', 'text', ['lähde', 'rekisteri'], ['källa', 'register'], ['source', 'register']),
  ],
};

/** The columns of a kind, in their order. */
export const columnsOf = (kind: TabularKind): readonly Column[] => COLUMNS[kind];

/** The name of a column an export writes in a language. */
export const columnHeader = (column: Column, lang: Lang) => column[lang][0]!;

/** The columns of a kind, by their English names (for messages). */
export const columnNames = (kind: TabularKind) => COLUMNS[kind].map((c) => c.field).join(',');

const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('fi').replace(/\s+/g, ' ');

/** The record field of each column of a header (undefined where a column is unknown). */
export function headerFields(kind: TabularKind, header: string[]): { fields: (string | undefined)[]; unknown: string[] } {
  const byName = new Map(COLUMNS[kind].flatMap((c) => [...c.fi, ...c.sv, ...c.en].map((n) => [fold(n), c.field] as const)));
  for (const c of COLUMNS[kind]) byName.set(fold(c.field), c.field);
  const fields = header.map((h) => byName.get(fold(h)));
  return { fields, unknown: header.filter((_h, i) => fields[i] === undefined) };
}

/** Most columns a CSV header may have (a kind has at most 35): a wider one is refused unread. */
export const MAX_CSV_COLUMNS = 200;
/** The header (first line) of a CSV file must end within this many bytes; nothing further is read otherwise. */
export const MAX_CSV_HEADER_BYTES = 64 * 1024;

/**
 * A problem with the header line's length, from the first bytes of a file (at least
 * MAX_CSV_HEADER_BYTES + 1 of them when there are that many) and its size: a header of a million
 * columns is refused without being parsed.
 */
export function headerLengthProblem(head: Uint8Array, totalBytes: number): FieldProblem | undefined {
  if (totalBytes <= MAX_CSV_HEADER_BYTES || head.subarray(0, MAX_CSV_HEADER_BYTES).indexOf(0x0a) >= 0) return undefined;
  return { field: 'header', line: 1, message: `the header line is longer than ${MAX_CSV_HEADER_BYTES} bytes (at most ${MAX_CSV_COLUMNS} columns)` };
}

/**
 * Each column's field, and the header's problems: more than MAX_CSV_COLUMNS columns, unknown
 * columns, and columns naming the same field (also by two names, as "kunta" and "kommun").
 */
export function checkHeader(kind: TabularKind, header: string[]): { fields: (string | undefined)[]; problems: FieldProblem[] } {
  if (header.length > MAX_CSV_COLUMNS) {
    return { fields: [], problems: [{ field: 'header', line: 1, message: `${header.length} columns; at most ${MAX_CSV_COLUMNS}` }] };
  }
  const { fields } = headerFields(kind, header);
  const problems: FieldProblem[] = [];
  const first = new Map<string, number>();
  fields.forEach((field, i) => {
    const name = header[i]!;
    if (field === undefined) problems.push(problem(name, 'unknown_column', { columns: columnNames(kind) }, 1));
    else if (first.has(field)) {
      const j = first.get(field)!;
      problems.push(problem(name, 'duplicate_column', { column: i + 1, first: `${j + 1} '${header[j]}'`, name: field }, 1));
    } else first.set(field, i);
  });
  return { fields, problems };
}

/** A row with a (non-empty) cell beyond the header's columns is refused, with its line. */
export function rowWidthProblem(fields: readonly unknown[], row: string[], line: number): FieldProblem | undefined {
  if (row.length <= fields.length || row.slice(fields.length).every((c) => c.trim() === '')) return undefined;
  return problem('row', 'too_many_cells', { cells: row.length, columns: fields.length }, line);
}

/** Character sets a CSV body may be sent in (Content-Type charset), by their names. */
const CHARSETS: Record<string, string> = {
  'utf-8': 'utf-8', utf8: 'utf-8',
  'windows-1252': 'windows-1252', cp1252: 'windows-1252', 'x-cp1252': 'windows-1252', 'iso-8859-1': 'windows-1252', latin1: 'windows-1252', 'iso_8859-1': 'windows-1252', l1: 'windows-1252',
  'iso-8859-15': 'iso-8859-15', latin9: 'iso-8859-15',
};

/** The decoder's name of a charset, or undefined when it is not supported. */
export const csvEncoding = (charset: string) => CHARSETS[charset.trim().replace(/^"|"$/g, '').toLowerCase()];

export const NOT_UTF8 = 'the file is not UTF-8: save it as "CSV UTF-8", or send charset=windows-1252 (Excel\'s "CSV (semicolon separated)")';

/**
 * The text of a CSV body in its charset (UTF-8 when none is given). Text that is not valid UTF-8
 * is refused rather than stored with replacement characters; an unknown charset is refused by name.
 */
export function decodeCsv(bytes: Uint8Array, charset?: string): string {
  const encoding = charset === undefined ? 'utf-8' : csvEncoding(charset);
  if (!encoding) throw invalidInput([{ field: 'charset', message: `unsupported charset '${charset}': send utf-8 or windows-1252` }]);
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes); // a UTF-8 byte order mark is dropped
  } catch {
    throw invalidInput([{ field: 'body', message: encoding === 'utf-8' ? NOT_UTF8 : `not valid ${encoding}` }]);
  }
}

/** The delimiter of a CSV file from its first line: semicolon (Finnish Excel) or comma. */
export function detectDelimiter(firstLine: string): ';' | ',' | '\t' {
  const count = (c: string) => firstLine.split(c).length - 1;
  const [best] = ([';', ',', '\t'] as const).map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1]);
  return best![1] > 0 ? best![0] : ',';
}

const TRUE = new Set(['true', 'yes', 'y', 'kyllä', 'k', 'joo', 'on', 'ja', 'j', 'x', '1']);
const FALSE = new Set(['false', 'no', 'n', 'ei', 'e', 'nej', 'off', '0', '-']);
const WORKING_TIME: Record<string, string> = {
  full: 'full', 'full-time': 'full', kokoaikainen: 'full', kokoaikatyö: 'full', heltid: 'full',
  part: 'part', 'part-time': 'part', 'osa-aikainen': 'part', 'osa-aikatyö': 'part', deltid: 'part',
  any: 'any', 'mikä tahansa': 'any', molemmat: 'any', båda: 'any', 'vilken som helst': 'any',
};

const GENDER: Record<string, string> = {
  female: 'female', nainen: 'female', kvinna: 'female', n: 'female',
  male: 'male', mies: 'male', man: 'male', m: 'male',
  other: 'other', muu: 'other', annat: 'other', 'annan': 'other',
};
/** Languages as people name them, to ISO 639-1 codes (others are taken as codes already). */
const LANGUAGE: Record<string, string> = {
  suomi: 'fi', finska: 'fi', finnish: 'fi', ruotsi: 'sv', svenska: 'sv', swedish: 'sv', englanti: 'en', engelska: 'en', english: 'en',
  venäjä: 'ru', ryska: 'ru', russian: 'ru', viro: 'et', estniska: 'et', estonian: 'et', arabia: 'ar', arabiska: 'ar', arabic: 'ar',
  somali: 'so', somaliska: 'so', saame: 'se', samiska: 'se', ukraina: 'uk', ukrainska: 'uk', ukrainian: 'uk',
};

const EMPLOYMENT: Record<string, string> = {
  permanent: 'permanent', vakituinen: 'permanent', toistaiseksi: 'permanent', 'toistaiseksi voimassa oleva': 'permanent', tillsvidare: 'permanent', fast: 'permanent',
  'fixed-term': 'fixed-term', 'fixed term': 'fixed-term', määräaikainen: 'fixed-term', visstid: 'fixed-term', tidsbunden: 'fixed-term', temporary: 'fixed-term',
};
const LEVEL: Record<string, string> = {
  basic: 'basic', perus: 'basic', perustaso: 'basic', alkeet: 'basic', tyydyttävä: 'basic', grundläggande: 'basic', grund: 'basic',
  good: 'good', hyvä: 'good', god: 'good', goda: 'good',
  fluent: 'fluent', sujuva: 'fluent', erinomainen: 'fluent', flytande: 'fluent', utmärkt: 'fluent',
  native: 'native', äidinkieli: 'native', modersmål: 'native',
};
/** Card names as people write them (fi/sv/en, case ignored) to card ids. */
const CARD_NAMES = new Map(CARDS.flatMap((c) => [c.id, ...Object.values(c.names)].map((n) => [fold(n), c.id] as const)));

/** A cell that could not be read as its column's type: the problem, by code. */
class Unreadable {
  constructor(
    readonly code: ProblemCode,
    readonly params: Record<string, string> = {},
  ) {}
}

const known = (table: Record<string, string>, s: string) => table[fold(s)] ?? new Unreadable('unknown_value', { value: s, values: [...new Set(Object.values(table))].join(', ') });

/** An outcome as people name it in any of the three languages ("palkkatuettu työ", "företagare") or by its code. */
const OUTCOME: Record<string, string> = Object.fromEntries(
  OUTCOME_EVENTS.flatMap((e) => [e, ...OUTCOME_LABELS[e].fi, ...OUTCOME_LABELS[e].sv, ...OUTCOME_LABELS[e].en].map((name) => [fold(name), e] as const)),
);

/** A language as people name it ("suomi", "svenska", "English") or its ISO 639-1 code. */
const languageCode = (s: string) => LANGUAGE[fold(s)] ?? (/^[a-z]{2}$/.test(fold(s)) ? fold(s) : new Unreadable('unknown_language', { value: s }));

/** A date as 1.3.2026 (Finnish and Swedish spreadsheets), 2026-03-01, or 1.3.26 (20xx). */
function date(s: string): string | Unreadable {
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(s);
  const iso = dotted ? `${dotted[3]!.length === 2 ? `20${dotted[3]}` : dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}` : s;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const day = m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return day && day.getUTCDate() === Number(m[3]) && day.getUTCMonth() === Number(m[2]) - 1 ? iso : new Unreadable('not_a_date', { value: s });
}

/** A list cell's entries (separated by ";", "|" or a line break). */
const listOf = (s: string): string[] => s.split(/[;|\n]/).map((x) => x.trim()).filter(Boolean);

function value(type: FieldType, raw: string): unknown {
  const s = raw.trim();
  switch (type) {
    case 'list':
      return listOf(s);
    case 'languages':
      return listOf(s.replace(/,/g, ';')).map(languageCode);
    case 'boolean':
      return TRUE.has(fold(s)) ? true : FALSE.has(fold(s)) ? false : new Unreadable('not_yes_no', { value: s });
    case 'integer': {
      const plain = s.replace(/[\s\u00a0]/g, '');
      return /^\d+$/.test(plain) ? Number(plain) : new Unreadable('not_a_number', { value: s });
    }
    case 'number': {
      // "1 240,50 €" as Finnish spreadsheets show it.
      const plain = s.replace(/[\s\u00a0€]/g, '').replace(',', '.');
      return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : new Unreadable('not_a_number', { value: s });
    }
    case 'dates':
      return s.split(/[;|\n]/).map((x) => x.trim()).filter(Boolean).map(date);
    case 'workingTime':
      return known(WORKING_TIME, s);
    case 'gender':
      return known(GENDER, s);
    case 'language':
      return languageCode(s);
    case 'classes':
      return listOf(s.replace(/,/g, ';')).map((c) => c.toUpperCase().replace(/-?(AJOKORTTI|KÖRKORT)$/, ''));
    case 'cards':
      return listOf(s).map((c) => CARD_NAMES.get(fold(c)) ?? c);
    case 'employment':
      return known(EMPLOYMENT, s);
    case 'outcome':
      return known(OUTCOME, s);
    case 'levels':
      // "ruotsi hyvä; englanti sujuva", "sv:good", "svenska (god)"; the schema names what is not understood.
      // A trailing "?" ("en basic?") is an advantage rather than a requirement (vacancies).
      return listOf(s).map((entry) => {
        const optional = entry.trim().endsWith('?');
        const [language = '', level = ''] = fold(entry.replace(/\?\s*$/, '')).replace(/[():]/g, ' ').trim().split(/\s+/);
        return { code: LANGUAGE[language] ?? language, level: LEVEL[level] ?? (level || 'good'), ...(optional ? { required: false } : {}) };
      });
    case 'date':
      return date(s);
    default:
      return s;
  }
}

/**
 * One row to a record input, and the cells that could not be read (by line and column, from the
 * catalogue: answered in the user's language): empty cells are left out; `contact.email` becomes
 * `contact: { email }`.
 */
export function rowToInput(kind: TabularKind, fields: (string | undefined)[], row: string[], line: number, header: string[] = []): { record: Record<string, unknown>; problems: FieldProblem[] } {
  const types = new Map(COLUMNS[kind].map((c) => [c.field, c.type]));
  const record: Record<string, unknown> = {};
  let contact: Record<string, unknown> | undefined;
  const problems: FieldProblem[] = [];
  row.forEach((cell, i) => {
    const field = fields[i];
    if (!field || cell.trim() === '') return;
    // An export's formula guard (src/http/csv.ts: "'=…", "'+358…") is taken off again: the text as it was stored.
    let v = value(types.get(field) ?? 'text', cell.replace(/^'(?=[=+\-@\t\r])/, ''));
    const bad = Array.isArray(v) ? v.find((x) => x instanceof Unreadable) : v instanceof Unreadable ? v : undefined;
    if (bad) {
      problems.push(problem(field, bad.code, { ...bad.params, column: header[i] ?? field }, line));
      v = cell; // left for the record's schema (not stored: the batch is refused)
    }
    if (field.startsWith('contact.')) {
      record.contact = contact = { ...contact, [field.slice('contact.'.length)]: v };
    } else record[field] = v;
  });
  return { record, problems };
}

/** One row to a record input (cells that cannot be read are kept as text, for the record's schema to refuse). */
export function rowToRecord(kind: TabularKind, fields: (string | undefined)[], row: string[]): Record<string, unknown> {
  return rowToInput(kind, fields, row, 0).record;
}

const YES_NO: Record<Lang, [string, string]> = { fi: ['kyllä', 'ei'], sv: ['ja', 'nej'], en: ['yes', 'no'] };
const WORKING_TIME_OUT: Record<'fi' | 'sv', Record<string, string>> = {
  fi: { full: 'kokoaikainen', part: 'osa-aikainen', any: 'mikä tahansa' },
  sv: { full: 'heltid', part: 'deltid', any: 'vilken som helst' },
};

/** A date as Finnish and Swedish spreadsheets write it (1.3.2026); ISO in English. */
const dateOut = (iso: string, lang: Lang) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m && lang !== 'en' ? `${Number(m[3])}.${Number(m[2])}.${m[1]}` : iso;
};

/** A list field's entries as text (a record's lists hold strings). */
const entriesOf = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : [String(v)]);
/** A language level of a record ({ code, level, required }) as a cell writes it: "fi C1", "en B2?" (not required). */
const levelOut = (l: unknown): string => (hasFields(l) ? `${String(l.code)} ${String(l.level)}${l.required === false ? '?' : ''}` : String(l));

/**
 * A cell of an export, as the import reads it back (see value()): yes/no words, dates and working
 * time in the language of the header, lists separated by "; ", numbers as numbers.
 */
function cellOut(type: FieldType, v: unknown, lang: Lang): unknown {
  if (v === undefined || v === null) return '';
  switch (type) {
    case 'list':
    case 'cards':
      return entriesOf(v).join('; ');
    case 'languages':
    case 'classes':
      return entriesOf(v).join(', ');
    case 'dates':
      return entriesOf(v).map((d) => dateOut(d, lang)).join('; ');
    case 'boolean':
      return YES_NO[lang][v ? 0 : 1];
    case 'date':
      return dateOut(String(v), lang);
    case 'workingTime':
      return lang === 'en' ? v : (WORKING_TIME_OUT[lang][String(v)] ?? v);
    case 'levels':
      return (Array.isArray(v) ? v : [v]).map(levelOut).join('; ');
    default:
      return v;
  }
}

/** The columns of an export and each one's cell of a record, with headers in a language (read back by the import). */
export function exportColumns(kind: TabularKind, lang: Lang): [header: string, cell: (record: Record<string, unknown>) => unknown][] {
  return COLUMNS[kind].map((c) => [
    columnHeader(c, lang),
    (record) => cellOut(c.type, c.field.split('.').reduce<unknown>((o, k) => (hasFields(o) ? o[k] : undefined), record), lang),
  ]);
}

/** The columns of a kind as a Markdown table (docs/csv-columns.md holds it; a test keeps the two equal). */
export function columnsTable(kind: TabularKind): string {
  const names = (list: string[]) => list.map((n) => `\`${n}\``).join(', ');
  return [
    '| field | Finnish | Swedish | English |',
    '|---|---|---|---|',
    ...COLUMNS[kind].map((c) => `| ${c.field} | ${names(c.fi)} | ${names(c.sv)} | ${names(c.en)} |`),
  ].join('\n');
}

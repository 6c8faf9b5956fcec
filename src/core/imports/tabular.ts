/**
 * Spreadsheet rows (CSV as Excel writes it in Finland: semicolons, or commas) to vacancy,
 * jobseeker and training inputs. Column names in Finnish, Swedish or English; values as people type them
 * ("kyllä", "ja", "1.3.2026", "osa-aikainen"). Validation is left to the record schemas.
 */

import { invalidInput, type FieldProblem } from '../errors.js';
import { CARDS } from '../requirements/vocabulary.js';

export type TabularKind = 'vacancies' | 'jobseekers' | 'trainings';

type FieldType = 'text' | 'list' | 'boolean' | 'date' | 'dates' | 'integer' | 'number' | 'workingTime' | 'gender' | 'language' | 'classes' | 'cards' | 'levels' | 'employment';

interface Column {
  field: string;
  type: FieldType;
  names: string[];
}

const COMMON: Column[] = [
  { field: 'id', type: 'text', names: ['id', 'tunnus', 'tunniste', 'nummer', 'identifier'] },
  { field: 'title', type: 'text', names: ['title', 'nimike', 'tehtävänimike', 'otsikko', 'ammattinimike', 'titel', 'befattning', 'job title'] },
  { field: 'occupation', type: 'text', names: ['occupation', 'ammatti', 'ammattikoodi', 'yrke', 'isco'] },
  { field: 'skills', type: 'list', names: ['skills', 'osaaminen', 'taidot', 'vaatimukset', 'kompetens', 'färdigheter', 'krav'] },
  { field: 'municipality', type: 'text', names: ['municipality', 'kunta', 'kotikunta', 'sijainti', 'paikkakunta', 'kommun', 'ort', 'hemkommun', 'location'] },
  { field: 'languages', type: 'list', names: ['languages', 'kielet', 'kielitaito', 'språk'] },
  { field: 'educationLevel', type: 'text', names: ['educationlevel', 'education', 'koulutustaso', 'koulutus', 'utbildningsnivå', 'utbildning'] },
  { field: 'remote', type: 'boolean', names: ['remote', 'etätyö', 'distansarbete', 'distans'] },
  { field: 'status', type: 'text', names: ['status', 'tila'] },
];

const COLUMNS: Record<TabularKind, Column[]> = {
  vacancies: [
    ...COMMON,
    { field: 'description', type: 'text', names: ['description', 'kuvaus', 'työnkuva', 'beskrivning', 'arbetsbeskrivning'] },
    { field: 'employer', type: 'text', names: ['employer', 'työnantaja', 'yritys', 'arbetsgivare', 'företag'] },
    { field: 'optionalSkills', type: 'list', names: ['optionalskills', 'optional skills', 'eduksi', 'lisätaidot', 'meriterande'] },
    { field: 'workingTime', type: 'workingTime', names: ['workingtime', 'working time', 'työaika', 'arbetstid'] },
    { field: 'drivingLicenceRequired', type: 'boolean', names: ['drivinglicencerequired', 'driving licence', 'ajokortti', 'körkort'] },
    { field: 'drivingLicences', type: 'classes', names: ['drivinglicences', 'licence classes', 'ajokorttiluokat', 'ajokorttiluokka', 'körkortsklasser', 'körkortsklass'] },
    { field: 'languageRequirements', type: 'levels', names: ['languagerequirements', 'language levels', 'kielitaitovaatimukset', 'språkkrav'] },
    { field: 'cards', type: 'cards', names: ['cards', 'kortit', 'kortit ja luvat', 'kort', 'certificates'] },
    { field: 'employment', type: 'employment', names: ['employment', 'työsuhde', 'työsuhteen kesto', 'anställning', 'anställningsform'] },
    { field: 'startDate', type: 'date', names: ['startdate', 'start date', 'aloitus', 'alkamispäivä', 'tillträde', 'startdatum'] },
    { field: 'salary', type: 'text', names: ['salary', 'palkka', 'palkkaus', 'lön'] },
    { field: 'positions', type: 'integer', names: ['positions', 'paikkoja', 'paikat', 'paikkamäärä', 'platser', 'antal platser', 'openings'] },
    { field: 'publishedAt', type: 'date', names: ['publishedat', 'published', 'julkaistu', 'julkaisupäivä', 'publicerad'] },
    { field: 'expiresAt', type: 'date', names: ['expiresat', 'expires', 'päättyy', 'haku päättyy', 'viimeinen hakupäivä', 'upphör', 'sista ansökningsdag'] },
  ],
  jobseekers: [
    ...COMMON,
    { field: 'summary', type: 'text', names: ['summary', 'cv', 'yhteenveto', 'esittely', 'profiili', 'sammanfattning', 'presentation'] },
    { field: 'wishedOccupations', type: 'list', names: ['wishedoccupations', 'wished occupations', 'toiveammatit', 'önskade yrken'] },
    { field: 'workingTime', type: 'workingTime', names: ['workingtime', 'working time', 'työaika', 'arbetstid'] },
    { field: 'drivingLicence', type: 'boolean', names: ['drivinglicence', 'driving licence', 'ajokortti', 'körkort'] },
    { field: 'commuteKm', type: 'integer', names: ['commutekm', 'commute km', 'commute', 'työmatka km', 'työmatka (km)', 'työmatka', 'pendlingsavstånd km', 'pendlingsavstånd (km)', 'pendlingsavstånd'] },
    { field: 'wishedMunicipalities', type: 'list', names: ['wishedmunicipalities', 'wished municipalities', 'toivotut kunnat', 'toivekunnat', 'önskade kommuner'] },
    { field: 'wishedRegions', type: 'list', names: ['wishedregions', 'wished regions', 'toivotut maakunnat', 'önskade landskap', 'önskade regioner'] },
    { field: 'willingToRelocate', type: 'boolean', names: ['willingtorelocate', 'willing to relocate', 'muuttohalukas', 'muuttovalmis', 'flyttbenägen', 'flyttvillig'] },
    { field: 'drivingLicences', type: 'classes', names: ['drivinglicences', 'licence classes', 'ajokorttiluokat', 'ajokorttiluokka', 'körkortsklasser', 'körkortsklass'] },
    { field: 'languageLevels', type: 'levels', names: ['languagelevels', 'language levels', 'kielitaitotasot', 'språknivåer'] },
    { field: 'cards', type: 'cards', names: ['cards', 'kortit', 'kortit ja luvat', 'kort', 'certificates'] },
    { field: 'unemployedSince', type: 'date', names: ['unemployedsince', 'unemployed since', 'työtön alkaen', 'työttömyys alkanut', 'arbetslös sedan'] },
    { field: 'name', type: 'text', names: ['name', 'nimi', 'namn'] },
    { field: 'birthYear', type: 'integer', names: ['birthyear', 'birth year', 'syntymävuosi', 'födelseår'] },
    { field: 'gender', type: 'gender', names: ['gender', 'sukupuoli', 'kön'] },
    { field: 'motherTongue', type: 'language', names: ['mothertongue', 'mother tongue', 'äidinkieli', 'modersmål'] },
    { field: 'contact.email', type: 'text', names: ['email', 'e-mail', 'sähköposti', 'e-post'] },
    { field: 'contact.phone', type: 'text', names: ['phone', 'puhelin', 'puhelinnumero', 'telefon'] },
  ],
  trainings: [
    { field: 'id', type: 'text', names: ['id', 'tunnus', 'tunniste', 'nummer', 'identifier'] },
    { field: 'title', type: 'text', names: ['title', 'nimi', 'koulutus', 'koulutuksen nimi', 'namn', 'utbildning'] },
    { field: 'description', type: 'text', names: ['description', 'kuvaus', 'sisältö', 'beskrivning', 'innehåll'] },
    { field: 'provider', type: 'text', names: ['provider', 'järjestäjä', 'kouluttaja', 'oppilaitos', 'anordnare', 'utbildningsanordnare'] },
    { field: 'kind', type: 'text', names: ['kind', 'laji', 'tyyppi', 'typ'] },
    { field: 'occupation', type: 'text', names: ['occupation', 'ammatti', 'tavoiteammatti', 'yrke', 'målyrke'] },
    { field: 'municipality', type: 'text', names: ['municipality', 'kunta', 'paikkakunta', 'sijainti', 'kommun', 'ort'] },
    { field: 'online', type: 'boolean', names: ['online', 'verkossa', 'verkkokoulutus', 'etäopetus', 'distans', 'på nätet'] },
    { field: 'durationDays', type: 'integer', names: ['durationdays', 'duration', 'kesto', 'kesto (päivää)', 'päiviä', 'längd', 'dagar'] },
    { field: 'startDates', type: 'dates', names: ['startdates', 'start dates', 'alkaa', 'alkamispäivät', 'aloituspäivät', 'startdatum'] },
    { field: 'cost', type: 'number', names: ['cost', 'hinta', 'hinta (€)', 'kustannus', 'pris', 'kostnad'] },
    { field: 'language', type: 'text', names: ['language', 'kieli', 'opetuskieli', 'språk', 'undervisningsspråk'] },
    { field: 'skills', type: 'list', names: ['skills', 'osaaminen', 'taidot', 'opittavat taidot', 'kompetens', 'färdigheter'] },
  ],
};

/** The columns of a kind, by their English names (for messages). */
export const columnNames = (kind: TabularKind) => COLUMNS[kind].map((c) => c.field).join(',');

const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('fi').replace(/\s+/g, ' ');

/** The record field of each column of a header (undefined where a column is unknown). */
export function headerFields(kind: TabularKind, header: string[]): { fields: (string | undefined)[]; unknown: string[] } {
  const byName = new Map(COLUMNS[kind].flatMap((c) => c.names.map((n) => [fold(n), c.field] as const)));
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
    if (field === undefined) problems.push({ field: name, line: 1, message: `unknown column; the columns are ${columnNames(kind)}` });
    else if (first.has(field)) {
      const j = first.get(field)!;
      problems.push({ field: name, line: 1, message: `duplicate column: column ${i + 1} names the same field (${field}) as column ${j + 1} '${header[j]}'` });
    } else first.set(field, i);
  });
  return { fields, problems };
}

/** A row with a (non-empty) cell beyond the header's columns is refused, with its line. */
export function rowWidthProblem(fields: readonly unknown[], row: string[], line: number): FieldProblem | undefined {
  if (row.length <= fields.length || row.slice(fields.length).every((c) => c.trim() === '')) return undefined;
  return { field: 'row', line, message: `${row.length} cells, the header has ${fields.length} columns` };
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

const TRUE = new Set(['true', 'yes', 'kyllä', 'k', 'ja', 'x', '1']);
const FALSE = new Set(['false', 'no', 'ei', 'e', 'nej', '0']);
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

function value(type: FieldType, raw: string): unknown {
  const s = raw.trim();
  switch (type) {
    case 'list':
      return s.split(/[;|\n]/).map((x) => x.trim()).filter(Boolean);
    case 'boolean':
      return TRUE.has(fold(s)) ? true : FALSE.has(fold(s)) ? false : s;
    case 'integer':
      return /^\d+$/.test(s) ? Number(s) : s;
    case 'number': {
      // "1 240,50 €" as Finnish spreadsheets show it; anything else is left for the schema to refuse.
      const plain = s.replace(/[\s\u00a0€]/g, '').replace(',', '.');
      return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : s;
    }
    case 'dates':
      return s.split(/[;|\n]/).map((x) => value('date', x)).filter((x) => x !== '');
    case 'workingTime':
      return WORKING_TIME[fold(s)] ?? s;
    case 'gender':
      return GENDER[fold(s)] ?? s;
    case 'language':
      return LANGUAGE[fold(s)] ?? fold(s);
    case 'classes':
      return (value('list', s.replace(/,/g, ';')) as string[]).map((c) => c.toUpperCase().replace(/-?(AJOKORTTI|KÖRKORT)$/, ''));
    case 'cards':
      return (value('list', s) as string[]).map((c) => CARD_NAMES.get(fold(c)) ?? c);
    case 'employment':
      return EMPLOYMENT[fold(s)] ?? s;
    case 'levels':
      // "ruotsi hyvä; englanti sujuva", "sv:good", "svenska (god)"; the schema names what is not understood.
      return (value('list', s) as string[]).map((entry) => {
        const [language = '', level = ''] = fold(entry).replace(/[():]/g, ' ').trim().split(/\s+/);
        return { code: LANGUAGE[language] ?? language, level: LEVEL[level] ?? (level || 'good') };
      });
    case 'date': {
      const finnish = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s); // 1.3.2026
      return finnish ? `${finnish[3]}-${finnish[2]!.padStart(2, '0')}-${finnish[1]!.padStart(2, '0')}` : s;
    }
    default:
      return s;
  }
}

/** One row to a record input: empty cells are left out; `contact.email` becomes `contact: { email }`. */
export function rowToRecord(kind: TabularKind, fields: (string | undefined)[], row: string[]): Record<string, unknown> {
  const types = new Map(COLUMNS[kind].map((c) => [c.field, c.type]));
  const record: Record<string, unknown> = {};
  row.forEach((cell, i) => {
    const field = fields[i];
    if (!field || cell.trim() === '') return;
    const v = value(types.get(field) ?? 'text', cell);
    if (field.startsWith('contact.')) {
      record.contact = { ...(record.contact as object | undefined), [field.slice('contact.'.length)]: v };
    } else record[field] = v;
  });
  return record;
}

import { parse } from 'csv-parse/sync';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { invalidInput, KohtaantoError, problem, tooManyRecords, type FieldProblem, type Lang } from '../core/errors.js';
import { checkHeader, columnNames, decodeCsv, detectDelimiter, headerLengthProblem, MAX_CSV_HEADER_BYTES, rowToInput, rowWidthProblem, type TabularKind } from '../core/imports/tabular.js';
import { csvRow, type CsvRow } from '../core/imports/csv-rows.js';
import { problemsFrom } from '../core/ndjson.js';
import { messageOf } from '../core/thrown.js';

/**
 * A text cell a spreadsheet would run as a formula (OWASP "CSV injection": =, +, -, @, tab, carriage
 * return first) is prefixed with a single quote, so Excel and LibreOffice show it as text. Numbers
 * are written as numbers (a negative number is not text), with a decimal comma: Finnish and
 * Swedish Excel read "0,25" as a number and "0.25" as text or a date.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : typeof v === 'number' ? String(v).replace('.', ',') : String(v);
  if (typeof v !== 'number' && FORMULA_START.test(s)) s = `'${s}`;
  return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A byte order mark first: Excel reads the file as UTF-8 only then (else ä and ö break). */
const BOM = '\uFEFF';

/** Header names of the analytics exports in Finnish and Swedish (by their English names; others stay English). */
const HEADERS: Record<string, [fi: string, sv: string]> = {
  uri: ['uri', 'uri'],
  label: ['nimi', 'namn'],
  occupation: ['ammatti', 'yrke'],
  isco: ['isco', 'isco'],
  demand_vacancies: ['kysyntä_työpaikat', 'efterfrågan_jobb'],
  demand_essential: ['kysyntä_välttämätön', 'efterfrågan_nödvändig'],
  demand_optional: ['kysyntä_eduksi', 'efterfrågan_meriterande'],
  demand_positions: ['kysyntä_paikat', 'efterfrågan_platser'],
  supply_jobseekers: ['tarjonta_työnhakijat', 'utbud_arbetssökande'],
  long_term_unemployed: ['pitkäaikaistyöttömät', 'långtidsarbetslösa'],
  gap: ['vaje', 'underskott'],
  shortage_ratio: ['pulasuhde', 'bristkvot'],
  area: ['alue', 'område'],
  area_name: ['alueen_nimi', 'områdets_namn'],
  vacancies: ['työpaikat', 'lediga_jobb'],
  positions: ['paikat', 'platser'],
  jobseekers: ['työnhakijat', 'arbetssökande'],
  vacancies_per_jobseeker: ['työpaikkoja_per_työnhakija', 'jobb_per_arbetssökande'],
  share_long_term_without_suitable_vacancy: ['osuus_pitkäaikaistyöttömistä_ilman_sopivaa_työpaikkaa', 'andel_långtidsarbetslösa_utan_passande_jobb'],
  top_shortage_occupations: ['pula-ammatit', 'bristyrken'],
  top_surplus_occupations: ['ylitarjonta-ammatit', 'överskottsyrken'],
  from: ['alkaen', 'från'],
  to: ['asti', 'till'],
  rank: ['sija', 'plats_i_listan'],
  suggestions: ['työpaikkaehdotukset', 'jobbförslag'],
  interviews: ['haastattelut', 'intervjuer'],
  hires: ['palkatut', 'anställda'],
  subsidised_hires: ['palkatut_palkkatuella', 'anställda_med_lönesubvention'],
  interview_rate: ['haastatteluosuus', 'andel_intervjuer'],
  hire_rate: ['palkkausosuus', 'andel_anställda'],
  hire_rate_margin95: ['palkkausosuus_virhemarginaali95', 'andel_anställda_felmarginal95'],
};

const header = (name: string, lang: Lang) => (lang === 'en' ? name : (HEADERS[name]?.[lang === 'fi' ? 0 : 1] ?? name));

/**
 * CSV as Excel opens it in Finland (and Sweden): a byte order mark, semicolons between cells, a
 * decimal comma, CRLF line ends; a header row (in `lang` where the name is known), then one row per
 * item; cells quoted when they need it, formulas neutralised.
 */
export function toCsv<T>(rows: T[], columns: [header: string, value: (row: T) => unknown][], lang: Lang = 'en'): string {
  const lines = [columns.map(([h]) => csvCell(header(h, lang))).join(';')];
  for (const row of rows) lines.push(columns.map(([, value]) => csvCell(value(row))).join(';'));
  return BOM + lines.join('\r\n') + '\r\n';
}

/** Sends CSV as a download named `name.csv`. */
export const sendCsv = (reply: FastifyReply, name: string, body: string) =>
  reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).serializer(String).send(body);

/** The charset parameter of a Content-Type, if any. */
export const charsetOf = (contentType: string | undefined) => /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '')?.[2];

/**
 * A spreadsheet (CSV: comma, semicolon or tab; column names in fi/sv/en; values as people type them)
 * to records of a kind, each validated by `schema`. Atomic: any problem (the header's, a cell that
 * cannot be read, a field the schema refuses) throws them all, by line and column, and nothing is
 * returned to store. The header is checked before the rest is parsed.
 */
export function recordsFromCsv<S extends z.ZodType>(kind: TabularKind, bytes: Buffer, charset: string | undefined, schema: S, maxRecords: number, lines?: number[]): z.output<S>[] {
  const noRows = () => invalidInput([problem('body', 'no_rows', { columns: columnNames(kind) })]);
  const tooLong = headerLengthProblem(bytes.subarray(0, MAX_CSV_HEADER_BYTES + 1), bytes.length);
  if (tooLong) throw invalidInput([tooLong]);
  const body = decodeCsv(bytes, charset).replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = detectDelimiter(firstLine);
  let rows: CsvRow[];
  try {
    const [header] = parse(firstLine, { delimiter, to_line: 1 });
    if (!header) throw noRows();
    const { problems } = checkHeader(kind, header);
    if (problems.length > 0) throw invalidInput(problems);
    const parsed: unknown[] = parse(body, { delimiter, skip_empty_lines: true, relax_column_count: true, info: true });
    rows = parsed.map(csvRow);
  } catch (error) {
    if (error instanceof KohtaantoError) throw error;
    throw invalidInput([problem('body', 'not_csv', { reason: messageOf(error) })]);
  }
  const [header, ...data] = rows;
  if (!header || data.length === 0) throw noRows();
  const { fields } = checkHeader(kind, header.record);
  if (data.length > maxRecords) throw tooManyRecords(maxRecords, data.length);
  const problems: FieldProblem[] = [];
  const records: z.output<S>[] = [];
  for (const { record, info } of data) {
    const wide = rowWidthProblem(fields, record, info.lines);
    if (wide) {
      problems.push(wide);
      continue;
    }
    // Cells that could not be read are named as such; the record's rules name the row's other problems.
    const read = rowToInput(kind, fields, record, info.lines, header.record);
    const unread = new Set(read.problems.map((p) => p.field));
    const parsed = schema.safeParse(read.record);
    problems.push(...read.problems);
    if (!parsed.success) problems.push(...problemsFrom(parsed.error, info.lines).filter((p) => ![...unread].some((f) => p.field === f || p.field.startsWith(`${f}.`))));
    else if (read.problems.length === 0) {
      records.push(parsed.data);
      lines?.push(info.lines);
    }
  }
  if (problems.length > 0) throw invalidInput(problems);
  return records;
}

/** The language of an export's header row. */
export type CsvLang = Lang;

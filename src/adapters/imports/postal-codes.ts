import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import type { PostalCodes } from '../../core/imports/jobposting.js';
import { detectDelimiter } from '../../core/imports/tabular.js';
import { regions } from '../../core/regions/regions.js';

const POSTAL_CODE = ['postinumero', 'postnummer', 'postal code', 'postalcode', 'postcode', 'zip'];
const MUNICIPALITY = ['kunta', 'kuntakoodi', 'kunnan nimi', 'kunta_koodi', 'kommun', 'kommunkod', 'municipality', 'municipality code'];

/**
 * A postal-code table (CSV, comma or semicolon: a postal-code column and a municipality column by
 * name or code, e.g. derived from Posti's or Statistics Finland's postal-code area files). Other
 * columns are ignored. Rows naming no Finnish municipality are counted, not guessed.
 */
export function readPostalCodes(file: string): { lookup: PostalCodes; size: number; unknownRows: number } {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const rows = parse(text, { delimiter: detectDelimiter(text.split(/\r?\n/, 1)[0] ?? ''), skip_empty_lines: true, relax_column_count: true });
  const [header = [], ...data] = rows;
  const folded = header.map((h) => h.trim().toLowerCase());
  const codeColumn = folded.findIndex((h) => POSTAL_CODE.includes(h));
  const municipalityColumn = folded.findIndex((h) => MUNICIPALITY.includes(h));
  if (codeColumn < 0 || municipalityColumn < 0) {
    throw new Error(`${file}: line 1 needs a postal-code column (${POSTAL_CODE.join(', ')}) and a municipality column (${MUNICIPALITY.join(', ')})`);
  }
  const table = new Map<string, string>();
  let unknownRows = 0;
  for (const row of data) {
    const code = row[codeColumn]?.trim().padStart(5, '0');
    const municipality = regions.municipality(row[municipalityColumn]?.trim() ?? '');
    if (code && /^\d{5}$/.test(code) && municipality) table.set(code, municipality.code);
    else unknownRows++;
  }
  return { lookup: (postalCode) => table.get(postalCode), size: table.size, unknownRows };
}

/** A spreadsheet row as csv-parse gives it with `info: true`: its cells, and the line it starts on. */
export interface CsvRow {
  record: string[];
  info: { lines: number };
}

const isCells = (v: unknown): v is string[] => Array.isArray(v) && v.every((cell) => typeof cell === 'string');

export function isCsvRow(row: unknown): row is CsvRow {
  return (
    typeof row === 'object' && row !== null &&
    'record' in row && isCells(row.record) &&
    'info' in row && typeof row.info === 'object' && row.info !== null &&
    'lines' in row.info && typeof row.info.lines === 'number'
  );
}

/** The row, checked: csv-parse's types say string[] even when `info: true` makes each row `{ record, info }`. */
export function csvRow(row: unknown): CsvRow {
  if (!isCsvRow(row)) throw new Error('csv-parse gave a row without its cells and line (is `info: true` set?)');
  return row;
}

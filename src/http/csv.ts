import type { FastifyReply } from 'fastify';

/**
 * A text cell a spreadsheet would run as a formula (OWASP "CSV injection": =, +, -, @, tab, carriage
 * return first) is prefixed with a single quote, so Excel and LibreOffice show it as text. Numbers
 * are written as numbers (a negative number is not text).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (typeof v !== 'number' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV: a header row, then one row per item; cells quoted when they need it, formulas neutralised. */
export function toCsv<T>(rows: T[], columns: [header: string, value: (row: T) => unknown][]): string {
  const lines = [columns.map(([h]) => csvCell(h)).join(',')];
  for (const row of rows) lines.push(columns.map(([, value]) => csvCell(value(row))).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Sends CSV as a download named `name.csv`. */
export const sendCsv = (reply: FastifyReply, name: string, body: string) =>
  reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).serializer((x) => x as string).send(body);

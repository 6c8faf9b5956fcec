/** RFC 4180 CSV: a header row, then one row per item; cells quoted when they need it. */
export function toCsv<T>(rows: T[], columns: [header: string, value: (row: T) => unknown][]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [columns.map(([h]) => cell(h)).join(',')];
  for (const row of rows) lines.push(columns.map(([, value]) => cell(value(row))).join(','));
  return lines.join('\r\n') + '\r\n';
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes a script's results as `<dir>/<name>-<date>-<machine>.json` and says where. */
export function writeResult(dir: string, name: string, machine: string, result: { date: string }): string {
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `${name}-${result.date.slice(0, 10)}-${machine}.json`);
  writeFileSync(out, JSON.stringify(result, null, 2));
  console.log(`\nwrote ${out}`);
  return out;
}

/**
 * Filling a worker's concept indexes (records by occupation, ISCO group and skills) from a data
 * directory, as each worker does after start: CPU time per kind reading each record's concepts from
 * their column (schema step 28) against parsing every record's JSON (as before step 28), alternating,
 * in one process on one file. The answers are compared: both fills must file the same records under
 * the same concepts.
 *
 *   npx tsx benchmarks/concept-fill.ts --data DIR [--rounds 3]
 *
 * DIR: a data directory (e.g. 297,600 jobseekers and 105,400 vacancies); opened read-only except
 * for its migration to this tree's schema (a directory before step 28 gets its concepts column).
 */
import { cpus, hostname, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/adapters/sqlite/database.js';
import { SqliteRecordStore } from '../src/adapters/sqlite/record-store.js';
import { ConceptIndexFilling, type ConceptReads } from '../src/core/concept-index-filling.js';
import { jobseekerKind, vacancyKind } from '../src/core/kinds.js';
import { conceptsOf } from '../src/core/record-concepts.js';
import { writeResult } from './results.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
  },
});
if (!values.data) {
  console.error('usage: npx tsx benchmarks/concept-fill.ts --data DIR [--rounds N]');
  process.exit(2);
}
const machine = `${hostname().startsWith('vm') ? 'vm' : hostname()}-${cpus().length}cpu`;
const started = performance.now();
const db = openDatabase(join(values.data, 'kohtaanto.sqlite'), (line) => console.log(line));
console.log(`opened (migrated) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

/** A stored record's concepts worked out from it, as a write does (and the fill did before step 28). */
const kinds = [
  { table: 'jobseekers' as const, worked: (record: any) => conceptsOf(jobseekerKind, record) },
  { table: 'vacancies' as const, worked: (record: any) => conceptsOf(vacancyKind, record) },
];
const embedderOf = (table: string) => db.prepare<[], string>(`SELECT embedder FROM ${table} WHERE matchable = 1 GROUP BY embedder ORDER BY count(*) DESC LIMIT 1`).pluck().get() ?? '';

/** CPU milliseconds (user + system) of `work`. */
function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const rows: { kind: string; records: number; way: string; cpuMs: number[] }[] = [];
for (const { table, worked } of kinds) {
  const store = new SqliteRecordStore<any>(db, table);
  const embedder = embedderOf(table);
  const labels = () => store.matchableLabels({}, embedder);
  const ways: Record<string, ConceptReads> = {
    'concepts column': {
      labels,
      conceptsOf: (chunk) => store.conceptsByLabels(chunk).map((k) => ({ label: k.label, ...k.concepts! })),
    },
    'parsing each record': {
      labels,
      conceptsOf: (chunk) => store.getByLabels(chunk).map((e) => ({ label: e.label, ...worked(e.record) })),
    },
  };
  const filed: Record<string, string> = {};
  const times: Record<string, number[]> = { 'concepts column': [], 'parsing each record': [] };
  let records = 0;
  for (let round = 0; round < Number(values.rounds); round++) {
    const order = round % 2 === 0 ? Object.keys(ways) : Object.keys(ways).reverse();
    for (const way of order) {
      let filling!: ConceptIndexFilling;
      times[way]!.push(
        cpuMs(() => {
          filling = new ConceptIndexFilling(ways[way]!);
          filling.fill();
        }),
      );
      records = filling.index.size;
      // What the index files: every label's hits for a few of its own concepts (same for both ways?).
      if (round === 0) {
        const sample = labels().filter((_, i) => i % 997 === 0);
        const keys = ways['concepts column']!.conceptsOf(sample);
        filed[way] = JSON.stringify(keys.map((k) => filling.index.search({ occupations: [], skills: k.keys.filter((c) => c.startsWith('s:')).slice(0, 2).map((c) => c.slice(2)) }, 50, { near: [k.place] }).length));
      }
    }
  }
  if (filed['concepts column'] !== filed['parsing each record']) throw new Error(`${table}: the two fills file different records`);
  for (const way of Object.keys(ways)) rows.push({ kind: table, records, way, cpuMs: times[way]!.map((t) => Math.round(t)) });
}
db.close();

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
console.log(`\nFilling the concept indexes of ${values.data}, ${values.rounds} round(s), load ${loadavg()[0]!.toFixed(1)} — ${machine}`);
console.log('| kind | matchable records | read | CPU ms per fill (median) | each round |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.kind} | ${r.records.toLocaleString('en')} | ${r.way} | ${median(r.cpuMs).toLocaleString('en')} | ${r.cpuMs.join(', ')} |`);
const result = { date: new Date().toISOString(), data: values.data, load: loadavg()[0], rows };
writeResult(values.out!, 'concept-fill', machine, result);

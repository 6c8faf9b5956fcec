/**
 * `npm run bench:auth`: does the time to refuse an API key tell whether its key id exists (finding
 * L6)? Median and 90th-percentile time of ApiKeyStore.verify on a SQLite file with `--keys` keys, for
 * an unknown key id, a known id with a wrong secret, and a valid key; the kinds are interleaved in
 * blocks so that drift (CPU frequency, other processes) falls on all alike. For comparison, the
 * lookup main had before (a plain SELECT by id, no stand-in row) measured the same way.
 *
 *   npm run bench:auth
 *   npm run bench:auth -- --keys 10000 --rounds 50000
 *
 * Prints a Markdown table and writes benchmarks/results/auth-<date>-<machine>.json.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiKeyStore } from '../src/adapters/sqlite/api-keys.js';
import { openDatabase } from '../src/adapters/sqlite/database.js';
import { writeResult } from './results.js';

const { values } = parseArgs({
  options: {
    keys: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '20000' },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
  },
});
const KEYS = Math.max(2, Number(values.keys));
const ROUNDS = Math.max(100, Number(values.rounds));
const BLOCK = 50;

/** The lookup before this change (main at 84d3649), replicated: no row read for an unknown id. */
function previousVerify(db: ReturnType<typeof openDatabase>) {
  const byId = db.prepare<[string], { secret_sha256: string; revoked_at: string | null; expires_at: string | null; kind: string | null }>(
    `SELECT k.id, k.name, k.role, k.secret_sha256, k.revoked_at, k.expires_at, k.organisation_id, o.kind, o.area
       FROM api_keys k LEFT JOIN organisations o ON o.id = k.organisation_id WHERE k.id = ?`,
  );
  const unknown = Buffer.alloc(32);
  return (presented: string) => {
    const match = /^kht_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/.exec(presented);
    if (!match) return false;
    const row = byId.get(match[1]!);
    const usable = row !== undefined && !row.revoked_at && row.kind !== null && (row.expires_at === null || row.expires_at > new Date().toISOString());
    const expected = usable ? Buffer.from(row.secret_sha256, 'hex') : unknown;
    return timingSafeEqual(expected, createHash('sha256').update(match[2]!).digest()) && usable;
  };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'kohtaanto-auth-bench-'));
  try {
    const db = openDatabase(join(dir, 'keys.sqlite'));
    const store = new ApiKeyStore(db);
    const created = await Promise.all(Array.from({ length: KEYS }, (_, i) => store.create('counsellor', `key ${i}`, 'national')));
    const wrong = 'A'.repeat(43);
    // Unknown ids spread over the id space as real ones are (a narrow range would read the same few
    // neighbouring rows, warm in the cache, and time the cache rather than the lookup).
    const hex16 = (i: number) => createHash('sha256').update(`unknown ${i}`).digest('hex').slice(0, 16);
    // Known keys in a random order too (in creation order their rows would be read one after another).
    const anyKey = (i: number) => created[Number.parseInt(createHash('sha256').update(`known ${i}`).digest('hex').slice(0, 8), 16) % KEYS]!;
    const kinds = {
      'unknown key id': (i: number) => `kht_${hex16(i)}_${wrong}`,
      'known id, wrong secret': (i: number) => `kht_${anyKey(i).id}_${wrong}`,
      'valid key': (i: number) => anyKey(i).key,
    };
    const previous = previousVerify(db);
    // The store answers a promise; its work (the read and the comparison) is done within the call, which is what is timed.
    const verifiers = { 'this change': (k: string) => void store.verify(k), 'before (main)': previous };
    const rows: { version: string; kind: string; medianMicros: number; p90Micros: number; n: number }[] = [];
    for (const [version, verify] of Object.entries(verifiers)) {
      const times: Record<string, number[]> = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
      for (let warm = 0; warm < 2000; warm++) for (const make of Object.values(kinds)) verify(make(warm));
      const order = Object.entries(kinds);
      for (let start = 0; start < ROUNDS; start += BLOCK) {
        order.push(order.shift()!); // each kind goes first, second and last in turn
        for (const [kind, make] of order) {
          const presented = Array.from({ length: BLOCK }, (_, j) => make(start + j));
          for (const key of presented) {
            const t = process.hrtime.bigint();
            verify(key);
            times[kind]!.push(Number(process.hrtime.bigint() - t) / 1000);
          }
        }
      }
      for (const [kind, list] of Object.entries(times)) {
        list.sort((a, b) => a - b);
        rows.push({ version, kind, medianMicros: Math.round(quantile(list, 0.5) * 100) / 100, p90Micros: Math.round(quantile(list, 0.9) * 100) / 100, n: list.length });
      }
    }
    // The found-or-not checks: unknown id against a known id with a wrong secret.
    const gap = (version: string) => {
      const m = (kind: string) => rows.find((r) => r.version === version && r.kind === kind)!.medianMicros;
      return Math.round((m('known id, wrong secret') - m('unknown key id')) * 100) / 100;
    };
    const machine = `${hostname()}-${cpus().length}cpu`;
    console.log(`\nApiKeyStore.verify, ${KEYS} keys in SQLite, ${ROUNDS} calls per kind — ${machine}\n`);
    console.log('| version | presented | median µs | p90 µs |\n|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.version} | ${r.kind} | ${r.medianMicros} | ${r.p90Micros} |`);
    const gaps = { 'this change': gap('this change'), 'before (main)': gap('before (main)') };
    console.log(`\nmedian (known id, wrong secret) − (unknown key id): this change ${gaps['this change']} µs, before ${gaps['before (main)']} µs`);
    const result = { date: new Date().toISOString(), machine, keys: KEYS, rounds: ROUNDS, rows, medianGapMicros: gaps };
    writeResult(values.out!, 'auth', machine, result);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

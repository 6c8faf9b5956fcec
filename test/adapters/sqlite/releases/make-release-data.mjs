// Makes the data directory of an older release the way that release's own code writes it, for
// test/adapters/sqlite/upgrade.test.ts: run it against a built checkout of that release.
//
//   git worktree add /tmp/old 84d3649 && ln -s "$PWD/node_modules" /tmp/old/node_modules && (cd /tmp/old && npx tsc -p tsconfig.build.json)
//   node test/adapters/sqlite/releases/make-release-data.mjs /tmp/old test/adapters/sqlite/releases/2026-11-24
//
// It starts that release's service (one worker, no fixtures) on an empty data directory and, through
// its HTTP API with the first admin key, writes what a day of use writes: organisations and keys,
// clients and vacancies (owned by a unit), trainings, matches and candidate lists (decision records),
// a share, a referral, an override, a web session, an erasure, the audit of all of it. The SQLite
// file is then written out as SQL (`kohtaanto.sql`, text: reviewable, diffable) beside the
// installation's secret; the index files and label vectors are left out (derived: rebuilt).
import { spawn, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [oldDir, outDir] = process.argv.slice(2).map((p) => resolve(p));
if (!oldDir || !outDir) throw new Error('usage: make-release-data.mjs OLD_CHECKOUT OUT_DIR');
const dataDir = mkdtempSync(join(tmpdir(), 'kohtaanto-release-'));
const port = 18000 + Math.floor(Math.random() * 2000);
const server = spawn(process.execPath, [join(oldDir, 'dist', 'cli', 'serve.js')], {
  cwd: oldDir,
  env: { ...process.env, KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_PORT: String(port), KOHTAANTO_HOST: '127.0.0.1', KOHTAANTO_WORKERS: '1', KOHTAANTO_SEED_FIXTURES: 'false' },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/health`)).ok) break;
  } catch {}
  if (i > 600) throw new Error('the old service did not start');
  await new Promise((r) => setTimeout(r, 500));
}
const adminKey = readFileSync(join(dataDir, 'initial-admin.key'), 'utf8').trim();
async function call(key, method, path, body) {
  const r = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}
const fixtures = (file, n) => readFileSync(join(oldDir, 'fixtures', file), 'utf8').trim().split('\n').slice(0, n).map((l) => JSON.parse(l));

const areas = await call(adminKey, 'GET', '/v1/employment-areas');
const tampere = (areas.items ?? areas).find((a) => (a.municipalities ?? []).some((m) => (m.code ?? m) === '837')).id;
await call(adminKey, 'POST', '/v1/admin/organisations', { id: 'tampere', name: 'Tampereen seudun työllisyysalue', kind: 'employment-area', area: tampere });
await call(adminKey, 'POST', '/v1/admin/organisations', { id: 'tre-unit', name: 'Tampere employer services', kind: 'employer-services' });
await call(adminKey, 'POST', '/v1/admin/organisations', { id: 'pirkanmaa-planning', name: 'Pirkanmaa planning', kind: 'planning' });
const key = async (role, organisation, name) => (await call(adminKey, 'POST', '/v1/admin/keys', { role, organisation, name })).key;
const counsellor = await key('counsellor', 'tampere', 'Anna Virtanen');
const employer = await key('employer-service', 'tre-unit', 'Eero Yrityspalvelu');
const planner = await key('planner', 'pirkanmaa-planning', 'Pia Suunnittelija');
const revoked = await call(adminKey, 'POST', '/v1/admin/keys', { role: 'counsellor', organisation: 'tampere', name: 'Left the service' });
await call(adminKey, 'POST', `/v1/admin/keys/${revoked.id}/revoke`);

// Clients in Tampere (the counsellor's area) and vacancies of the unit, in fi/sv/en as the fixtures are.
const jobseekers = fixtures('jobseekers.ndjson', 12).map((j, i) => ({ ...j, id: `OLD-J${i + 1}`, municipality: '837' }));
const vacancies = fixtures('vacancies.ndjson', 12).map((v, i) => ({ ...v, id: `OLD-V${i + 1}`, municipality: i % 2 ? '837' : '853' }));
for (const j of jobseekers) await call(counsellor, 'PUT', `/v1/jobseekers/${j.id}`, j);
for (const v of vacancies) await call(employer, 'PUT', `/v1/vacancies/${v.id}`, v);
const trainings = fixtures('trainings.ndjson', 5);
for (const t of trainings) await call(adminKey, 'PUT', `/v1/trainings/${t.id}`, t);

await call(counsellor, 'GET', '/v1/jobseekers/OLD-J1/matches?k=5');
await call(counsellor, 'GET', '/v1/jobseekers/OLD-J2/matches?k=5');
await call(employer, 'GET', '/v1/vacancies/OLD-V1/candidates?k=5');
await call(counsellor, 'POST', '/v1/vacancies/OLD-V1/shares', { jobseekerId: 'OLD-J1' });
await call(counsellor, 'POST', '/v1/referrals', { jobseekerId: 'OLD-J1', trainingId: trainings[0].id, reason: 'puuttuva pätevyys' });
await call(counsellor, 'PUT', '/v1/jobseekers/OLD-J1/overrides/OLD-V2', { action: 'set-aside', reason: 'asiakas ei voi tehdä yötöitä' }).catch(() =>
  call(counsellor, 'POST', '/v1/jobseekers/OLD-J1/overrides', { vacancyId: 'OLD-V2', action: 'set-aside', reason: 'asiakas ei voi tehdä yötöitä' }),
);
await call(planner, 'GET', '/v1/analytics/mismatch?area=' + encodeURIComponent(tampere)).catch((e) => console.warn(String(e)));
const session = await fetch(`${base}/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: counsellor }) });
if (session.status >= 300) throw new Error(`session: ${session.status}`);
const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0];
await call(counsellor, 'DELETE', '/v1/jobseekers/OLD-J12'); // an erasure: a keyed tombstone, its audit subjects erased

server.kill('SIGTERM');
await new Promise((r) => server.on('exit', r));
mkdirSync(outDir, { recursive: true });
// Python's sqlite3 writes the file as SQL (schema, rows, BLOBs as hex); the schema version is added.
const version = execFileSync('python3', ['-c', 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0])', join(dataDir, 'kohtaanto.sqlite')], { encoding: 'utf8' }).trim();
const dump = execFileSync('python3', ['-c', 'import sqlite3,sys\nfor l in sqlite3.connect(sys.argv[1]).iterdump(): print(l)', join(dataDir, 'kohtaanto.sqlite')], { encoding: 'utf8', maxBuffer: 1 << 28 });
const commit = execFileSync('git', ['-C', oldDir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
writeFileSync(join(outDir, 'kohtaanto.sql'), `-- Written by the release at ${commit} through its own HTTP API: make-release-data.mjs; schema version ${version}\nPRAGMA user_version = ${version};\nPRAGMA foreign_keys = OFF;\n${dump}`);
copyFileSync(join(dataDir, 'kohtaanto.secret'), join(outDir, 'kohtaanto.secret'));
writeFileSync(
  join(outDir, 'keys.json'),
  JSON.stringify({ admin: adminKey, counsellor, 'employer-service': employer, planner, revoked: revoked.id, cookie }, null, 2) + '\n',
);
rmSync(dataDir, { recursive: true, force: true });
console.log(`wrote ${outDir} (schema version ${version})`);

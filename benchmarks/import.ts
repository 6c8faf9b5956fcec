/**
 * `npm run bench:import`: N schema.org JobPostings (default 100,000, NDJSON, HTML descriptions) imported
 * end to end with `npm run import` into the service as `npm start` runs it (the shipped model), against
 * the NDJSON bulk path of the same vacancies in the project's own format, in the same run, into a
 * second fresh service. Then the same file imported again (nothing changed: only compared), and the
 * importer's peak memory on a file a tenth the size (streaming: it should not grow with the file).
 *
 *   npm run bench:import
 *   npm run bench:import -- --records 20000
 *
 * Prints a Markdown table and writes benchmarks/results/import-<date>-<machine>.json.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from '../fixtures/generate.js';
import { regions } from '../src/core/regions/regions.js';
import { buildService, kill, peakMemoryMiB, startService } from './service.js';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '100000' },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
    /** dist/ is current (the test suite built it): no `npm run build`. */
    built: { type: 'boolean', default: false },
  },
});
const RECORDS = Number(values.records);
const ROOT = join(import.meta.dirname, '..');
const round = (x: number) => Math.round(x * 10) / 10;

type Vacancy = ReturnType<typeof generate>['vacancies'][number];

/** A generated vacancy as a job board would publish it. */
const asJobPosting = (v: Vacancy) => ({
  '@context': 'https://schema.org/',
  '@type': 'JobPosting',
  identifier: { '@type': 'PropertyValue', name: 'bench', value: v.id },
  title: v.title,
  description: `<p>${v.description.replace(/\. /g, '.</p><p>')}</p>`,
  datePosted: v.publishedAt,
  ...(v.expiresAt ? { validThrough: `${v.expiresAt}T23:59:59+02:00` } : {}),
  employmentType: v.workingTime === 'part' ? 'PART_TIME' : 'FULL_TIME',
  ...(v.employer ? { hiringOrganization: { '@type': 'Organization', name: v.employer } } : {}),
  jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: regions.municipality(v.municipality)?.nameFi ?? v.municipality, addressCountry: 'FI' } },
  ...(v.occupation ? { occupationalCategory: v.occupation } : {}),
  skills: v.skills.join(', '),
  totalJobOpenings: v.positions,
});

async function writeLines(file: string, lines: Iterable<string>) {
  const out = createWriteStream(file);
  for (const line of lines) if (!out.write(`${line}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** Runs the import CLI; wall seconds, its summary line and its peak memory. */
async function runImport(url: string, key: string, file: string): Promise<{ seconds: number; summary: string; peakMiB: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli', 'import.js'), 'vacancies', file, '--source', 'bench', '--batch', '1000'], {
    env: { ...process.env, KOHTAANTO_URL: url, KOHTAANTO_API_KEY: key },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let peakMiB = 0;
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.resume();
  const sampler = setInterval(() => {
    try {
      peakMiB = Math.max(peakMiB, peakMemoryMiB(child.pid!));
    } catch {
      /* exited */
    }
  }, 200);
  const [code] = (await once(child, 'exit')) as [number];
  clearInterval(sampler);
  if (code !== 0) throw new Error(`import exited with ${code}: ${stdout}`);
  return { seconds: (performance.now() - started) / 1000, summary: stdout.split('\n')[0]!, peakMiB };
}

async function main() {
  buildService(values.built);
  const work = mkdtempSync(join(tmpdir(), 'kohtaanto-import-'));
  const { vacancies } = generate({ vacancies: RECORDS, jobseekers: 0 }, 11);
  const feed = join(work, 'feed.ndjson');
  const small = join(work, 'feed-small.ndjson');
  await writeLines(feed, vacancies.map((v) => JSON.stringify(asJobPosting(v))));
  await writeLines(small, vacancies.slice(0, Math.ceil(RECORDS / 10)).map((v) => JSON.stringify(asJobPosting(v))));
  const rows: Record<string, unknown>[] = [];
  const env = { KOHTAANTO_SEED_FIXTURES: 'false', KOHTAANTO_RATE_LIMIT_PER_MINUTE: '100000000' };
  try {
    // Baseline: the same vacancies, the project's own NDJSON, straight to the bulk route.
    const baselineDir = join(work, 'baseline');
    mkdirSync(baselineDir);
    const baseline = await startService(baselineDir, env);
    const started = performance.now();
    for (let i = 0; i < vacancies.length; i += 1000) {
      const body = vacancies.slice(i, i + 1000).map((v) => JSON.stringify(v)).join('\n') + '\n';
      const response = await fetch(`${baseline.url}/v1/vacancies/bulk`, { method: 'POST', headers: { authorization: `Bearer ${baseline.key}`, 'content-type': 'application/x-ndjson' }, body });
      if (response.status !== 200) throw new Error(`bulk answered ${response.status}: ${await response.text()}`);
    }
    const baselineSeconds = (performance.now() - started) / 1000;
    rows.push({ measure: `baseline: ${RECORDS} vacancies as project NDJSON, POST /v1/vacancies/bulk (1,000 per request)`, seconds: round(baselineSeconds), recordsPerSecond: Math.round(RECORDS / baselineSeconds), servicePeakMiB: peakMemoryMiB(baseline.child.pid!) });
    await kill(baseline.child, 'SIGTERM');

    const dataDir = join(work, 'service');
    mkdirSync(dataDir);
    const service = await startService(dataDir, env);
    const first = await runImport(service.url, service.key, feed);
    rows.push({ measure: `npm run import: ${RECORDS} JobPostings (JSON-LD NDJSON), first time`, seconds: round(first.seconds), recordsPerSecond: Math.round(RECORDS / first.seconds), importerPeakMiB: first.peakMiB, servicePeakMiB: peakMemoryMiB(service.child.pid!), summary: first.summary });
    const again = await runImport(service.url, service.key, feed);
    rows.push({ measure: 'the same file again (nothing changed)', seconds: round(again.seconds), recordsPerSecond: Math.round(RECORDS / again.seconds), importerPeakMiB: again.peakMiB, fasterThanFirst: round(first.seconds / again.seconds), summary: again.summary });
    const tenth = await runImport(service.url, service.key, small);
    rows.push({ measure: `a file a tenth the size (${Math.ceil(RECORDS / 10)} records, unchanged): importer memory`, seconds: round(tenth.seconds), importerPeakMiB: tenth.peakMiB });
    await kill(service.child, 'SIGTERM');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const machine = `${cpus().length} cores, ${hostname()}`;
  console.log(`\nImport of schema.org JobPostings, ${RECORDS} records — ${machine}\n`);
  console.log('| measure | seconds | records/s | importer peak MiB | service peak MiB |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.measure} | ${r.seconds} | ${r.recordsPerSecond ?? ''} | ${r.importerPeakMiB ?? ''} | ${r.servicePeakMiB ?? ''} |`);
  for (const r of rows) if (r.summary) console.log(`  ${r.summary}`);
  mkdirSync(values.out!, { recursive: true });
  const out = join(values.out!, `import-${new Date().toISOString().slice(0, 10)}-${hostname()}.json`);
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), machine, records: RECORDS, rows }, null, 2));
  console.log(`\nwritten: ${out}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

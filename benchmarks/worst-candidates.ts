/**
 * Diagnosis of vacancy → candidates on the labelled match set: for each live hand-written vacancy,
 * nDCG@10 and, for the worst, what its title was read as (occupation, ISCO group, method) and the
 * top 10 with each candidate's family, grade, occupation and score parts; also where the best-graded
 * candidates left out of the top 10 ranked and why.
 *
 *   KOHTAANTO_COMMUTE_RULE=off npx tsx benchmarks/worst-candidates.ts [--worst 15] [--only v012,v013] [--titles]
 * --titles: every labelled record's title as read (occupation, ISCO) and whether the family accepts it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import type { StoredJobseeker } from '../src/core/jobseekers/schema.js';
import type { StoredVacancy, Vacancy } from '../src/core/vacancies/schema.js';
import type { Jobseeker } from '../src/core/jobseekers/schema.js';
import { openEngine } from '../src/engine.js';
import { fixtureJobseekers, grade, isLive, JOBSEEKERS, ndcg, VACANCIES, type LabelledJobseeker } from './quality/match-set.js';
import { accepts } from './quality/title-occupations.js';

const { values } = parseArgs({ options: { worst: { type: 'string', default: '15' }, only: { type: 'string' }, titles: { type: 'boolean', default: false }, embedder: { type: 'string', default: 'transformers' } } });
const TODAY = new Date().toISOString().slice(0, 10);
const dataDir = mkdtempSync(join(tmpdir(), 'kohtaanto-worst-'));
const config = loadConfig({ ...process.env, KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_SEED_FIXTURES: 'true', KOHTAANTO_EMBEDDER: values.embedder });
const engine = await openEngine(config, { info: () => {}, warn: () => {} });
try {
  await engine.vacancies.putMany(VACANCIES.map((v) => ({ id: v.id, title: v.title, description: v.description, skills: v.skills ?? [], municipality: v.municipality, languages: v.languages ?? [], workingTime: v.workingTime ?? 'full', drivingLicenceRequired: v.drivingLicenceRequired ?? false, remote: v.remote ?? false, status: v.status ?? 'open', ...(v.expiresAt ? { expiresAt: v.expiresAt } : {}) }) as unknown as Vacancy));
  await engine.jobseekers.putMany(JOBSEEKERS.map((j) => ({ id: j.id, title: j.title, summary: j.summary, skills: j.skills ?? [], municipality: j.municipality, languages: j.languages, workingTime: j.workingTime ?? 'any', ...(j.drivingLicence !== undefined ? { drivingLicence: j.drivingLicence } : {}), remote: false, status: 'active' }) as unknown as Jobseeker));
  const tax = engine.normalizer.taxonomy;
  const name = (uri?: string) => (uri ? `${tax.label(uri, 'en')} / ${tax.label(uri, 'fi')}` : '–');
  const byJobseeker = new Map<string, LabelledJobseeker>([...JOBSEEKERS, ...fixtureJobseekers()].map((j) => [j.id, j]));
  const occ = (uri?: string, isco?: string) => `${name(uri)} [${isco ?? '?'}]`;
  if (values.titles) {
    let ok = 0;
    let all = 0;
    for (const [kind, records] of [['vacancy', VACANCIES], ['client', JOBSEEKERS]] as const) {
      for (const r of records) {
        const stored = (kind === 'vacancy' ? (await engine.vacancies.find(r.id)) : (await engine.jobseekers.find(r.id))) as StoredVacancy | StoredJobseeker;
        const o = 'occupations' in stored.normalized ? stored.normalized.occupations[0] : stored.normalized.occupation;
        const good = !!o?.uri && accepts(r.family, o.uri);
        all++;
        if (good) ok++;
        console.log(`${good ? 'ok ' : 'BAD'} ${kind} ${r.id} ${r.family} (${r.lang}) "${r.title}" → ${occ(o?.uri, o?.isco)} ${o?.method ?? ''}`);
      }
    }
    console.log(`${ok} of ${all} titles read as an occupation the family accepts`);
  }
  const rows = [];
  for (const v of VACANCIES.filter((v) => isLive(v, TODAY))) {
    const hits = await engine.matcher.candidatesForVacancy(v.id, { k: 200, lang: 'fi' });
    const grades = hits.map((h) => grade(byJobseeker.get(h.id)!, v, TODAY));
    const all = [...byJobseeker.values()].map((j) => grade(j, v, TODAY));
    const n = ndcg(grades, all);
    if (n !== undefined) rows.push({ v, n, hits, grades });
  }
  rows.sort((a, b) => a.n - b.n);
  const mean = rows.reduce((s, r) => s + r.n, 0) / rows.length;
  console.log(`\nvacancy → candidates nDCG@10 ${mean.toFixed(3)} over ${rows.length} queries`);
  for (const { v, n } of rows) {
    const o = ((await engine.vacancies.find(v.id)) as StoredVacancy).normalized.occupation;
    console.log(`  ${n.toFixed(3)} ${v.id} ${v.family} (${v.lang}) "${v.title}" → ${occ(o?.uri, o?.isco)}`);
  }
  for (const { v, n, hits, grades } of values.only ? rows.filter((r) => values.only!.split(',').includes(r.v.id)) : rows.slice(0, Number(values.worst))) {
    const stored = (await engine.vacancies.find(v.id)) as StoredVacancy;
    const o = stored.normalized.occupation;
    console.log(`\n## ${v.id} ${v.family} (${v.lang}) ${v.municipality} "${v.title}" nDCG ${n.toFixed(3)}`);
    console.log(`  read as ${occ(o?.uri, o?.isco)} by ${o?.method}; essential ${stored.normalized.essential.map((s) => s.label).join(', ')}`);
    hits.slice(0, 10).forEach((h, i) => {
      const j = byJobseeker.get(h.id)!;
      const p = h.parts;
      console.log(`  ${i + 1}. g${grades[i]} ${h.id} ${j.family} "${h.title}" ${h.municipalityName} occ=${h.occupation?.label ?? '–'} s=${h.score} sem=${p.semantic} ess=${p.essential} opt=${p.optional} loc=${p.location} occ=${p.occupation}`);
    });
    const missed = [...byJobseeker.values()].filter((j) => grade(j, v, TODAY) >= 2 && !hits.slice(0, 10).some((h) => h.id === j.id)).slice(0, 6);
    for (const j of missed) {
      const at = hits.findIndex((h) => h.id === j.id);
      const h = hits[at];
      const sj = (await engine.jobseekers.find(j.id)) as StoredJobseeker;
      const jo = sj.normalized.occupations[0];
      console.log(`   missed g${grade(j, v, TODAY)} ${j.id} ${j.family} "${j.title}" rank ${at < 0 ? '>200' : at + 1} occ=${occ(jo?.uri, jo?.isco)} ${h ? `s=${h.score} sem=${h.parts.semantic} occ=${h.parts.occupation} loc=${h.parts.location} failed=${Object.entries(h.gates).filter(([, g]) => g === 'fail').map(([k]) => k).join(',')}` : ''}`);
    }
  }
} finally {
  engine.close();
  rmSync(dataDir, { recursive: true, force: true });
}

/**
 * Believable advice (issue 29, part 4): over the fixture clients' gap reports, how often the advice
 * is advice a counsellor would not give — a programme for the client's own occupation, a skill
 * that opens no vacancy first, a training beyond the client's reach and not online, a training an
 * employment service cannot buy, an "occupation within reach" that is not — with today's rules
 * (baseline: the rules of issue 29 off) and with them, in the same run on the same data.
 *
 *   npm run bench:advice                                  # 300 fixture clients, the shipped model
 *   npm run bench:advice -- --clients 50
 *   npm run bench:advice -- --catalogue old-trainings.ndjson   # another training catalogue (e.g. main's)
 *
 * Prints a Markdown table and writes benchmarks/results/advice-<date>-<machine>.json.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_GAP_SETTINGS, loadConfig } from '../src/config.js';
import { GapAnalysis, type GapReport, type GapSettings } from '../src/core/gaps.js';
import type { StoredJobseeker } from '../src/core/jobseekers/schema.js';
import { buyable, isProgramme, NO_ADVICE_RULES, skillLevel, TrainingAdvisor } from '../src/core/training-advice.js';
import { openEngine } from '../src/engine.js';
import { regions } from '../src/core/regions/regions.js';
import { reportPool, whyEmpty, type EmptyReason } from './advice/empty-reports.js';

/** The distance (straight-line km) this benchmark counts a training held in person as far: the rules' old fixed reach. */
const DEFAULT_REACH_KM = 60;

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '300' },
    catalogue: { type: 'string', default: join(import.meta.dirname, '..', 'fixtures', 'trainings.ndjson') },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
  },
});
const CLIENTS = Number(values.clients);
const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const pct = (n: number, d: number) => (d === 0 ? 0 : Math.round((1000 * n) / d) / 10);
const quantile = (xs: number[], q: number) => (xs.length === 0 ? null : [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!);

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'kohtaanto-advice-'));
  const fixturesDir = mkdtempSync(join(tmpdir(), 'kohtaanto-advice-fixtures-'));
  try {
    for (const f of ['vacancies.ndjson', 'jobseekers.ndjson']) copyFileSync(join(FIXTURES, f), join(fixturesDir, f));
    copyFileSync(resolve(values.catalogue!), join(fixturesDir, 'trainings.ndjson'));
    const config = loadConfig({ ...process.env, KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_FIXTURES_DIR: fixturesDir, KOHTAANTO_LOG_LEVEL: 'silent' });
    const engine = await openEngine(config, { info: () => {}, warn: () => {} });
    const clients = (await engine.jobseekers.list({ limit: CLIENTS * 2 })).filter((j) => j.status === 'active').slice(0, CLIENTS) as StoredJobseeker[];
    // The measuring stick: every rule on, to read a training's target occupation the same way for both rule sets.
    const reader = new TrainingAdvisor(engine.trainings, engine.normalizer, NO_ADVICE_RULES, () => DEFAULT_REACH_KM, 1);
    const variants: [string, Omit<GapSettings, 'suitableScore'>][] = [
      ['baseline (today: rules of issue 29 off)', { ...DEFAULT_GAP_SETTINGS, rules: { ...NO_ADVICE_RULES, positiveUpliftOnly: false, plausibleTargets: false } }],
      ['issue 29 rules', DEFAULT_GAP_SETTINGS],
    ];
    const measure = async (method: string, settings: Omit<GapSettings, 'suitableScore'>) => {
      const full = { ...settings, suitableScore: config.suitableScore };
      const advisor = new TrainingAdvisor(engine.trainings, engine.normalizer, full.rules, full.reachKm, full.trainingsPerSkill);
      const analysis = new GapAnalysis(engine.jobseekers, engine.vacancies, engine.matcher, engine.normalizer, advisor, engine.embedder, full, engine.clock);
      const c = { reports: 0, ownProgramme: 0, ownProgrammeNotHigher: 0, zeroLead: 0, empty: 0, skills: 0, untrained: 0, offers: 0, beyond: 0, nonBuyable: 0 };
      const c2 = { programmeFirstWithShort: 0, withShort: 0, languageNotFirst: 0, languageGaps: 0, ownTargets: 0, ownTargetReports: 0 };
      const similarities: number[] = [];
      const empty: Record<EmptyReason, number> = { 'nothing-in-line': 0, 'all-suitable': 0, 'no-skill-helps': 0, 'skills-missing': 0 };
      const started = performance.now();
      for (const client of clients) {
        const report: GapReport = await analysis.forJobseeker(client.id, { reach: 'region', lang: 'fi', today: '2026-12-01' });
        c.reports++;
        if (report.skills.length === 0) {
          c.empty++;
          empty[whyEmpty(await reportPool(engine, client, (m) => regions.municipality(m)?.regionCode, 'fi'), config.suitableScore)]++;
        }
        else if (report.skills[0]!.uplift <= 0) c.zeroLead++;
        const held = client.normalized.occupations.filter((o) => o.method !== 'wish');
        let own = false;
        let ownNotHigher = false;
        for (const skill of report.skills) {
          c.skills++;
          if (skill.trainings.length === 0) c.untrained++;
          if (skill.trainings.some((t) => !isProgramme(t.kind) && t.durationDays < 60)) {
            c2.withShort++;
            if (isProgramme(skill.trainings[0]!.kind)) c2.programmeFirstWithShort++;
          }
          if (skill.trainings.some((t) => t.kind === 'language-for-work')) {
            c2.languageGaps++;
            if (skill.trainings[0]!.kind !== 'language-for-work') c2.languageNotFirst++;
          }
          for (const offer of skill.trainings) {
            c.offers++;
            const t = engine.trainings.get(offer.id);
            const target = isProgramme(t.kind) ? await reader.target(t) : undefined;
            if (!offer.online && offer.distanceKm > DEFAULT_REACH_KM) c.beyond++;
            if (!buyable(t.kind, target)) c.nonBuyable++;
            const mine = target && held.find((o) => (o.uri && o.uri === target.uri) || (o.isco && o.isco === target.isco));
            if (mine && t.durationDays >= 60) {
              own = true;
              // Not higher: anything but an ammattitutkinto or erikoisammattitutkinto above the occupation's own vocational level.
              const higher = (t.kind === 'further-vocational' && (skillLevel([mine]) ?? 2) <= 2) || (t.kind === 'specialist-vocational' && (skillLevel([mine]) ?? 2) <= 3);
              if (!higher) ownNotHigher = true;
            }
          }
        }
        if (own) c.ownProgramme++;
        if (ownNotHigher) c.ownProgrammeNotHigher++;
        for (const t of report.targets) similarities.push(t.similarity);
        // An occupation the client practically holds offered as within reach: their own, or one in its ISCO-08 unit group.
        const unit = (code: string | undefined) => (code && code.length >= 4 ? code.slice(0, 4) : undefined);
        const groupOf = (uri: string) => engine.normalizer.taxonomy.occupationGroup(uri);
        const ownGroups = new Set(held.flatMap((o) => [unit(o.isco), o.uri ? unit(groupOf(o.uri)) : undefined]).filter(Boolean));
        const ownTargets = report.targets.filter((t) => t.occupation && (held.some((o) => o.uri === t.occupation) || ownGroups.has(unit(groupOf(t.occupation)))));
        if (ownTargets.length > 0) c2.ownTargetReports++;
        c2.ownTargets += ownTargets.length;
      }
      const ms = performance.now() - started;
      return {
        method,
        clients: c.reports,
        ownOccupationProgramme: pct(c.ownProgramme, c.reports),
        ownOccupationProgrammeSameOrLower: pct(c.ownProgrammeNotHigher, c.reports),
        ledByZeroUplift: pct(c.zeroLead, c.reports),
        reportsWithoutSkills: pct(c.empty, c.reports),
        emptyWhy: Object.fromEntries(Object.entries(empty).map(([k, v]) => [k, pct(v, c.reports)])) as Record<EmptyReason, number>,
        skillsPerReport: Math.round((10 * c.skills) / c.reports) / 10,
        trainingsPerSkill: Math.round((10 * c.offers) / Math.max(1, c.skills)) / 10,
        skillsWithoutTraining: pct(c.untrained, c.skills),
        beyondReachNotOnline: pct(c.beyond, c.offers),
        nonBuyable: pct(c.nonBuyable, c.offers),
        programmeFirstThoughShortOffered: pct(c2.programmeFirstWithShort, c2.withShort),
        languageCourseNotFirst: pct(c2.languageNotFirst, c2.languageGaps),
        targetsPerReport: Math.round((10 * similarities.length) / c.reports) / 10,
        targetsBelow03: pct(similarities.filter((s) => s < 0.3).length, similarities.length),
        ownTargets: pct(c2.ownTargets, similarities.length),
        reportsWithOwnTarget: pct(c2.ownTargetReports, c.reports),
        targetSimilarity: { p10: quantile(similarities, 0.1), p50: quantile(similarities, 0.5), p90: quantile(similarities, 0.9) },
        msPerReport: Math.round(ms / c.reports),
      };
    };
    const rows: Awaited<ReturnType<typeof measure>>[] = [];
    for (const [method, settings] of variants) rows.push(await measure(method, settings));
    engine.close();

    const machine = `${hostname()}-${cpus().length}cpu`;
    console.log(`\nAdvice over ${clients.length} fixture clients (reach region) — embedder ${engine.embedder.id}, catalogue ${values.catalogue}\n`);
    const columns: [string, (r: (typeof rows)[number]) => unknown][] = [
      ['rules', (r) => r.method],
      ['own-occupation programme ≥ 60 d, % reports (same or lower level)', (r) => `${r.ownOccupationProgramme} (${r.ownOccupationProgrammeSameOrLower})`],
      ['led by a +0 skill, %', (r) => r.ledByZeroUplift],
      ['no skill listed, %', (r) => r.reportsWithoutSkills],
      ['… though a vacancy within reach misses a learnable skill, %', (r) => r.emptyWhy['skills-missing']],
      ['… nothing in line within reach / all suitable / no skill helps, %', (r) => `${r.emptyWhy['nothing-in-line']} / ${r.emptyWhy['all-suitable']} / ${r.emptyWhy['no-skill-helps']}`],
      ['skills / report', (r) => r.skillsPerReport],
      ['trainings / skill', (r) => r.trainingsPerSkill],
      ['skills without a training, %', (r) => r.skillsWithoutTraining],
      [`beyond ${DEFAULT_REACH_KM} km and not online, % trainings`, (r) => r.beyondReachNotOnline],
      ['not buyable, % trainings', (r) => r.nonBuyable],
      ['programme first though a short course is offered, %', (r) => r.programmeFirstThoughShortOffered],
      ['language course offered but not first, %', (r) => r.languageCourseNotFirst],
      ['targets / report', (r) => r.targetsPerReport],
      ['targets with similarity < 0.3, %', (r) => r.targetsBelow03],
      ["targets the client practically holds (own occupation or its ISCO unit group), % targets (% reports)", (r) => `${r.ownTargets} (${r.reportsWithOwnTarget})`],
      ['target similarity p10 / p50 / p90', (r) => `${r.targetSimilarity.p10} / ${r.targetSimilarity.p50} / ${r.targetSimilarity.p90}`],
      ['ms / report', (r) => r.msPerReport],
    ];
    console.log(`| ${columns.map(([h]) => h).join(' | ')} |\n|${columns.map(() => '---').join('|')}|`);
    for (const r of rows) console.log(`| ${columns.map(([, f]) => f(r)).join(' | ')} |`);
    const result = { date: new Date().toISOString(), machine, embedder: engine.embedder.id, catalogue: values.catalogue, clients: clients.length, rows };
    mkdirSync(values.out!, { recursive: true });
    const file = join(values.out!, `advice-${result.date.slice(0, 10)}-${machine}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2));
    console.log(`\nwrote ${file}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(fixturesDir, { recursive: true, force: true });
  }
}

await main();

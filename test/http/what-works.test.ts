import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import { build, call, removeDir, sampleJobseeker, sampleVacancy, type Caller, type RunningService } from '../helpers/service.js';

/**
 * Issue 33, item 5 (first part): the planners' "what works" report through the HTTP API on the real
 * store — suggestions made from the engine's rankings, states recorded by the employer unit, the
 * decision records joined inside the report only — and only rounded aggregates for planners.
 */
let service: RunningService;
let counsellor: Caller;
let employer: Caller;
let planner: Caller;
let admin: Caller;
/** The service's clock: a month end, so that the report's period (whole months up to today) holds today's suggestions. */
const NOW = '2026-11-30T12:00:00Z';
const ago = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString().slice(0, 10);

/** The values a count may be published as (random rounding: src/core/analytics/random-rounding.ts). */
const either = (n: number): (number | '<5')[] => (n < 3 ? ['<5'] : [Math.floor(n / 5) * 5, Math.ceil(n / 5) * 5].map((v) => (v === 0 ? '<5' : v)));
const rateOf = (hits: number | '<5', of: number | '<5') => (hits === '<5' || of === '<5' ? null : Math.round(Math.min(1, hits / of) * 20) / 20);

const fits = { skills: ['MIG-hitsaus', 'piirustusten lukeminen'], description: 'Konepaja hakee hitsaajaa: MIG-hitsaus ja piirustusten lukeminen.' };

beforeAll(async () => {
  service = await build({ env: { KOHTAANTO_SEED_FIXTURES: 'false' }, clock: fixedClock(NOW) });
  ({ counsellor, planner, admin } = { counsellor: service.as('counsellor'), planner: service.as('planner'), admin: service.as('admin') });
  employer = service.as('employer-service');
  // Twelve welders in Tampere (four unemployed for over a year) and twelve welding posts of the employer unit, published 20 days ago.
  for (let i = 1; i <= 12; i++) {
    const id = `TRE-${i}`;
    const put = await call(counsellor, 'PUT', `/v1/jobseekers/${id}`, { ...sampleJobseeker(id), unemployedSince: i <= 4 ? ago(500) : ago(60) });
    expect(put.status, JSON.stringify(put.body)).toBe(201);
    expect((await call(employer, 'PUT', `/v1/vacancies/V-${i}`, sampleVacancy(`V-${i}`, { ...fits, publishedAt: ago(20) }))).status).toBe(201);
  }
  // Eight clients get the first vacancy of the ranking the counsellor sees; four a vacancy found elsewhere (no ranking shown).
  const suggestions: number[] = [];
  for (let i = 1; i <= 12; i++) {
    let vacancyId = `V-${i}`;
    if (i <= 8) {
      const matches = await call(counsellor, 'GET', `/v1/jobseekers/TRE-${i}/matches?k=10`);
      expect(matches.status).toBe(200);
      vacancyId = matches.body.hits[0].id;
    }
    const made = await call(counsellor, 'POST', `/v1/jobseekers/TRE-${i}/job-suggestions`, { vacancyId, consent: true });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    suggestions.push(made.body.id);
  }
  // The unit interviews six (five shown at #1, one found elsewhere) and hires five of them; clients 1 and 2 are long-term unemployed.
  for (const [n, id] of suggestions.entries()) {
    const i = n + 1;
    if (![1, 2, 3, 5, 6, 9].includes(i)) continue;
    const interview = await call(employer, 'POST', `/v1/job-suggestions/${id}/state`, { state: 'interview', version: 1 });
    expect(interview.status, JSON.stringify(interview.body)).toBe(200);
    if (i === 9) continue;
    expect((await call(employer, 'POST', `/v1/job-suggestions/${id}/state`, { state: 'hired', version: 2 })).status).toBe(200);
  }
}, 240_000);
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

describe('what works (issue 33): the funnel and the engine\'s rank, for planners', () => {
  it('gives a planner the funnel, long-term unemployed placed, days to fill and rates by rank, all rounded', async () => {
    const got = await call(planner, 'GET', '/v1/analytics/what-works?municipality=Tampere');
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    const r = got.body;
    expect([r.area.id, r.from, r.to]).toEqual(['837', '2025-12-01', '2026-11-30']);
    // 12 suggested, 6 applied and interviewed (an interview counts as applied), 5 hired: each rounded at random to a multiple of 5.
    const exact = { suggested: 12, applied: 6, interview: 6, offer: 5, hired: 5 };
    for (const [step, n] of Object.entries(exact)) expect(either(n), step).toContain(r.funnel[step]);
    expect(either(12)).toContain(r.clients.suggested);
    expect(r.clients.hired).toBe(5);
    expect(either(4)).toContain(r.clients.longTermSuggested);
    expect(either(3)).toContain(r.clients.longTermHired); // clients 1-3
    expect(r.clients.longTermPlaced.rate).toBe(rateOf(r.clients.longTermHired, r.clients.longTermSuggested));
    expect(r.daysToFill).toEqual({ median: 20, hires: 5 });
    const band = (rank: string) => r.byRank.find((b: { rank: string }) => b.rank === rank);
    // Eight shown at #1: five interviewed and hired; four not shown by the engine: one interview. The
    // shares are those of the published counts, never of the exact ones (5 of 8 would give 8 back).
    expect(either(8)).toContain(band('1').suggestions);
    expect(band('1')).toMatchObject({ interviews: 5, hires: 5, hireRate: { rate: rateOf(5, band('1').suggestions) }, interviewRate: { rate: rateOf(5, band('1').suggestions) } });
    expect(either(4)).toContain(band('not shown').suggestions);
    expect(band('not shown')).toMatchObject({ interviews: '<5', hires: '<5', hireRate: { rate: null } });
    // Nothing in it names a client.
    expect(JSON.stringify(r)).not.toMatch(/TRE-/);
  });

  it('keeps the rank with each suggestion: pruning the decision records (retention) changes nothing', async () => {
    const db = new Database(join(service.dataDir, 'kohtaanto.sqlite'));
    try {
      expect(db.prepare('DELETE FROM decisions').run().changes).toBeGreaterThan(0);
    } finally {
      db.close();
    }
    const band = (await call(planner, 'GET', '/v1/analytics/what-works?municipality=837')).body.byRank[0];
    expect(either(8)).toContain(band.suggestions);
    expect(band).toMatchObject({ rank: '1', interviews: 5, hires: 5 });
  });

  it('answers CSV with headers in the asked language', async () => {
    const got = await call(planner, 'GET', '/v1/analytics/what-works?municipality=837&format=csv&lang=fi');
    expect(got.status).toBe(200);
    const lines = String(got.body).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('alue;alkaen;asti;sija;työpaikkaehdotukset;haastattelut;palkatut;palkatut_palkkatuella;haastatteluosuus;palkkausosuus;palkkausosuus_virhemarginaali95');
    // Shares of the published counts: 5 of 10 (or of 5, as 8 suggestions may be published).
    expect(lines[1]).toMatch(/^837;[0-9-]+;[0-9-]+;1;(10;5;5;<5;0,5;0,5;0,31|5;5;5;<5;1;1;0)$/);
  });

  it('is for planners and admins only, and names the field of a bad period in the user\'s language', async () => {
    for (const caller of [counsellor, employer]) expect((await call(caller, 'GET', '/v1/analytics/what-works')).status).toBe(403);
    expect((await call(admin, 'GET', '/v1/analytics/what-works?municipality=837')).status).toBe(200);
    const bad = await call(planner, 'GET', '/v1/analytics/what-works?from=2026-05-01&to=2026-04-30', undefined, { 'accept-language': 'sv' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('startdagen 2026-05-01 är efter slutdagen 2026-04-30');
    expect(JSON.stringify(bad.body)).toContain('from');
    expect((await call(planner, 'GET', '/v1/analytics/what-works?from=yesterday')).status).toBe(400);
  });

  it('lists the trainings the area\'s clients were referred to, with completion, and no effect without enough evidence', async () => {
    const training = {
      title: 'Hitsauksen täsmäkoulutus',
      description: 'MIG-hitsaus ja TIG-hitsaus konepajatyöhön.',
      provider: 'Ammattiopisto Virta',
      kind: 'vocational',
      municipality: 'Tampere',
      durationDays: 40,
      startDates: ['2027-01-15'],
      cost: 0,
      skills: ['MIG-hitsaus', 'TIG-hitsaus'],
    };
    expect((await call(planner, 'PUT', '/v1/trainings/T-WELD', { id: 'T-WELD', ...training })).status).toBe(201);
    for (let i = 7; i <= 12; i++) {
      const made = await call(counsellor, 'POST', '/v1/referrals', { jobseekerId: `TRE-${i}`, trainingId: 'T-WELD' });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      let version = made.body.version;
      for (const state of ['accepted', 'started', i <= 11 ? 'completed' : 'interrupted']) {
        const changed = await call(counsellor, 'POST', `/v1/referrals/${made.body.id}/state`, { state, version });
        expect(changed.status, JSON.stringify(changed.body)).toBe(200);
        version = changed.body.version;
      }
    }
    const r = (await call(planner, 'GET', '/v1/analytics/what-works?municipality=837')).body;
    // 6 referred are published rounded at random under the installation key (a new one each run): 5, or 10 one time in five.
    const referred = r.trainings[0]?.referred;
    expect(either(6)).toContain(referred);
    const completion = r.trainings[0]?.completion;
    expect([1, 0.5]).toContain(completion);
    expect(r.trainings).toEqual([
      {
        trainingId: 'T-WELD',
        title: 'Hitsauksen täsmäkoulutus',
        provider: 'Ammattiopisto Virta',
        referred,
        completed: 5,
        interrupted: '<5',
        completion, // 5 of 6 ended exactly; of the published counts, 5 of 5 or of 10 (the exact share would give the '<5' interrupted back)
        // Ended today: no horizon observed yet.
        horizons: [3, 6].map((months) => ({ months, participants: '<5', comparisonClients: '<5', employed: null, comparison: null, effect: null, low: null, high: null, evidence: 'not enough' })),
      },
    ]);
    expect(r.providers.map((p: { provider: string }) => p.provider)).toEqual(['Ammattiopisto Virta']);
    expect(either(6)).toContain(r.providers[0].referred);
    // Employer units and counsellors get none of it.
    expect((await call(employer, 'GET', '/v1/analytics/what-works?municipality=837')).status).toBe(403);
  });

  it('shows hires with a pay subsidy apart: a hire whose client the register has in pay-subsidised work from within 90 days of it', async () => {
    const fi = (day: string) => day.split('-').reverse().map(Number).join('.');
    const csv = { 'content-type': 'text/csv' };
    const none = (await call(planner, 'GET', '/v1/analytics/what-works?municipality=837')).body;
    expect(none.paySubsidy).toEqual({ hires: '<5', share: null });
    // Four hired clients in subsidised work from today; a fifth from 200 days back (another job: not this hire); a client not hired.
    const lines = ['asiakas;tapahtuma;päivämäärä', ...[1, 2, 3, 5].map((i) => `TRE-${i};palkkatuettu työ;${fi(ago(0))}`), `TRE-6;palkkatuki;${fi(ago(200))}`, `TRE-7;palkkatuki;${fi(ago(0))}`];
    const imported = await call(counsellor, 'POST', '/v1/outcomes/bulk', lines.join('\n'), csv);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    const four = (await call(planner, 'GET', '/v1/analytics/what-works?municipality=837')).body;
    expect(four.funnel.hired).toBe(5);
    expect(either(4)).toContain(four.paySubsidy.hires);
    expect(four.paySubsidy.share).toBe(rateOf(four.paySubsidy.hires, 5));
    expect(either(4)).toContain(four.byRank[0].subsidisedHires);
    // The fifth hired client's subsidised work begins 10 days before the hire was recorded: every hire subsidised.
    expect((await call(counsellor, 'POST', '/v1/outcomes/bulk', `asiakas;tapahtuma;päivämäärä\nTRE-6;palkkatuki;${fi(ago(10))}`, csv)).status).toBe(200);
    const five = (await call(planner, 'GET', '/v1/analytics/what-works?municipality=837')).body;
    expect([five.funnel.hired, five.paySubsidy, five.byRank[0].subsidisedHires]).toEqual([5, { hires: 5, share: 1 }, 5]);
    // Nothing but the two rounded counts and the share from them: no cell of hires without a subsidy, no client.
    expect(JSON.stringify(five)).not.toMatch(/TRE-|notSubsidised|openMarket/);
    const sheet = await call(planner, 'GET', '/v1/analytics/what-works?municipality=837&format=csv&lang=sv');
    expect(String(sheet.body).split('\r\n')[0]).toContain(';anställda;anställda_med_lönesubvention;');
  });

  it('forgets an erased client: the counts are made without them', async () => {
    const before = (await call(planner, 'GET', '/v1/analytics/what-works?municipality=837')).body;
    expect((await call(admin, 'DELETE', '/v1/jobseekers/TRE-3')).status).toBe(204);
    const after = (await call(planner, 'GET', '/v1/analytics/what-works?municipality=837')).body;
    // 5 hires → 4, 12 suggestions → 11: each rounded at random again ("<5" or 5; 10 or 15).
    expect(before.funnel.hired).toBe(5);
    expect(either(4)).toContain(after.funnel.hired);
    expect(either(11)).toContain(after.funnel.suggested);
    expect(either(4)).toContain(after.paySubsidy.hires); // their subsidised hire goes with them (5 → 4)
    // Nothing of theirs is left for a report to count.
    const db = new Database(join(service.dataDir, 'kohtaanto.sqlite'), { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) FROM job_suggestions WHERE jobseeker_id = 'TRE-3'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('counts whole months: a period ending mid-month ends at the month before, so no day-by-day stepping finds the day of a hire', async () => {
    const mid = (await call(planner, 'GET', '/v1/analytics/what-works?municipality=837&from=2026-10-15&to=2026-11-29')).body;
    expect([mid.from, mid.to, mid.funnel.suggested]).toEqual(['2026-10-01', '2026-10-31', '<5']);
    // Within one month that has not ended: nothing to count yet, and the answer says which days it would take.
    const open = await call(planner, 'GET', '/v1/analytics/what-works?municipality=837&from=2026-11-15&to=2026-11-29');
    expect([open.status, JSON.stringify(open.body)]).toEqual([400, expect.stringContaining('2026-11-01 is after the last day 2026-10-31')]);
  });
});

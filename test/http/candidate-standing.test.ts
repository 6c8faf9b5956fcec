import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MATCH_SETTINGS } from '../../src/config.js';
import { standingOf } from '../../src/core/suitability.js';
import type { MatchHit } from '../../src/core/matches/schema.js';
import { build, call, removeDir, type Caller, type RunningService } from '../helpers/service.js';
import { EXPECTED_STANDING, STANDING_CLIENTS as CLIENTS, STANDING_VACANCY } from '../helpers/standing-cases.js';

/**
 * A vacancy's candidates as employer services see them, by where each stands (issue 29): the web page
 * groups them by `standing` (who can take the job now, who fits with a gap, who does not fit), so the
 * standing must say no more of a pseudonymous candidate than the rest of the hit shows — it is what the
 * shown score, score parts and pass/fail gates give by the service's published lines, nothing else.
 * Real server, store, index and shipped model; the records are test/helpers/standing-cases.ts.
 */
let service: RunningService;
let unit: Caller;
let admin: Caller;

beforeAll(async () => {
  service = await build({ env: { KOHTAANTO_SEED_FIXTURES: 'false' } });
  unit = service.as('employer-service');
  admin = service.as('admin');
  for (const client of CLIENTS) expect((await call(admin, 'PUT', `/v1/jobseekers/${client.id}`, client)).status).toBe(201);
  expect((await call(unit, 'PUT', '/v1/vacancies/V-DRIVE', STANDING_VACANCY)).status).toBe(201);
});
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

describe("GET /v1/vacancies/:id/candidates: each candidate's standing", () => {
  it('marks who can take the job now, who fits with a gap and who does not fit, from what the list shows alone', async () => {
    const response = await call(unit, 'GET', '/v1/vacancies/V-DRIVE/candidates?k=10');
    expect(response.status).toBe(200);
    const hits = response.body.hits as MatchHit[];
    expect(hits).toHaveLength(CLIENTS.length);
    // Every candidate is pseudonymous to the unit, and its standing follows from its shown score, parts and gates.
    for (const hit of hits) {
      expect(hit.id).toMatch(/^cand-/);
      expect(hit.standing, hit.id).toBe(standingOf(hit, DEFAULT_MATCH_SETTINGS));
    }
    const by = (standing: string) => hits.filter((h) => h.standing === standing);
    expect(by('suitable')).toHaveLength(1);
    expect(by('suitable')[0]!.gates).toMatchObject({ licence: 'pass', commute: 'pass' });
    // The two welders with a gap: one fails the licence, the other lives beyond their range; each says which and no more.
    const gaps = by('fit');
    expect(gaps.map((h) => [h.gates.licence, h.gates.commute]).sort()).toEqual([
      ['fail', 'pass'],
      ['pass', 'fail'],
    ]);
    expect(gaps.find((h) => h.gates.commute === 'fail')!.commute).toMatchObject({ beyondRange: true });
    expect(gaps.find((h) => h.gates.commute === 'fail')!.commute!.rangeKm).toBeUndefined();
    expect(by('no-fit')).toHaveLength(1);
    expect(by('no-fit')[0]!.parts.occupation).toBeLessThan(DEFAULT_MATCH_SETTINGS.fitOccupation);
    // Nothing of the licences held, the range given or the clients' own words reaches the unit.
    const shown = JSON.stringify(response.body);
    for (const trace of ['drivingLicences', 'JS-', 'rangeKm', 'Kokenut', 'Etsin']) expect(shown).not.toContain(trace);
  });

  it("marks them as persons for the national admin the same way, and as a client's own page marks the vacancy for them (one rule)", async () => {
    const persons = (await call(admin, 'GET', '/v1/vacancies/V-DRIVE/candidates?k=10')).body.hits as MatchHit[];
    const standing = Object.fromEntries(persons.map((h) => [h.id, h.standing]));
    expect(standing).toEqual(EXPECTED_STANDING);
    // And a client's own page marks the vacancy for them as the candidate list marks them for it.
    for (const id of ['JS-NOW', 'JS-LICENCE']) {
      const hits = (await call(admin, 'GET', `/v1/jobseekers/${id}/matches?k=10`)).body.hits as MatchHit[];
      expect(hits.find((h) => h.id === 'V-DRIVE')?.standing, id).toBe(standing[id]);
    }
  });
});

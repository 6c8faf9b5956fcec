import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, removeDir, build, type Caller, type RunningService } from '../helpers/service.js';

/**
 * What a counsellor reviewing a client's page would not accept (issue 29, counsellor-grade judgement),
 * on ESCO with the shipped model and the fixture data, through the HTTP API: other work at a low score
 * listed as suitable, a gap report's "suitable now" counting something else than the matches show,
 * and "occupations within reach" offering the client's own occupation under another name.
 */
let service: RunningService;
let caller: Caller;

interface Hit {
  id: string;
  score: number;
  standing?: string;
  parts: { occupation: number | null; essential: number | null };
  gates: Record<string, string>;
}
interface Report {
  area: { region?: string; municipality?: string };
  threshold: number;
  considered: number;
  suitableNow: number;
  targets: { occupation: string | null; label: string }[];
}
interface Client {
  id: string;
  status: string;
  normalized: { occupations: { uri?: string; isco?: string; method: string }[] };
}

/** The first active fixture clients (every kind of work the fixtures hold, cleaners among them). */
let clients: Client[];

beforeAll(async () => {
  service = await build(); // ESCO with the local extension, the shipped model, the fixtures
  // The national admin: the fixture clients live in every employment area (a counsellor sees their own area's).
  caller = service.as('admin');
  const listed = (await call(service.as('admin'), 'GET', '/v1/jobseekers?limit=60')).body.items as Client[];
  clients = listed.filter((c) => c.status === 'active').slice(0, 30);
});
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

describe('a client page a counsellor can trust', () => {
  it('marks where each vacancy stands, and never marks other work or a score below the fit floor as suitable', async () => {
    const settings = { fitFloor: 0.4, fitOccupation: 0.4 };
    let noFits = 0;
    for (const client of clients) {
      const hits = (await call(caller, 'GET', `/v1/jobseekers/${client.id}/matches?k=20`)).body.hits as Hit[];
      for (const h of hits) {
        expect(['suitable', 'fit', 'no-fit']).toContain(h.standing);
        const fit = h.score >= settings.fitFloor && (h.parts.occupation === null || h.parts.occupation >= settings.fitOccupation);
        if (!fit) {
          expect(h.standing, `${client.id} ${h.id}`).toBe('no-fit');
          noFits++;
        }
        if (h.standing === 'suitable') {
          expect(Object.values(h.gates)).not.toContain('fail');
          expect(h.parts.essential === null || h.parts.essential >= 0.75).toBe(true);
        }
      }
    }
    // The fixtures hold clients whose page has other work nearby after their few fits (a cleaner's nurse and waiter posts).
    expect(noFits).toBeGreaterThan(0);
  });

  it("counts in the gap report's 'suitable now' exactly the vacancies the matches of the same area mark suitable", async () => {
    let withSuitable = 0;
    for (const client of clients) {
      const report = (await call(caller, 'GET', `/v1/jobseekers/${client.id}/gaps?reach=region`)).body as Report;
      const area = report.area.region ? `region=${report.area.region}` : `municipality=${report.area.municipality}`;
      const hits = (await call(caller, 'GET', `/v1/jobseekers/${client.id}/matches?k=${report.considered}&${area}`)).body.hits as Hit[];
      expect(hits.filter((h) => h.standing === 'suitable').length, client.id).toBe(report.suitableNow);
      if (report.suitableNow > 0) withSuitable++;
    }
    expect(withSuitable).toBeGreaterThan(0);
  });

  it('offers as occupations within reach no occupation the client practically holds (their own, or its ISCO unit group)', async () => {
    for (const client of clients) {
      const held = client.normalized.occupations.filter((o) => o.method !== 'wish');
      const ownGroups = new Set(held.flatMap((o) => (o.isco && o.isco.length >= 4 ? [o.isco.slice(0, 4)] : [])));
      const report = (await call(caller, 'GET', `/v1/jobseekers/${client.id}/gaps?reach=region&lang=fi`)).body as Report;
      for (const target of report.targets) {
        if (!target.occupation) continue;
        expect(held.map((o) => o.uri), client.id).not.toContain(target.occupation);
        const found = (await call(caller, 'GET', `/v1/taxonomy/occupations?q=${encodeURIComponent(target.label)}&lang=fi&limit=50`)).body.items as { uri: string; iscoGroup: string }[];
        const group = found.find((o) => o.uri === target.occupation)?.iscoGroup;
        expect(group, `${target.label} found by its label`).toBeDefined();
        expect(ownGroups.has(group!.slice(0, 4)), `${client.id}: ${target.label} (${group})`).toBe(false);
      }
    }
  });
});

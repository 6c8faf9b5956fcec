import Database from 'better-sqlite3';
import { readFileSync, rmSync, existsSync } from 'node:fs';
import hnswlib from 'hnswlib-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyedTombstones } from '../../src/adapters/sqlite/tombstones.js';
import { databaseFile, indexFile } from '../../src/engine.js';
import { installationKey } from '../../src/runtime/secret.js';
import { call, ndjson, removeDir, sampleJobseeker, sampleVacancy, build, type RunningService } from '../helpers/service.js';

let service: RunningService;
/** ERASE-ME's pseudonym in WELD-1's candidate list (pseudonyms are per vacancy). */
let pseudonym = '';
const PERSON = {
  ...sampleJobseeker('ERASE-ME', { municipality: '837' }),
  summary: 'Hitsaaja ZQXJ-ainutlaatuinen, MIG-hitsaus ja TIG-hitsaus, piirustusten lukeminen.',
  skills: ['MIG-hitsaus', 'TIG-hitsaus', 'piirustusten lukeminen'],
  name: 'Aino Ainutlaatuinen-Testinen',
  contact: { email: 'aino.testinen@example.fi', phone: '+358 40 765 4321' },
};
const TRACES = ['ERASE-ME', PERSON.name, PERSON.contact.email, 'ZQXJ'];

beforeAll(async () => {
  service = await build(); // with the fixture data set
  // In the client's own town: within her commuting range, so that she is among the first candidates.
  await call(service.as('employer-service'), 'PUT', '/v1/vacancies/WELD-1', sampleVacancy('WELD-1', { municipality: '837' }));
  await call(service.as('counsellor'), 'PUT', '/v1/jobseekers/ERASE-ME', PERSON);
});
afterAll(async () => {
  await service.stop();
  removeDir(service.dataDir);
});

describe('employer services see candidates pseudonymously until a counsellor shares them', () => {
  it('shows a pseudonym and skills, not the id, name or contact', async () => {
    const response = await call(service.as('employer-service'), 'GET', '/v1/vacancies/WELD-1/candidates?k=50');
    const audit = await call(service.as('admin'), 'GET', '/v1/audit?jobseeker=ERASE-ME&limit=1');
    const position = audit.body.entries[0].jobseekers.indexOf('ERASE-ME');
    const hit = response.body.hits[position];
    pseudonym = hit.id;
    expect(pseudonym).toMatch(/^cand-[0-9a-f]{16}$/);
    expect(hit).toMatchObject({ shared: false, matchedSkills: expect.arrayContaining([expect.objectContaining({ label: 'suorittaa MIG-hitsausta' })]) /* ESCO's label of MIG welding */ });
    for (const trace of TRACES) expect(JSON.stringify(response.body)).not.toContain(trace);
    // Counsellors see the real ids.
    const counsellor = await call(service.as('counsellor'), 'GET', '/v1/vacancies/WELD-1/candidates?k=50');
    expect(counsellor.body.hits.map((h: { id: string }) => h.id)).toContain('ERASE-ME');
  });

  it('shows name and contact details once shared for that vacancy only', async () => {
    expect((await call(service.as('employer-service'), 'POST', '/v1/vacancies/WELD-1/shares', { jobseekerId: 'ERASE-ME' })).status).toBe(403);
    const shared = await call(service.as('counsellor'), 'POST', '/v1/vacancies/WELD-1/shares', { jobseekerId: 'ERASE-ME' });
    expect(shared.status).toBe(201);
    const hits = (await call(service.as('employer-service'), 'GET', '/v1/vacancies/WELD-1/candidates?k=50')).body.hits;
    // The shared candidate keeps their pseudonym (and so their place), and gains name and contact.
    expect(hits.find((h: { shared: boolean }) => h.shared)).toMatchObject({
      id: pseudonym,
      name: PERSON.name,
      contact: PERSON.contact,
    });
    expect(JSON.stringify(hits)).not.toContain('ERASE-ME');
    const other = (await call(service.as('employer-service'), 'GET', '/v1/vacancies/V-000001/candidates?k=200')).body;
    for (const trace of TRACES) expect(JSON.stringify(other)).not.toContain(trace);
  });
});

describe('audit', () => {
  it('records who read which jobseeker, on which route, and the score breakdown of matching decisions', async () => {
    await call(service.as('counsellor'), 'GET', '/v1/jobseekers/ERASE-ME');
    await call(service.as('counsellor'), 'GET', '/v1/jobseekers/ERASE-ME/matches?k=3');
    const trail = await call(service.as('admin'), 'GET', '/v1/audit?jobseeker=ERASE-ME');
    expect(trail.status).toBe(200);
    const routes = trail.body.entries.map((e: { route: string }) => e.route);
    expect(routes).toEqual(
      expect.arrayContaining(['/v1/jobseekers/:id', '/v1/jobseekers/:id/matches', '/v1/vacancies/:id/candidates']),
    );
    const read = trail.body.entries.find((e: { route: string }) => e.route === '/v1/jobseekers/:id');
    expect(read).toMatchObject({ role: 'counsellor', method: 'GET', status: 200, jobseekers: ['ERASE-ME'] });
    const decision = trail.body.entries.find((e: { route: string }) => e.route === '/v1/jobseekers/:id/matches');
    expect(decision.detail.decisions).toHaveLength(3);
    expect(decision.detail.decisions[0]).toMatchObject({ score: expect.any(Number), parts: { semantic: expect.any(Number) } });
    const candidates = trail.body.entries.find((e: { route: string }) => e.route === '/v1/vacancies/:id/candidates');
    expect(candidates.role).toBe('employer-service');
    expect(JSON.stringify(candidates.detail)).not.toContain('ERASE-ME'); // positions, not ids
  });

  it('exports everything held on a person', async () => {
    const exported = await call(service.as('counsellor'), 'GET', '/v1/jobseekers/ERASE-ME/export');
    expect(exported.status).toBe(200);
    expect(exported.body.jobseeker).toMatchObject({ id: 'ERASE-ME', name: PERSON.name, contact: PERSON.contact });
    expect(exported.body.sharedWithEmployerServices).toEqual([{ vacancyId: 'WELD-1', at: expect.any(String), expiresAt: expect.any(String) }]);
    expect(exported.body.accessLog.length).toBeGreaterThanOrEqual(4);
  });
});

describe('GDPR erasure', () => {
  /** Every response that could carry the person, as each role sees it. */
  async function sweep(running: RunningService): Promise<string[]> {
    const bodies: string[] = [];
    const get = async (role: Parameters<RunningService['as']>[0], path: string, body?: unknown) => {
      const response = await call(running.as(role), body ? 'POST' : 'GET', path, body);
      // 404 answers only echo the id the caller asked for; every other answer must not know the person.
      if (response.status !== 404) bodies.push(`${path} ${response.status} ${JSON.stringify(response.body)}`);
      return response;
    };
    expect((await get('counsellor', '/v1/jobseekers/ERASE-ME')).status).toBe(404);
    expect((await get('counsellor', '/v1/jobseekers/ERASE-ME/export')).status).toBe(404);
    expect((await get('counsellor', '/v1/jobseekers/ERASE-ME/matches')).status).toBe(404);
    let after = '';
    for (;;) {
      const page = await get('counsellor', `/v1/jobseekers?limit=500${after ? `&after=${after}` : ''}`);
      if (!page.body.next) break;
      after = page.body.next;
    }
    await get('counsellor', '/v1/vacancies/WELD-1/candidates?k=200');
    await get('employer-service', '/v1/vacancies/WELD-1/candidates?k=200');
    await get('counsellor', '/v1/vacancies/WELD-1/candidates?k=200&municipality=091');
    await get('counsellor', '/v1/match', { text: PERSON.summary, target: 'jobseekers', k: 200 });
    await get('employer-service', '/v1/match', { text: PERSON.summary, target: 'jobseekers', k: 200 });
    const trail = await call(running.as('admin'), 'GET', '/v1/audit?jobseeker=ERASE-ME');
    expect(trail.body.entries).toEqual([]);
    expect(trail.body.erasure).toMatchObject({ erasedAt: expect.any(String) });
    await get('admin', '/v1/audit?limit=10000');
    return bodies.filter((b) => [...TRACES, pseudonym].some((t) => b.includes(t)));
  }

  it('removes the person from every response, the database files and the index, also after restart and rebuild', async () => {
    const label = (await service.engine.jobseekers.store.get('ERASE-ME'))!.label;
    expect((await call(service.as('employer-service'), 'DELETE', '/v1/jobseekers/ERASE-ME')).status).toBe(403);
    expect((await call(service.as('counsellor'), 'DELETE', '/v1/jobseekers/ERASE-ME')).status).toBe(204);
    // At once (before any compaction): the write-ahead log was checkpointed and emptied by the erasure.
    for (const f of [databaseFile(service.dataDir), `${databaseFile(service.dataDir)}-wal`]) {
      if (!existsSync(f)) continue;
      const bytes = readFileSync(f);
      for (const trace of [PERSON.name, PERSON.contact.email, 'ZQXJ']) expect(bytes.includes(trace), `${trace} in ${f} right after the erasure`).toBe(false);
    }
    expect(await sweep(service)).toEqual([]);

    // Compaction drops the vector from the index file; SQLite overwrites deleted content.
    const compacted = await call(service.as('admin'), 'POST', '/v1/admin/compact');
    expect(compacted.body.dropped.jobseekers).toBeGreaterThanOrEqual(1);
    const file = indexFile(service.dataDir, 'jobseekers');
    const onDisk = new hnswlib.HierarchicalNSW('cosine', service.engine.embedder.dimension);
    onDisk.readIndexSync(file);
    expect(onDisk.getIdsList()).not.toContain(label);
    for (const f of [databaseFile(service.dataDir), `${databaseFile(service.dataDir)}-wal`]) {
      if (!existsSync(f)) continue;
      const bytes = readFileSync(f);
      for (const trace of [PERSON.name, PERSON.contact.email, 'ZQXJ']) expect(bytes.includes(trace), `${trace} in ${f}`).toBe(false);
    }

    await service.stop();
    service = await build({ dataDir: service.dataDir });
    expect(await sweep(service)).toEqual([]);

    await service.stop();
    rmSync(indexFile(service.dataDir, 'jobseekers'));
    service = await build({ dataDir: service.dataDir });
    expect(service.logs.some((l) => /jobseekers index rebuilt/.test(l.message))).toBe(true);
    expect(await sweep(service)).toEqual([]);
  });

  it('erases in bulk and reports unknown ids', async () => {
    await call(service.as('counsellor'), 'POST', '/v1/jobseekers/bulk', ndjson([sampleJobseeker('E1'), sampleJobseeker('E2')]), {
      'content-type': 'application/x-ndjson',
    });
    const result = await call(service.as('counsellor'), 'POST', '/v1/jobseekers/bulk-delete', { ids: ['E1', 'E2', 'E3'] });
    expect(result.body).toEqual({ removed: 2, notFound: ['E3'] });
    expect((await call(service.as('admin'), 'GET', '/v1/audit?jobseeker=E1')).body.erasure).toBeDefined();
  });
});

describe('an erased jobseeker named again', () => {
  it('is written to the audit trail as their tombstone, never the id: by a request still running at the erasure, and by every later one', async () => {
    const id = 'LATE-8812';
    const counsellor = service.as('counsellor');
    expect((await call(counsellor, 'PUT', `/v1/jobseekers/${id}`, sampleJobseeker(id))).status).toBe(201);

    // A match that has read the client and is still answering when the erasure comes.
    const suggestions = service.engine.suggestions;
    const original = suggestions.vacanciesFor;
    let reached!: () => void;
    let open!: () => void;
    const atGate = new Promise<void>((done) => (reached = done));
    const gate = new Promise<void>((done) => (open = done));
    suggestions.vacanciesFor = async function (this: typeof suggestions, ...args: Parameters<typeof original>) {
      const hits = await original.apply(this, args);
      reached();
      await gate;
      return hits;
    };
    try {
      const slow = call(counsellor, 'GET', `/v1/jobseekers/${id}/matches?k=3`);
      await atGate;
      expect((await call(counsellor, 'DELETE', `/v1/jobseekers/${id}`)).status).toBe(204);
      open();
      expect((await slow).status).toBe(200);
    } finally {
      suggestions.vacanciesFor = original;
    }

    // Later requests naming them, on every route that takes a jobseeker id.
    const later: [Parameters<RunningService['as']>[0], string, string, unknown?][] = [
      ['counsellor', 'GET', `/v1/jobseekers/${id}`],
      ['employer-service', 'GET', `/v1/jobseekers/${id}`],
      ['counsellor', 'GET', `/v1/jobseekers/${id}/matches`],
      ['counsellor', 'GET', `/v1/jobseekers/${id}/matches?k=abc`],
      ['counsellor', 'GET', `/v1/jobseekers/${id}/matches/WELD-1/explanation`],
      ['counsellor', 'GET', `/v1/jobseekers/${id}/export`],
      ['counsellor', 'GET', `/v1/jobseekers/${id}/shares`],
      ['counsellor', 'GET', `/v1/jobseekers/${id}/gaps`],
      ['counsellor', 'GET', `/v1/jobseekers/${id}/referrals`],
      ['counsellor', 'GET', `/v1/jobseekers/${id}/overrides`],
      ['counsellor', 'PUT', `/v1/jobseekers/${id}/overrides/WELD-1`, { action: 'set-aside', reason: 'ei sovi tälle asiakkaalle' }],
      ['counsellor', 'POST', '/v1/vacancies/WELD-1/shares', { jobseekerId: id }],
      ['counsellor', 'POST', '/v1/referrals', { jobseekerId: id, trainingId: 'NO-SUCH-TRAINING' }],
      ['counsellor', 'DELETE', `/v1/jobseekers/${id}`],
      ['counsellor', 'POST', '/v1/jobseekers/bulk-delete', { ids: [id] }],
      ['admin', 'GET', `/v1/audit?jobseeker=${id}`],
    ];
    for (const [role, method, path, body] of later) expect((await call(service.as(role), method, path, body)).status, `${method} ${path}`).toBeGreaterThanOrEqual(200);
    service.engine.audit.flush();

    const db = new Database(databaseFile(service.dataDir), { readonly: true });
    try {
      const inClear = db.prepare('SELECT count(*) AS n FROM audit_subjects WHERE jobseeker_id = ?').get(id) as { n: number };
      const inDetail = db.prepare('SELECT count(*) AS n FROM audit WHERE detail LIKE ? OR route LIKE ?').get(`%${id}%`, `%${id}%`) as { n: number };
      expect({ inClear: inClear.n, inDetail: inDetail.n }).toEqual({ inClear: 0, inDetail: 0 });
      const tombstoned = db
        .prepare(
'SELECT a.route, a.status FROM audit a JOIN audit_subjects s ON s.audit_id = a.id WHERE s.jobseeker_id = ?')
        .all(keyedTombstones(installationKey(service.dataDir)).token(id)) as { route: string; status: number }[];
      // The answered match is in the trail, under the tombstone; so are the refused requests.
      expect(tombstoned).toContainEqual({ route: '/v1/jobseekers/:id/matches', status: 200 });
      expect(tombstoned.filter((t) => t.status >= 400).length).toBeGreaterThanOrEqual(8);
    } finally {
      db.close();
    }
    expect((await call(service.as('admin'), 'GET', `/v1/audit?jobseeker=${id}`)).body.entries).toEqual([]);
  });
});


import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exitOf, spawnService, type ServiceProcess } from '../helpers/process.js';
import { startReplicatedCluster, type ReplicatedCluster } from '../helpers/postgres.js';
import { call, CURATED_TEST_TAXONOMY, ndjson, removeDir, sampleJobseeker, sampleVacancy, tempDir } from '../helpers/service.js';

/**
 * Issue 35's cluster test, as it would run in production: a primary and its synchronous streaming
 * standby (throw-away clusters on loopback), two service nodes as separate `node dist/cli/serve.js`
 * processes, each with its own data directory and the multi-host connection string. Writes go
 * through node A, matches through node B; the primary is killed (-9) while both nodes write, the
 * standby promoted; then the node running the background jobs is killed.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Polls `probe` until it gives a value `done` accepts, for at most `ms`; the last value and when it came. */
async function within<T>(ms: number, probe: () => Promise<T>, done: (value: T) => boolean): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  for (;;) {
    const value = await probe();
    const took = performance.now() - started;
    if (done(value) || took > ms) return { value, ms: took };
    await sleep(20);
  }
}

/** A vacancy of its own employer and wording: the same text from the same employer would be a repeat (linked, not matched on its own). */
const vacancy = (id: string, n: number) =>
  sampleVacancy(id, { employer: `Konepaja ${n} Oy`, description: `Konepaja ${n} hakee hitsaajaa (työ ${id}). Edellytämme MIG-hitsaus ja TIG-hitsaus osaamista.` });

const BULK = 300;
const NURSE = { title: 'sairaanhoitaja', description: 'Terveyskeskus hakee sairaanhoitajaa vuodeosastolle.', skills: ['lääkehoito'] };

describe('two service nodes on a primary and its synchronous standby (separate processes)', () => {
  let cluster: ReplicatedCluster;
  const dirs: string[] = [];
  const nodes: Record<'a' | 'b', ServiceProcess | undefined> = { a: undefined, b: undefined };
  let key = '';
  const as = (node: ServiceProcess) => ({ url: node.url, key });
  /** Ids of the vacancies each node acknowledged (2xx). */
  const acknowledged = new Set<string>();

  const start = (dataDir: string) =>
    spawnService({
      ...CURATED_TEST_TAXONOMY,
      KOHTAANTO_DATA_DIR: dataDir,
      KOHTAANTO_DATABASE: cluster.url('kohtaanto'),
      KOHTAANTO_SEED_FIXTURES: 'false',
      KOHTAANTO_EMBEDDER: 'lexical',
      KOHTAANTO_ANALYTICS_REFRESH_MINUTES: '0',
    });
  /** Which node holds the background jobs' advisory lock, read on `server` (its leadership connection names the node's process). */
  const leaderPid = async (server: 'primary' | 'standby') => {
    const client = new pg.Client({ connectionString: cluster.urlOf(server, 'kohtaanto') });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>(
        "SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE l.locktype = 'advisory' AND l.granted AND a.application_name LIKE 'kohtaanto-leadership%'",
      );
      return rows.map((r) => Number(/^kohtaanto-leadership (\d+)@/.exec(r.name)?.[1]));
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    cluster = await startReplicatedCluster();
    const admin = new pg.Client({ connectionString: cluster.urlOf('primary', 'postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE kohtaanto');
    await admin.end();
    dirs.push(tempDir(), tempDir());
    nodes.a = await start(dirs[0]!);
    key = readFileSync(join(dirs[0]!, 'initial-admin.key'), 'utf8').trim();
    // Every node holds the installation secret.
    copyFileSync(join(dirs[0]!, 'kohtaanto.secret'), join(dirs[1]!, 'kohtaanto.secret'));
    nodes.b = await start(dirs[1]!);
  });
  afterEach(({ task }) => {
    // What the nodes said (errors answered 500 are logged with their stack), when a test failed.
    if (task.result?.state !== 'fail') return;
    for (const [name, node] of Object.entries(nodes)) if (node) console.log(`node ${name}:\n${node.output.join('').split('\n').filter((l) => !l.includes('request completed') && !l.includes('incoming request')).slice(-40).join('\n')}`);
  });
  afterAll(async () => {
    for (const node of Object.values(nodes)) {
      if (!node || node.child.exitCode !== null || node.child.signalCode !== null) continue;
      const exited = exitOf(node.child);
      node.child.kill('SIGKILL');
      await exited;
    }
    cluster?.stop();
    for (const dir of dirs) removeDir(dir);
  });

  it('a bulk import and edits through node A are matched through node B within a second', async () => {
    const [a, b] = [nodes.a!, nodes.b!];
    expect((await call(as(a), 'POST', '/v1/jobseekers', sampleJobseeker('J1'))).status).toBe(201);
    // A client no node matches before the primary is lost (below).
    expect((await call(as(a), 'POST', '/v1/jobseekers', sampleJobseeker('J2', { title: 'hitsaaja', municipality: '091' }))).status).toBe(201);
    const records = Array.from({ length: BULK }, (_, i) => vacancy(`V${i}`, i));
    // The counts are an admin's (GET /health has none): B's workers check the key (and write their first audit
    // entries) before the clock runs, so that the time below is the index's and not a first key check's.
    for (let i = 0; i < 4; i++) expect((await call(as(b), 'GET', '/v1/admin/health')).body.vacancies).toEqual({ stored: 0, indexed: 0 });
    const imported = await call(as(a), 'POST', '/v1/vacancies/bulk', ndjson(records), { 'content-type': 'application/x-ndjson' });
    expect(imported.status).toBe(200);
    const matchesOnB = async () => ((await call(as(b), 'GET', '/v1/jobseekers/J1/matches?k=20')).body.hits ?? []).map((h: { id: string }) => h.id) as string[];
    const seen = await within(1000, async () => (await call(as(b), 'GET', '/v1/admin/health')).body.vacancies.indexed as number, (n) => n === BULK);
    expect(seen.value).toBe(BULK);
    expect(seen.ms).toBeLessThan(1000);
    const hits = await matchesOnB();
    expect(hits).toHaveLength(20);
    expect(hits.every((id) => /^V\d+$/.test(id))).toBe(true);

    // An edit through A: the best match rewritten as a nurse's vacancy leaves B's matches for a welder; a removal too.
    const [moved, removed] = hits as [string, string];
    const current = (await call(as(a), 'GET', `/v1/vacancies/${moved}`)).body;
    const edited = await call(as(a), 'PUT', `/v1/vacancies/${moved}`, { ...vacancy(moved, Number(moved.slice(1))), ...NURSE }, { 'if-match': `"${current.version}"` });
    expect(edited.status).toBe(200);
    expect((await call(as(a), 'DELETE', `/v1/vacancies/${removed}`)).status).toBe(204);
    const edits = await within(1000, matchesOnB, (ids) => !ids.includes(moved) && !ids.includes(removed));
    console.log(`cluster: ${BULK} vacancies imported through A indexed on B in ${seen.ms.toFixed(0)} ms; an edit and a removal seen on B in ${edits.ms.toFixed(0)} ms`);
    expect(edits.value).not.toContain(moved);
    expect(edits.value).not.toContain(removed);
    expect(edits.ms).toBeLessThan(1000);
    for (const r of records) if (r.id !== removed) acknowledged.add(r.id);
  });

  it('kill -9 of the primary during writes, the standby promoted: no acknowledged write lost or doubled, 503 + Retry-After meanwhile, matches served from memory, both nodes writing again', async () => {
    const [a, b] = [nodes.a!, nodes.b!];
    let phase = 'before' as 'before' | 'no-primary' | 'after';
    const refused: { phase: typeof phase; status: number; retryAfter: string | null; code: string }[] = [];
    const matchedWithoutPrimary: { status: number; error?: string; message?: string }[] = [];
    const neverMatched: { status: number; retryAfter: string | null }[] = [];
    const acknowledgedAfter = { a: 0, b: 0 };
    let stop = false;
    let next = 0;
    const writer = async (node: ServiceProcess, name: 'a' | 'b') => {
      while (!stop) {
        const id = `W${next++}`;
        const response = await call(as(node), 'PUT', `/v1/vacancies/${id}`, vacancy(id, 1000 + next));
        if (response.status === 201 || response.status === 200) {
          acknowledged.add(id);
          if (phase === 'after') acknowledgedAfter[name]++;
        } else {
          refused.push({ phase, status: response.status, retryAfter: response.headers.get('retry-after'), code: response.body?.error });
          await sleep(50);
        }
      }
    };
    // Each node has matched J1 (B in the test before): what a match reads of the database besides its copy is remembered.
    expect((await call(as(a), 'GET', '/v1/jobseekers/J1/matches?k=5')).status).toBe(200);
    const writers = [writer(a, 'a'), writer(b, 'b'), writer(a, 'a'), writer(b, 'b')];
    await within(20_000, async () => acknowledged.size, (n) => n >= BULK + 60);

    cluster.killPrimary();
    phase = 'no-primary';
    const killedAt = performance.now();
    while (performance.now() - killedAt < 1500) {
      for (const node of [a, b]) {
        const response = await call(as(node), 'GET', '/v1/jobseekers/J1/matches?k=5');
        matchedWithoutPrimary.push({ status: response.status, error: response.body?.error, message: response.body?.message });
        const unseen = await call(as(node), 'GET', '/v1/jobseekers/J2/matches?k=5');
        neverMatched.push({ status: unseen.status, retryAfter: unseen.headers.get('retry-after') });
      }
      await sleep(100);
    }
    cluster.promoteStandby();
    phase = 'after';
    const promotedAt = performance.now();
    const resumed = await within(15_000, async () => acknowledgedAfter, (n) => n.a >= 20 && n.b >= 20);
    stop = true;
    await Promise.all(writers);

    // Every acknowledged write is on the promoted standby, each once.
    const promoted = new pg.Client({ connectionString: cluster.urlOf('standby', 'kohtaanto') });
    await promoted.connect();
    const { rows } = await promoted.query<{ id: string }>('SELECT id FROM vacancies');
    await promoted.end();
    const stored = new Set(rows.map((r) => r.id));
    console.log(
      `cluster failover: ${acknowledged.size} vacancies acknowledged, ${refused.length} writes refused ` +
        `(${refused.filter((r) => r.phase === 'no-primary').length} without a primary), ${matchedWithoutPrimary.length} matches asked without a primary ` +
        `(${matchedWithoutPrimary.filter((m) => m.status === 200).length} answered 200); both nodes writing again ${(resumed.ms).toFixed(0)} ms after the promotion (${(promotedAt - killedAt).toFixed(0)} ms after the kill)`,
    );
    expect([...acknowledged].filter((id) => !stored.has(id))).toEqual([]);
    expect(rows.length).toBe(stored.size);
    expect(resumed.value.a).toBeGreaterThanOrEqual(20);
    expect(resumed.value.b).toBeGreaterThanOrEqual(20);

    // While no primary was reachable: writes refused with 503 and Retry-After, matches answered from memory.
    expect(refused.filter((r) => r.phase === 'no-primary').length).toBeGreaterThan(0);
    for (const r of refused) expect(r).toMatchObject({ status: 503, code: 'database_unavailable', retryAfter: expect.stringMatching(/^\d+$/) });
    expect(matchedWithoutPrimary.length).toBeGreaterThan(0);
    expect(matchedWithoutPrimary.filter((m) => m.status !== 200)).toEqual([]);
    // A client this node never matched: their counsellors' overrides were never read here, so no ranking without them (503, as a write).
    for (const m of neverMatched) expect(m).toMatchObject({ status: 503, retryAfter: expect.stringMatching(/^\d+$/) });

    // Both nodes converge on what the database holds, each record once (no duplicate in an index), and B sees A's writes again.
    for (const node of [a, b]) {
      const health = await within(5000, async () => (await call(as(node), 'GET', '/v1/admin/health')).body, (h) => h.vacancies?.indexed === stored.size && h.vacancies?.stored === stored.size);
      expect(health.value.vacancies).toEqual({ stored: stored.size, indexed: stored.size });
    }
    // Written through A after the failover, matched through B within a second, once.
    expect((await call(as(a), 'POST', '/v1/jobseekers', sampleJobseeker('J3', { title: NURSE.title, skills: NURSE.skills, summary: 'Sairaanhoitaja, kokemusta vuodeosastolta ja lääkehoidosta.' }))).status).toBe(201);
    expect((await call(as(a), 'PUT', '/v1/vacancies/AFTER', { ...vacancy('AFTER', 9999), ...NURSE })).status).toBe(201);
    const onB = await within(1000, async () => ((await call(as(b), 'GET', '/v1/jobseekers/J3/matches?k=200')).body.hits ?? []).map((h: { id: string }) => h.id) as string[], (ids) => ids[0] === 'AFTER');
    expect(onB.value[0]).toBe('AFTER');
    expect(onB.ms).toBeLessThan(1000);
    expect(new Set(onB.value).size).toBe(onB.value.length);
  });

  it('kill -9 of the node running the background jobs: the other takes them within a few seconds', async () => {
    const pids = { [nodes.a!.child.pid!]: 'a', [nodes.b!.child.pid!]: 'b' } as Record<number, 'a' | 'b'>;
    const first = await within(10_000, () => leaderPid('standby'), (p) => p.length === 1);
    expect(first.value).toHaveLength(1);
    const leader = pids[first.value[0]!]!;
    expect(leader).toBeDefined();
    const other = leader === 'a' ? 'b' : 'a';
    const dying = nodes[leader]!;
    const exited = exitOf(dying.child);
    dying.child.kill('SIGKILL');
    await exited;
    const took = await within(10_000, () => leaderPid('standby'), (p) => p.length === 1 && pids[p[0]!] === other);
    console.log(`cluster: node ${leader} (leading) killed; node ${other} took the background jobs in ${took.ms.toFixed(0)} ms`);
    expect(took.value.map((p) => pids[p])).toEqual([other]);
    expect(took.ms).toBeLessThan(5000);
    // The survivor still serves.
    expect((await call(as(nodes[other]!), 'GET', '/v1/jobseekers/J1/matches?k=5')).status).toBe(200);
  });
});

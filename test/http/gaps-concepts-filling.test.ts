import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordService } from '../../src/core/records.js';
import { build, call, removeDir, type RunningService } from '../helpers/service.js';

/**
 * Issue 31: a worker fills its concept indexes (records by occupation and skills) in the background
 * after start. A client's gap report asked meanwhile waits for the fill with the worker free for other
 * requests, and answers as a worker with a filled index does; it never reads the rest of the records
 * in its own turn (8.3 s once at national scale). Past KOHTAANTO_CONCEPT_WAIT_MS it answers 503.
 */
let filling: RunningService;
let filled: RunningService;
beforeAll(async () => {
  [filling, filled] = await Promise.all([build({ env: { KOHTAANTO_CONCEPT_WAIT_MS: '20000' } }), build({ env: { KOHTAANTO_CONCEPT_WAIT_MS: '300' } })]);
});
afterAll(async () => {
  for (const s of [filling, filled]) {
    await s?.stop();
    if (s) removeDir(s.dataDir);
  }
});

/** A background fill (as the service starts one) whose pauses between chunks end only when released. */
function gatedFill(service: RecordService<any>) {
  const waiting: (() => void)[] = [];
  let pauses = 0;
  const done = service.fillConcepts(() => {
    pauses++;
    return new Promise<void>((resolve) => waiting.push(resolve));
  });
  return { done, pauses: () => pauses, release: () => waiting.splice(0).forEach((resolve) => resolve()) };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("a client's gap report on a worker still filling its vacancy concept index", () => {
  it('waits for the fill, the worker answering other requests meanwhile, and is the report of a filled index', async () => {
    const counsellor = filling.as('counsellor');
    const clients = (await call(counsellor, 'GET', '/v1/jobseekers?limit=5')).body.items as { id: string }[];
    const id = clients[0]!.id;
    const gate = gatedFill(filling.engine.vacancies);
    expect(gate.pauses()).toBe(1); // the first chunk read, the rest not
    let answered = false;
    const report = call(counsellor, 'GET', `/v1/jobseekers/${id}/gaps`).then((r) => ((answered = true), r));
    for (let i = 0; i < 50; i++) await nextTurn();
    expect(answered).toBe(false);
    // The worker is free: the client's record answers while the report waits.
    expect((await call(counsellor, 'GET', `/v1/jobseekers/${id}`)).status).toBe(200);
    expect(answered).toBe(false);
    expect(gate.pauses()).toBe(1); // and the waiting report read none of the rest itself
    while (!answered) {
      gate.release();
      await nextTurn();
    }
    const waited = await report;
    expect(waited.status).toBe(200);
    expect(gate.pauses()).toBeGreaterThan(1);

    // The same report from a worker whose index was filled before it was asked.
    await filled.engine.vacancies.fillConcepts();
    const reference = await call(filled.as('counsellor'), 'GET', `/v1/jobseekers/${id}/gaps`);
    expect(reference.status).toBe(200);
    expect(waited.body).toEqual(reference.body);
    expect(waited.body.skills.length).toBeGreaterThan(0);
  });

  it('answers 503 with a retry time, in the reader\'s language, when the fill is not done in KOHTAANTO_CONCEPT_WAIT_MS, and the report once it is', async () => {
    const counsellor = filled.as('counsellor');
    const id = ((await call(counsellor, 'GET', '/v1/jobseekers?limit=5')).body.items as { id: string }[])[1]!.id;
    // The jobseekers' index, still to be filled on this worker: a vacancy's candidates need it.
    const gate = gatedFill(filled.engine.jobseekers);
    const admin = filled.as('admin');
    const vacancy = ((await call(admin, 'GET', '/v1/vacancies?limit=1')).body.items as { id: string }[])[0]!.id;
    const refused = await call(admin, 'GET', `/v1/vacancies/${vacancy}/candidates?k=5`, undefined, { 'accept-language': 'fi' });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(refused.body.error).toBe('index_unavailable');
    expect(refused.body.message).toMatch(/^Palvelu lukee käynnistyttyään vielä tietueita \(työnhakija: \d+ % \/ \d+\); yritä/);
    // A gap report needs the vacancies' index only (filled above): it answers meanwhile.
    expect((await call(counsellor, 'GET', `/v1/jobseekers/${id}/gaps`)).status).toBe(200);
    while (!filled.engine.jobseekers.conceptsFilled) {
      gate.release();
      await nextTurn();
    }
    expect((await call(admin, 'GET', `/v1/vacancies/${vacancy}/candidates?k=5`)).status).toBe(200);
  });
});

import { describe, expect, it } from 'vitest';
import { PostgresDecisionLog } from '../../../src/adapters/postgres/decision-log.js';
import { SqliteDecisionLog } from '../../../src/adapters/sqlite/decision-log.js';
import type { DecisionRecord, Direction } from '../../../src/core/oversight/decisions.js';
import { ENGINES, type TestDatabase } from './engines.js';

/** A log writing its group after 5 ms (the tests read at once: every read writes the waiting decisions first). */
function open(db: TestDatabase) {
  const warnings: string[] = [];
  const log = db.sqlite ? new SqliteDecisionLog(db.sqlite, (w) => warnings.push(w), 5) : new PostgresDecisionLog(db.pool!, (w) => warnings.push(w), 5);
  return { log, warnings, close: async () => void (await log.close()) };
}

const context = { model: 'kohtaanto-fi-sv-en@abc', taxonomy: 'esco-1.1.1', settings: { weights: { semantic: 0.4, occupation: 0.6 }, k: 10 } };
const decision = (direction: Direction, at: string, subject: string | undefined, ids: string[], area = '837'): DecisionRecord => ({
  at,
  direction,
  ...(subject ? { subject } : {}),
  area,
  keyId: 'k1',
  context,
  ranked: ids.map((id, i) => ({ id, score: 0.9 - i / 10, parts: { semantic: 0.5, location: i === 0 ? null : 0.2 } })),
});

describe.each(ENGINES)('decision log on $name', (engine) => {
  const { current } = engine.use();

  it("reads a client's rankings newest first with what produced them, after writing the waiting ones", async () => {
    const { log, close } = open(current());
    log.record(decision('vacancies', '2026-05-01T10:00:00.000Z', 'J1', ['V1', 'V2']));
    log.record(decision('vacancies', '2026-05-02T10:00:00.000Z', 'J1', ['V3']));
    log.record(decision('vacancies', '2026-05-02T11:00:00.000Z', 'J2', ['V1']));
    log.record(decision('candidates', '2026-05-02T12:00:00.000Z', 'V1', ['J1']));
    const read = await log.forJobseeker('J1', 10);
    expect(read.map((d) => d.at)).toEqual(['2026-05-02T10:00:00.000Z', '2026-05-01T10:00:00.000Z']);
    expect(read[1]).toEqual({ id: read[1]!.id, ...decision('vacancies', '2026-05-01T10:00:00.000Z', 'J1', ['V1', 'V2']) });
    expect(await log.forJobseeker('J1', 1)).toHaveLength(1);
    await close();
  });

  it('reads where a jobseeker appeared in candidate rankings, and the candidate rankings of a period and area', async () => {
    const { log, close } = open(current());
    log.record(decision('candidates', '2026-05-01T10:00:00.000Z', 'V1', ['J1', 'J2', 'J3']));
    log.record(decision('candidates', '2026-05-02T10:00:00.000Z', 'V2', ['J2', 'J1'], '905'));
    log.record(decision('text-candidates', '2026-05-03T10:00:00.000Z', undefined, ['J1']));
    log.record(decision('vacancies', '2026-05-03T10:00:00.000Z', 'J1', ['V1']));
    expect(await log.appearancesOf('J1', 10)).toEqual([
      { at: '2026-05-03T10:00:00.000Z', vacancy: undefined, position: 1, score: 0.9, parts: { semantic: 0.5, location: null } },
      { at: '2026-05-02T10:00:00.000Z', vacancy: 'V2', position: 2, score: 0.8, parts: { semantic: 0.5, location: 0.2 } },
      { at: '2026-05-01T10:00:00.000Z', vacancy: 'V1', position: 1, score: 0.9, parts: { semantic: 0.5, location: null } },
    ]);
    expect(await log.candidateRankings({ from: '2026-05-01', to: '2026-05-04' })).toEqual([
      { subject: 'V1', items: ['J1', 'J2', 'J3'] },
      { subject: 'V2', items: ['J2', 'J1'] },
    ]);
    expect(await log.candidateRankings({ from: '2026-05-01', to: '2026-05-02', municipalities: ['837'] })).toEqual([{ subject: 'V1', items: ['J1', 'J2', 'J3'] }]);
    expect(await log.candidateRankings({ from: '2026-05-01', to: '2026-05-04', municipalities: [] })).toEqual([]);
    await close();
  });

  it("erasure removes a client's rankings and empties their places in others' (the other hits keep their positions)", async () => {
    const db = current();
    const { log, close } = open(db);
    log.record(decision('vacancies', '2026-05-01T10:00:00.000Z', 'J1', ['V1']));
    log.record(decision('candidates', '2026-05-01T11:00:00.000Z', 'V1', ['J2', 'J1', 'J3']));
    await log.eraseJobseeker('J1');
    expect(await log.forJobseeker('J1', 10)).toEqual([]);
    expect(await log.appearancesOf('J1', 10)).toEqual([]);
    expect(await log.appearancesOf('J3', 10)).toEqual([{ at: '2026-05-01T11:00:00.000Z', vacancy: 'V1', position: 3, score: 0.7, parts: { semantic: 0.5, location: 0.2 } }]);
    expect(await log.candidateRankings({ from: '2026-05-01', to: '2026-05-02' })).toEqual([{ subject: 'V1', items: ['J2', 'J3'] }]);
    const [row] = await db.rows<{ ranked: unknown }>('SELECT ranked FROM decisions');
    const ranked = typeof row!.ranked === 'string' ? JSON.parse(row!.ranked) : row!.ranked;
    expect(ranked[1]).toBeNull();
    expect(JSON.stringify(ranked)).not.toContain('J1');
    await close();
  });

  it('prunes the oldest decisions first, at most a batch, their appearances with them', async () => {
    const db = current();
    const { log, close } = open(db);
    for (let day = 1; day <= 5; day++) log.record(decision('candidates', `2026-05-0${day}T10:00:00.000Z`, 'V1', ['J1']));
    expect(await log.pruneBefore('2026-05-04T00:00:00.000Z', 2)).toBe(2);
    expect((await log.appearancesOf('J1', 10)).map((a) => a.at.slice(0, 10))).toEqual(['2026-05-05', '2026-05-04', '2026-05-03']);
    expect(await log.pruneBefore('2026-05-04T00:00:00.000Z')).toBe(1);
    expect(await db.rows('SELECT count(*) AS n FROM decision_appearances')).toEqual([{ n: 2 }]);
    await close();
  });

  it("tells which decisions are stored: another after each decision written (the waiting ones first) and each prune, the same while none is", async () => {
    const { log, close } = open(current());
    const seen = [await log.extent()];
    log.record(decision('candidates', '2026-05-01T10:00:00.000Z', 'V1', ['J1']));
    seen.push(await log.extent());
    log.record(decision('vacancies', '2026-05-02T10:00:00.000Z', 'J1', ['V1']));
    seen.push(await log.extent());
    expect(await log.extent()).toBe(seen[2]);
    expect(await log.pruneBefore('2026-05-02T00:00:00.000Z')).toBe(1);
    seen.push(await log.extent());
    expect(seen[0]).toBe('');
    expect(new Set(seen).size).toBe(4);
    await close();
  });

  it('writes a large group and two logs writing at once (two processes) without losing or doubling a decision', async () => {
    const db = current();
    const a = open(db);
    const b = open(db);
    for (let i = 0; i < 700; i++) {
      a.log.record(decision('candidates', '2026-05-01T10:00:00.000Z', `V${i}`, ['J1', 'J2']));
      b.log.record(decision('vacancies', '2026-05-01T10:00:00.000Z', 'J1', [`V${i}`]));
    }
    await Promise.all([a.close(), b.close()]);
    expect(await db.rows("SELECT direction, count(*) AS n, count(DISTINCT id) AS ids FROM decisions GROUP BY direction ORDER BY direction")).toEqual([
      { direction: 'candidates', n: 700, ids: 700 },
      { direction: 'vacancies', n: 700, ids: 700 },
    ]);
    expect(await db.rows('SELECT count(*) AS n FROM decision_contexts')).toEqual([{ n: 1 }]);
    expect((await a.log.appearancesOf('J2', 1000)).length).toBe(700);
    expect(a.warnings).toEqual([]);
  });

  it('writes a group whole or not at all: one failing mid-way stores none of it (it waits), and all of it once written again', async () => {
    const db = current();
    const { log, close } = open(db);
    await refuseAppearance(db, 'J-FAIL');
    try {
      log.record(decision('candidates', '2026-05-01T10:00:00.000Z', 'V1', ['J1']));
      log.record(decision('candidates', '2026-05-01T11:00:00.000Z', 'V2', ['J2', 'J-FAIL', 'J3']));
      log.record(decision('vacancies', '2026-05-01T12:00:00.000Z', 'J1', ['V3']));
      await expect(log.forJobseeker('J1', 10)).rejects.toThrow(/refused/);
      expect(await db.rows('SELECT count(*) AS n FROM decisions')).toEqual([{ n: 0 }]);
      expect(await db.rows('SELECT count(*) AS n FROM decision_appearances')).toEqual([{ n: 0 }]);
    } finally {
      await allowAppearances(db);
    }
    expect(await log.forJobseeker('J1', 10)).toHaveLength(1);
    expect(await log.candidateRankings({ from: '2026-05-01', to: '2026-05-02' })).toEqual([
      { subject: 'V1', items: ['J1'] },
      { subject: 'V2', items: ['J2', 'J-FAIL', 'J3'] },
    ]);
    expect(await db.rows('SELECT count(*) AS n FROM decision_appearances')).toEqual([{ n: 4 }]);
    await close();
  });

  it('writes what waits when it is closed (a shutdown), before its group is due', async () => {
    const db = current();
    const log = db.sqlite ? new SqliteDecisionLog(db.sqlite, () => {}, 60_000) : new PostgresDecisionLog(db.pool!, () => {}, 60_000);
    log.record(decision('candidates', '2026-05-01T10:00:00.000Z', 'V1', ['J1', 'J2']));
    log.record(decision('vacancies', '2026-05-01T11:00:00.000Z', 'J1', ['V1']));
    expect(await db.rows('SELECT count(*) AS n FROM decisions')).toEqual([{ n: 0 }]);
    await log.close();
    expect(await db.rows('SELECT direction, subject FROM decisions ORDER BY id')).toEqual([
      { direction: 'candidates', subject: 'V1' },
      { direction: 'vacancies', subject: 'J1' },
    ]);
    expect(await db.rows('SELECT position, item FROM decision_appearances ORDER BY position')).toEqual([
      { position: 1, item: 'J1' },
      { position: 2, item: 'J2' },
    ]);
  });
});

/** Makes inserting an appearance of `item` fail (a write failing in the middle of a group), until allowAppearances. */
async function refuseAppearance(db: TestDatabase, item: string): Promise<void> {
  if (db.sqlite) {
    await db.run(`CREATE TRIGGER refuse_appearance BEFORE INSERT ON decision_appearances WHEN NEW.item = '${item}' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    return;
  }
  await db.run(`CREATE FUNCTION refuse_appearance() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN IF NEW.item = ''${item}'' THEN RAISE EXCEPTION ''refused''; END IF; RETURN NEW; END'`);
  await db.run('CREATE TRIGGER refuse_appearance BEFORE INSERT ON decision_appearances FOR EACH ROW EXECUTE FUNCTION refuse_appearance()');
}

async function allowAppearances(db: TestDatabase): Promise<void> {
  await db.run(db.sqlite ? 'DROP TRIGGER refuse_appearance' : 'DROP TRIGGER refuse_appearance ON decision_appearances');
  if (!db.sqlite) await db.run('DROP FUNCTION refuse_appearance()');
}

import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../../src/adapters/sqlite/database.js';
import { SqliteDecisionLog } from '../../../src/adapters/sqlite/decision-log.js';
import { Decisions } from '../../../src/core/oversight/decisions.js';
import type { MatchHit } from '../../../src/core/matches/schema.js';
import { removeDir, tempDir } from '../../helpers/files.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

function open(now: () => Date) {
  const dir = tempDir();
  dirs.push(dir);
  const db = openDatabase(join(dir, 'k.sqlite'));
  const log = new SqliteDecisionLog(db);
  const context = { model: 'transformers:m:fp32:abc123', taxonomy: 'esco-1.1.1', settings: { weights: { semantic: 0.3 }, fitFloor: 0.4 } };
  const decisions = new Decisions({ log, context: () => context, municipalityOf: () => '837' }, 365, now);
  return { db, log, decisions };
}

const hit = (id: string, score: number) => ({ id, score, parts: { semantic: score, essential: 1, optional: null, location: 1, occupation: null } }) as unknown as MatchHit;

describe('decision log in SQLite', () => {
  it('keeps rankings with their context once, exports them per person, prunes past retention and forgets an erased person', async () => {
    let now = new Date('2025-01-01T00:00:00Z');
    const { db, log, decisions } = open(() => now);
    decisions.served(undefined, 'vacancies', [hit('V1', 0.9), hit('V2', 0.8)], 'J1');
    now = new Date('2026-06-01T00:00:00Z');
    decisions.served(undefined, 'candidates', [hit('J2', 0.7), hit('J1', 0.6)], 'V1');
    decisions.served(undefined, 'candidates', [hit('J1', 0.5)], 'V2');
    log.flush();
    expect(db.prepare('SELECT count(*) FROM decision_contexts').pluck().get()).toBe(1);

    const exported = await decisions.ofJobseeker('J1');
    expect(exported.rankingsForThem).toEqual([{ at: '2025-01-01T00:00:00.000Z', model: 'transformers:m:fp32:abc123', taxonomy: 'esco-1.1.1', vacancies: [
      { vacancy: 'V1', position: 1, score: 0.9, parts: expect.objectContaining({ semantic: 0.9 }) },
      { vacancy: 'V2', position: 2, score: 0.8, parts: expect.objectContaining({ semantic: 0.8 }) },
    ] }]);
    expect(exported.appearancesInCandidateRankings.map((a) => [a.vacancy, a.position])).toEqual([['V2', 1], ['V1', 2]]);
    expect(await log.candidateRankings({ from: '2026-01-01', to: '2027-01-01', municipalities: ['837'] })).toEqual([
      { subject: 'V1', items: ['J2', 'J1'] },
      { subject: 'V2', items: ['J1'] },
    ]);

    // 365 days of retention on 2026-06-01: the ranking of 2025-01-01 goes, with its items.
    expect(await decisions.prune()).toBe(1);
    expect((await decisions.ofJobseeker('J1')).rankingsForThem).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM decision_appearances').pluck().get()).toBe(3); // who appears in the candidate rankings left

    await decisions.eraseJobseeker('J1');
    expect((await decisions.ofJobseeker('J1')).appearancesInCandidateRankings).toEqual([]);
    expect(await log.candidateRankings({ from: '2026-01-01', to: '2027-01-01' })).toEqual([{ subject: 'V1', items: ['J2'] }, { subject: 'V2', items: [] }]);
    // Gone from the file's rankings too; J2 keeps its place.
    expect(db.prepare(`SELECT count(*) FROM decisions WHERE ranked LIKE '%"J1"%'`).pluck().get()).toBe(0);
    expect(db.prepare('SELECT item, position FROM decision_appearances').all()).toEqual([{ item: 'J2', position: 1 }]);
    db.close();
  });

  it("finds a period's candidate rankings through the index of direction and time, not by reading every decision of the period", async () => {
    const { db } = open(() => new Date('2026-05-01T00:00:00.000Z'));
    const plan = db
      .prepare<[], { detail: string }>(
        "EXPLAIN QUERY PLAN SELECT d.subject, d.ranked FROM decisions d WHERE d.direction = 'candidates' AND d.at >= '2026-04-01' AND d.at < '2026-05-01' AND (NULL IS NULL OR d.area IN (SELECT value FROM json_each(NULL))) ORDER BY d.id",
      )
      .all()
      .map((r) => r.detail);
    expect(plan.some((step) => step.includes('decisions_direction_at (direction=? AND at>? AND at<?)')), plan.join('; ')).toBe(true);
  });

  it('moves the rankings of an older database (one row per hit) into one row per ranking', async () => {
    const { db, log, decisions } = open(() => new Date('2026-06-01T00:00:00Z'));
    decisions.served(undefined, 'vacancies', [hit('V1', 0.9), hit('V2', 0.8)], 'J1');
    decisions.served(undefined, 'candidates', [hit('J2', 0.7), hit('J1', 0.6)], 'V1');
    log.flush();
    const before = { forJ1: await decisions.ofJobseeker('J1'), rankings: await log.candidateRankings({ from: '2026-01-01', to: '2027-01-01' }) };
    // Back to schema 13: the hits in decision_items.
    db.exec(`CREATE TABLE decision_items (decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE, position INTEGER NOT NULL,
        item TEXT NOT NULL, score REAL NOT NULL, parts TEXT NOT NULL, PRIMARY KEY (decision_id, position)) WITHOUT ROWID;
      CREATE INDEX decision_items_item ON decision_items (item);
      INSERT INTO decision_items SELECT d.id, CAST(j.key AS INTEGER) + 1, j.value ->> 0, j.value ->> 1, j.value ->> 2 FROM decisions d, json_each(d.ranked) j;
      DROP TABLE decision_appearances; ALTER TABLE decisions DROP COLUMN ranked;`);
    db.pragma('user_version = 13');
    migrate(db);
    expect(await decisions.ofJobseeker('J1')).toEqual(before.forJ1);
    expect(await log.candidateRankings({ from: '2026-01-01', to: '2027-01-01' })).toEqual(before.rankings);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'decision_items'").pluck().get()).toBe(0);
    db.close();
  });
});

import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CandidateBudgetStore } from '../../../src/adapters/sqlite/candidate-budget.js';
import { migrate, openDatabase, SCHEMA_VERSION } from '../../../src/adapters/sqlite/database.js';
import { ShareStore } from '../../../src/adapters/sqlite/shares.js';
import { removeDir, tempDir } from '../../helpers/service.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

function open() {
  const dir = tempDir();
  dirs.push(dir);
  return openDatabase(join(dir, 'k.sqlite'));
}

describe('migration 15: shares stored for no owning unit', () => {
  it('removes them, names them in the log (without the clients) and the clients in one audit entry', async () => {
    const db = open();
    // The database as version 14 left it, with one share made for a vacancy no unit owned.
    db.exec('DROP TABLE candidate_views; DROP TABLE adhoc_searches; DROP TABLE transfers;');
    db.pragma('user_version = 14');
    const shares = new ShareStore(db);
    const share = { vacancyId: 'V-1', jobseekerId: 'J-1', keyId: 'k1', at: '2026-11-01T10:00:00.000Z', expiresAt: '2026-12-31T00:00:00.000Z' };
    await shares.add({ ...share, owner: '' });
    await shares.add({ ...share, vacancyId: 'V-2', owner: 'unit-a' });
    const log: string[] = [];
    migrate(db, (line) => log.push(line));
    expect((await shares.ofJobseeker('J-1')).map((s) => s.vacancyId)).toEqual(['V-2']);
    expect(log.join('\n')).toContain("vacancy 'V-1'");
    expect(log.join('\n')).not.toContain('J-1');
    const subjects = db.prepare("SELECT s.jobseeker_id FROM audit a JOIN audit_subjects s ON s.audit_id = a.id WHERE a.method = 'MIGRATE'").pluck().all();
    expect(subjects).toEqual(['J-1']);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });
});

describe('CandidateBudgetStore', () => {
  it('counts distinct candidates per organisation and day, refusing a list that would exceed the limit whole', async () => {
    const budget = new CandidateBudgetStore(open());
    expect(await budget.views('unit', '2026-12-06', ['a', 'b', 'c'], 4)).toEqual({ admitted: true, used: 3 });
    expect(await budget.views('unit', '2026-12-06', ['a', 'b', 'c'], 4)).toEqual({ admitted: true, used: 3 }); // seen again: free
    expect(await budget.views('unit', '2026-12-06', ['c', 'd', 'e'], 4)).toEqual({ admitted: false, used: 3 }); // nothing counted
    expect(await budget.views('unit', '2026-12-06', ['d'], 4)).toEqual({ admitted: true, used: 4 });
    expect((await budget.views('other', '2026-12-06', ['e'], 4)).admitted).toBe(true);
    expect(await budget.views('unit', '2026-12-07', ['e'], 4)).toEqual({ admitted: true, used: 1 });
    await budget.forgetSubject('d');
    expect(await budget.views('unit', '2026-12-06', ['x'], 4)).toEqual({ admitted: true, used: 4 });
    await budget.prune('2026-12-07', 0);
    expect(await budget.views('unit', '2026-12-06', ['y'], 1)).toEqual({ admitted: true, used: 1 });
  });

  it('counts ad-hoc searches per key in a sliding window', async () => {
    const budget = new CandidateBudgetStore(open());
    const hour = 3_600_000;
    expect((await budget.search('k', 1_000, hour, 2)).admitted).toBe(true);
    expect((await budget.search('k', 2_000, hour, 2)).admitted).toBe(true);
    expect(await budget.search('k', 3_000, hour, 2)).toEqual({ admitted: false, retryAfterMs: hour - 2_000 });
    expect((await budget.search('other', 3_000, hour, 2)).admitted).toBe(true);
    expect((await budget.search('k', 1_000 + hour, hour, 2)).admitted).toBe(true);
  });
});

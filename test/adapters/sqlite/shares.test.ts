import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, SCHEMA_VERSION } from '../../../src/adapters/sqlite/database.js';
import { ShareStore } from '../../../src/adapters/sqlite/shares.js';
import { removeDir, tempDir } from '../../helpers/files.js';

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

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../../src/adapters/sqlite/audit-log.js';
import { openDatabase } from '../../../src/adapters/sqlite/database.js';
import { keyedTombstones } from '../../../src/adapters/sqlite/tombstones.js';
import { AuditTrailSearch } from '../../../src/core/audit-trail/service.js';
import { auditSearch } from '../../../src/core/audit-trail/schema.js';

/** The admins' search over the real SQLite audit log (a file in a temporary directory), entries written at a clock the test sets. */
function setUp() {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'kohtaanto-audit-trail-')), 'k.sqlite'));
  let now = new Date('2026-12-01T08:00:00Z');
  const audit = new AuditLog(db, keyedTombstones(Buffer.alloc(32, 5)), () => {}, () => now, 0);
  const trail = new AuditTrailSearch({ search: (q) => audit.search(q) });
  const write = (day: string, person: string, organisation: string, route: string, jobseekers: string[] = []) => {
    now = new Date(`${day}T09:00:00Z`);
    audit.record({ keyId: `k-${person}`, person, role: 'counsellor', organisation, method: 'GET', route, status: 200, jobseekers });
  };
  const search = (query: Record<string, unknown>) => trail.page(auditSearch.parse(query));
  return { write, search, audit };
}

describe('AuditTrailSearch', () => {
  it('pages newest first: `next` while more entries remain, none on the last page', async () => {
    const { write, search } = setUp();
    for (let day = 1; day <= 5; day++) write(`2026-12-0${day}`, 'Anna', 'ea-tampere', '/v1/jobseekers/:id');
    const first = await search({ limit: '2' });
    expect(first.entries.map((e) => e.at.slice(0, 10))).toEqual(['2026-12-05', '2026-12-04']);
    const second = await search({ limit: '2', before: String(first.next) });
    expect(second.entries.map((e) => e.at.slice(0, 10))).toEqual(['2026-12-03', '2026-12-02']);
    const last = await search({ limit: '2', before: String(second.next) });
    expect(last.entries.map((e) => e.at.slice(0, 10))).toEqual(['2026-12-01']);
    expect(last.next).toBeUndefined();
    // Exactly a page left: no next page promised.
    expect((await search({ limit: '5' })).next).toBeUndefined();
  });

  it('narrows by person, organisation, route, client and a period with its last day included', async () => {
    const { write, search } = setUp();
    write('2026-12-01', 'Anna', 'ea-tampere', '/v1/jobseekers/:id', ['J-1']);
    write('2026-12-02', 'Bo', 'ea-vaasa', '/v1/vacancies/:id/candidates', ['J-2', 'J-1']);
    write('2026-12-03', 'Anna', 'ea-tampere', '/v1/analytics/mismatch');
    const people = async (q: Record<string, unknown>) => (await search(q)).entries.map((e) => `${e.person} ${e.at.slice(0, 10)}`);
    expect(await people({ person: 'ann' })).toEqual(['Anna 2026-12-03', 'Anna 2026-12-01']);
    expect(await people({ organisation: 'ea-vaasa' })).toEqual(['Bo 2026-12-02']);
    expect(await people({ route: 'candidates' })).toEqual(['Bo 2026-12-02']);
    expect(await people({ client: 'J-1' })).toEqual(['Bo 2026-12-02', 'Anna 2026-12-01']);
    expect(await people({ from: '2026-12-02', to: '2026-12-02' })).toEqual(['Bo 2026-12-02']);
    // LIKE's wildcards are searched as written.
    expect(await people({ route: '%' })).toEqual([]);
  });

  it('refuses a period ending before it begins, naming `to`', async () => {
    const { search } = setUp();
    await expect(search({ from: '2026-12-05', to: '2026-12-01' })).rejects.toMatchObject({ code: 'invalid_input', problems: [{ field: 'to' }] });
  });
});

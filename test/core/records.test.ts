import { describe, expect, it } from 'vitest';
import { LexicalEmbedder } from '../../src/adapters/embedders/lexical.js';
import { ExactIndex } from '../../src/adapters/memory/exact-index.js';
import { MemoryRecordStore } from '../../src/adapters/memory/record-store.js';
import { forbidden } from '../../src/core/errors.js';
import { jobseekerKind, vacancyKind } from '../../src/core/kinds.js';
import { RecordService, etagOf, versionsOf } from '../../src/core/records.js';
import { jobseekerInput, type Jobseeker } from '../../src/core/jobseekers/schema.js';
import { vacancyInput, type Vacancy } from '../../src/core/vacancies/schema.js';

const embedder = new LexicalEmbedder(64);
const jobseeker = (id: string, fields: Record<string, unknown> = {}) =>
  jobseekerInput.parse({ id, title: 'hitsaaja', summary: 'Kokenut hitsaaja.', skills: ['MIG-hitsaus'], municipality: 'Tampere', ...fields });

/**
 * RecordService over the in-memory store and exact index (test doubles for SQLite and HNSW), without
 * derivation: writes, versions and conditional writes, batches, deletion, expiry. (Writes over SQLite
 * and HNSW: record-use-cases.test.ts, records-sync.test.ts; matching: matching.test.ts.)
 */
function open(maxBatch = 3) {
  let now = new Date('2026-12-06T10:00:00Z');
  const index = new ExactIndex();
  const jobseekers = new RecordService<Jobseeker>(jobseekerKind, new MemoryRecordStore<any>(), index, embedder, { maxBatch, now: () => now });
  return { jobseekers, index, later: (ms = 60_000) => (now = new Date(now.getTime() + ms)) };
}

const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code);

describe('ETags and If-Match', () => {
  it("are the record's version, quoted; junk and weak tags name no version", () => {
    expect(etagOf({ version: 3 })).toBe('"3"');
    expect(etagOf({})).toBe('"0"');
    expect(versionsOf('*')).toBe('any');
    expect(versionsOf(' "3", "5" ')).toEqual([3, 5]);
    expect(versionsOf('W/"3", 3, "x", "1234567890123456"')).toEqual([]);
  });
});

describe('RecordService', () => {
  it('stores a record with its municipality as a code, region, times and a version that changes with its content only', async () => {
    const { jobseekers, index, later } = open();
    const created = await jobseekers.create(jobseeker('J-1'));
    expect(created).toMatchObject({ id: 'J-1', municipality: '837', region: '06', createdAt: '2026-12-06T10:00:00.000Z', updatedAt: '2026-12-06T10:00:00.000Z' });
    const first = (created as { version?: number }).version!;
    expect(index.size).toBe(1);
    later();
    expect(await jobseekers.putMany([jobseeker('J-1')])).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(((await jobseekers.get('J-1')) as { version?: number }).version).toBe(first);
    const { record, created: isNew } = await jobseekers.put(jobseeker('J-1', { title: 'levyseppä' }));
    expect(isNew).toBe(false);
    expect(record).toMatchObject({ title: 'levyseppä', createdAt: '2026-12-06T10:00:00.000Z', updatedAt: '2026-12-06T10:01:00.000Z' });
    expect((record as { version?: number }).version).toBeGreaterThan(first);
  });

  it('refuses a create on a taken id, and a change expecting a version that is no longer stored', async () => {
    const { jobseekers } = open();
    await jobseekers.create(jobseeker('J-1'));
    expect(await code(jobseekers.create(jobseeker('J-1')))).toBe('already_exists');
    expect(await code(jobseekers.put(jobseeker('J-1'), undefined, { absent: true }))).toBe('id_taken');
    const version = ((await jobseekers.get('J-1')) as { version?: number }).version!;
    await jobseekers.put(jobseeker('J-1', { title: 'A' }), undefined, { versions: [version] });
    // The second writer read the same version: refused, nothing stored.
    expect(await code(jobseekers.put(jobseeker('J-1', { title: 'B' }), undefined, { versions: [version] }))).toBe('version_mismatch');
    expect((await jobseekers.get('J-1')).title).toBe('A');
    // Also when the content sent equals the stored one (nothing would be written).
    expect(await code(jobseekers.put(jobseeker('J-1', { title: 'A' }), undefined, { versions: [version] }))).toBe('version_mismatch');
    expect(await code(jobseekers.put(jobseeker('J-2'), undefined, { versions: 'any' }))).toBe('version_mismatch');
    expect((await jobseekers.find('J-2'))).toBeUndefined();
  });

  it('stores a batch whole or not at all: over the limit, with an id twice, or refused inside the write', async () => {
    const { jobseekers, index } = open();
    expect(await code(jobseekers.putMany(['A', 'B', 'C', 'D'].map((id) => jobseeker(id))))).toBe('too_many_records');
    const twice = jobseekers.putMany([jobseeker('A'), jobseeker('B'), jobseeker('A')]);
    await expect(twice).rejects.toMatchObject({ code: 'invalid_input', problems: [{ line: 3, field: 'id', message: 'duplicate of line 1' }] });
    expect(
      await code(
        jobseekers.putMany([jobseeker('A'), jobseeker('B')], {
          check: () => {
            throw forbidden('B lives elsewhere');
          },
        }),
      ),
    ).toBe('forbidden');
    expect([(await jobseekers.count()), index.size]).toEqual([0, 0]);
    expect(await jobseekers.putMany([jobseeker('A'), jobseeker('B')])).toEqual({ created: 2, updated: 0, unchanged: 0 });
  });

  it('deletes records and their vectors, reporting ids it does not have', async () => {
    const { jobseekers, index } = open();
    await jobseekers.putMany([jobseeker('A'), jobseeker('B')]);
    expect((await jobseekers.removeMany(['A', 'A', 'X']))).toEqual({ removed: 1, notFound: ['X'] });
    expect(index.size).toBe(1);
    await expect(jobseekers.remove('A')).rejects.toThrow(expect.objectContaining({ code: 'not_found' }));
    await expect(jobseekers.get('A')).rejects.toThrow(expect.objectContaining({ code: 'not_found', message: expect.stringContaining("jobseeker 'A'") }));
    await expect(jobseekers.removeMany(['1', '2', '3', '4'])).rejects.toThrow(expect.objectContaining({ code: 'too_many_records' }));
  });

  it('lists records in id order, in a municipality by name, after a cursor', async () => {
    const { jobseekers } = open();
    await jobseekers.putMany([jobseeker('C'), jobseeker('A', { municipality: 'Nokia' }), jobseeker('B')]);
    expect((await jobseekers.list({ limit: 10 })).map((r) => r.id)).toEqual(['A', 'B', 'C']);
    expect((await jobseekers.list({ limit: 10, municipality: 'Tammerfors' })).map((r) => r.id)).toEqual(['B', 'C']);
    expect((await jobseekers.list({ limit: 1, after: 'A' })).map((r) => r.id)).toEqual(['B']);
    expect(jobseekers.municipalityOf('A')).toBe('536');
    expect(jobseekers.municipalityOf('X')).toBeUndefined();
  });

  it('takes vacancies past their expiry date out of matching, by its clock', async () => {
    let now = new Date('2026-12-06T10:00:00Z');
    const index = new ExactIndex();
    const vacancies = new RecordService<Vacancy>(vacancyKind, new MemoryRecordStore<any>(), index, embedder, { maxBatch: 10, now: () => now });
    const vacancy = (id: string, expiresAt: string) => vacancyInput.parse({ id, title: 'hitsaaja', description: 'Hitsaaja.', municipality: '837', expiresAt });
    await vacancies.putMany([vacancy('V-1', '2026-12-06'), vacancy('V-2', '2026-12-31')]);
    expect(index.size).toBe(2);
    expect(vacancies.today()).toBe('2026-12-06');
    expect(await vacancies.closeExpired()).toBe(0);
    now = new Date('2026-12-07T00:00:01Z');
    expect(await vacancies.closeExpired()).toBe(1);
    expect(index.size).toBe(1);
    expect((await vacancies.find('V-1'))?.id).toBe('V-1');
  });
});

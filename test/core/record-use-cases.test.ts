import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LexicalEmbedder } from '../../src/adapters/embedders/lexical.js';
import { HnswVectorIndex } from '../../src/adapters/hnsw/hnsw-index.js';
import { openDatabase } from '../../src/adapters/sqlite/database.js';
import { OrganisationStore } from '../../src/adapters/sqlite/organisations.js';
import { SqliteRecordStore } from '../../src/adapters/sqlite/record-store.js';
import { VacancyOwnerStore } from '../../src/adapters/sqlite/vacancy-owners.js';
import { DEFAULT_HNSW } from '../../src/config.js';
import type { Principal } from '../../src/core/access.js';
import type { AuditNote } from '../../src/core/audit-note.js';
import { Guard } from '../../src/core/guard.js';
import { jobseekerKind, vacancyKind } from '../../src/core/kinds.js';
import { jobseekerAccess, vacancyAccess } from '../../src/core/record-access.js';
import { RecordUseCases } from '../../src/core/record-use-cases.js';
import { RecordService } from '../../src/core/records.js';
import { defaultEmploymentAreas } from '../../src/core/regions/employment-areas-model.js';
import { regions } from '../../src/core/regions/regions.js';
import { jobseekerInput, type Jobseeker } from '../../src/core/jobseekers/schema.js';
import { vacancyInput, type Vacancy } from '../../src/core/vacancies/schema.js';
import { systemClock } from '../../src/runtime/clock.js';
import { tempDir } from '../helpers/files.js';

const embedder = new LexicalEmbedder(64);
const unitA: Principal = { keyId: 'ka', name: 'a', role: 'employer-service', organisation: { id: 'unit-a', kind: 'employer-services' } };
const unitB: Principal = { keyId: 'kb', name: 'b', role: 'employer-service', organisation: { id: 'unit-b', kind: 'employer-services' } };
const counsellor: Principal = { keyId: 'kc', name: 'c', role: 'counsellor', organisation: { id: 'tre', kind: 'employment-area', area: 'tampere' } };
const note = (): AuditNote => ({ jobseekers: [] });
const code = async (f: () => unknown) => {
  try {
    await f();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'ok';
};
const rejection = (p: Promise<unknown>) => p.then(() => 'ok', (error: { code?: string }) => error.code);

/** The record use cases over a real SQLite file, HNSW index and organisation boundary. */
function open() {
  const db = openDatabase(join(tempDir(), 'k.sqlite'));
  const service = <In extends Jobseeker | Vacancy>(kind: typeof jobseekerKind | typeof vacancyKind, table: 'jobseekers' | 'vacancies') =>
    new RecordService<In>(kind as never, new SqliteRecordStore<never>(db, table), HnswVectorIndex.create(embedder.dimension, DEFAULT_HNSW), embedder, {
      maxBatch: 10,
      now: systemClock,
    });
  const jobseekers = service<Jobseeker>(jobseekerKind, 'jobseekers');
  const vacancies = service<Vacancy>(vacancyKind, 'vacancies');
  const owners = new VacancyOwnerStore(db);
  const organisations = new OrganisationStore(db, systemClock);
  for (const id of ['unit-a', 'unit-b']) organisations.add({ id, name: id, kind: 'employer-services' });
  const guard = new Guard(
    {
      jobseekerMunicipality: (id) => jobseekers.municipalityOf(id),
      vacancyOwner: async (id) => ((await vacancies.find(id)) ? { owner: await owners.ownerOf(id) } : undefined),
      transferAdmits: async () => false, refuseIds: async () => undefined,
    },
    defaultEmploymentAreas(regions),
  );
  const erased: string[] = [];
  return {
    owners,
    vacancies,
    erased,
    vacancyRecords: new RecordUseCases({ records: vacancies, access: vacancyAccess(guard, owners) }),
    jobseekerRecords: new RecordUseCases({
      records: jobseekers,
      access: jobseekerAccess(guard),
      erase: async (ids) => {
        const found = await Promise.all(ids.map((id) => jobseekers.find(id)));
        const present = ids.filter((_id, i) => found[i]);
        for (const id of present) (await jobseekers.remove(id));
        erased.push(...present);
        return { erased: present, notFound: ids.filter((id) => !present.includes(id)) };
      },
    }),
  };
}

const vacancy = (id: string) => vacancyInput.parse({ id, title: 'kokki', description: 'Ravintola hakee kokkia', skills: ['ruoanlaitto'], municipality: '837' });
const client = (id: string, municipality = '837') =>
  jobseekerInput.parse({ id, title: 'kokki', summary: 'Kokenut kokki', skills: ['ruoanlaitto'], municipality, languages: ['fi'] });

describe('RecordUseCases: one call per record route, boundary first, the claim in the write', () => {
  it("gives a new vacancy to the creating unit in the write itself: the other unit's write of the same id stores nothing", async () => {
    const { vacancyRecords, owners, vacancies } = open();
    await vacancyRecords.create(unitA, vacancy('V1'), note());
    expect(await owners.ownerOf('V1')).toBe('unit-a');
    const taken = { ...vacancy('V1'), title: 'siivooja' };
    expect(await rejection(vacancyRecords.put(unitB, 'V1', taken, () => undefined, note()))).toBe('forbidden');
    expect(await rejection(vacancyRecords.putMany(unitB, [vacancy('V2'), taken], note()))).toBe('forbidden');
    expect((await vacancies.get('V1')).title).toBe('kokki');
    expect((await vacancies.find('V2'))).toBeUndefined(); // the batch is atomic
  });

  it('of two units writing one new vacancy at the same moment, the one that commits first owns it; the other, refused inside its transaction, stores nothing', async () => {
    const { vacancyRecords, owners, vacancies } = open();
    const generation = await vacancies.store.generation();
    // Both pass the boundary before either commits (nothing stored yet); the claim is checked again in each write.
    const [a, b] = await Promise.allSettled([
      vacancyRecords.putMany(unitA, [vacancy('V-NEW')], note()),
      vacancyRecords.putMany(unitB, [{ ...vacancy('V-NEW'), title: 'siivooja' }, vacancy('V-OTHER')], note()),
    ]);
    expect([a.status, b.status === 'rejected' && (b.reason as { code?: string }).code]).toEqual(['fulfilled', 'forbidden']);
    expect(await owners.ownerOf('V-NEW')).toBe('unit-a');
    expect((await vacancies.get('V-NEW')).title).toBe('kokki');
    expect(await vacancies.find('V-OTHER')).toBeUndefined(); // the refused batch stored nothing
    expect([await vacancies.store.generation(), vacancies.index.size]).toEqual([generation + 1, 1]);
  });

  it('refuses a body naming another id before anything, and asks the conditional headers only after the boundary', async () => {
    const { vacancyRecords } = open();
    await vacancyRecords.create(unitA, vacancy('V1'), note());
    let asked = 0;
    const expectation = () => (asked++, { absent: true as const });
    expect(await rejection(vacancyRecords.put(unitA, 'V1', { ...vacancy('V1'), id: 'V9' }, expectation, note()))).toBe('invalid_input');
    expect(await rejection(vacancyRecords.put(unitB, 'V1', vacancy('V1'), expectation, note()))).toBe('forbidden');
    expect(asked).toBe(0); // another unit learns nothing of the stored version
    expect(await rejection(vacancyRecords.put(unitA, 'V1', vacancy('V1'), expectation, note()))).toBe('id_taken');
    expect(asked).toBe(1);
  });

  it('notes the jobseekers touched for the audit, and nothing for vacancies', async () => {
    const { jobseekerRecords, vacancyRecords } = open();
    const audit = note();
    await jobseekerRecords.putMany(counsellor, [client('J1'), client('J2')], audit);
    await jobseekerRecords.get(counsellor, 'J1', audit);
    await jobseekerRecords.list(counsellor, { limit: 1 }, audit);
    expect(audit.jobseekers).toEqual(['J1', 'J2', 'J1', 'J1']);
    const vacancyAudit = note();
    await vacancyRecords.create(unitA, vacancy('V1'), vacancyAudit);
    await vacancyRecords.export(unitA, true, vacancyAudit);
    expect(vacancyAudit).toEqual({ jobseekers: [] });
  });

  it("erases a jobseeker on delete, and answers another area's client as not found, exactly as an unknown id", async () => {
    const { jobseekerRecords, erased } = open();
    await jobseekerRecords.putMany({ ...counsellor, role: 'admin', organisation: { id: 'national', kind: 'national' } }, [client('TRE'), client('HKI', '091')], note());
    expect(await jobseekerRecords.removeMany(counsellor, ['TRE', 'HKI', 'NOPE'])).toEqual({ removed: 1, notFound: ['HKI', 'NOPE'] });
    expect(erased).toEqual(['TRE']);
    expect(await code(() => jobseekerRecords.remove(counsellor, 'HKI'))).toBe('not_found');
    expect(await code(() => jobseekerRecords.get(counsellor, 'HKI', note()))).toBe(await code(() => jobseekerRecords.get(counsellor, 'NOPE', note())));
  });

  it('lists a page with the cursor of the next one', async () => {
    const { vacancyRecords } = open();
    await vacancyRecords.putMany(unitA, [vacancy('V1'), vacancy('V2'), vacancy('V3')], note());
    const first = await vacancyRecords.list(unitB, { limit: 2 }, note());
    expect(first.items.map((v) => v.id)).toEqual(['V1', 'V2']);
    expect(first.next).toBe('V2');
    expect(await vacancyRecords.list(unitB, { limit: 2, after: 'V2' }, note())).toEqual({ items: [expect.objectContaining({ id: 'V3' })] });
    expect((await vacancyRecords.list(unitB, { limit: 5, owner: 'mine' }, note())).items).toEqual([]);
  });
});

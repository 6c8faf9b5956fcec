import { describe, expect, it } from 'vitest';
import { LexicalEmbedder } from '../../src/adapters/embedders/lexical.js';
import { ExactIndex } from '../../src/adapters/memory/exact-index.js';
import { MemoryRecordStore } from '../../src/adapters/memory/record-store.js';
import { jobseekerKind } from '../../src/core/kinds.js';
import { RecordService } from '../../src/core/records.js';
import { jobseekerInput, type Jobseeker } from '../../src/core/jobseekers/schema.js';

const jobseeker = (id: string, fields: Record<string, unknown> = {}) =>
  jobseekerInput.parse({ id, title: 'hitsaaja', summary: 'Kokenut hitsaaja.', skills: ['MIG-hitsaus'], municipality: 'Tampere', ...fields });

/**
 * Records derived by an earlier build, derived again beside other writes (RecordService.refreshStale
 * and staleWork), over the in-memory store and exact index (test doubles for SQLite and HNSW; the same
 * over SQLite and the shipped model: test/runtime/rederivation.test.ts). A derivation can be held at a
 * gate, so that a write lands exactly while a batch is being derived.
 */
function installation() {
  const store = new MemoryRecordStore<any>();
  const index = new ExactIndex();
  const now = () => new Date('2026-12-07T10:00:00Z');
  let gate: Promise<void> | undefined;
  let entered: () => void = () => undefined;
  const service = (build: string, embedder = new LexicalEmbedder(64)) =>
    new RecordService<Jobseeker>(jobseekerKind, store, index, embedder, {
      maxBatch: 100,
      now,
      derive: {
        id: build,
        run: async () => {
          const held = gate;
          gate = undefined; // only the first derivation after holding waits
          if (held) {
            entered();
            await held;
          }
          return { derivedFor: build };
        },
      },
    });
  /** The next derivation waits until `release` is called; `reached` resolves when it has started waiting. */
  const hold = () => {
    let release: () => void = () => undefined;
    gate = new Promise<void>((resolve) => (release = resolve));
    const reached = new Promise<void>((resolve) => (entered = resolve));
    return { release, reached };
  };
  return { service, hold };
}

describe('deriving records again beside other writes', () => {
  it('tells derivations to redo (vectors kept) from embeddings to redo (another model)', async () => {
    const { service } = installation();
    const earlier = service('build-1');
    await earlier.putMany(['J-1', 'J-2'].map((id) => jobseeker(id)));
    expect(await earlier.staleWork()).toBe('none');
    expect(await service('build-2').staleWork()).toBe('derivations');
    expect(await service('build-2', new LexicalEmbedder(32)).staleWork()).toBe('embeddings');
  });

  it('never overwrites a record written while its batch was being derived, nor brings back one deleted meanwhile', async () => {
    const { service, hold } = installation();
    await service('build-1').putMany(['J-1', 'J-2', 'J-3', 'J-4', 'J-5'].map((id) => jobseeker(id)));
    const current = service('build-2');
    const { release, reached } = hold();
    const redoing = current.refreshStale(undefined, 10);
    await reached; // the batch of all five was read and is being derived
    await current.put(jobseeker('J-3', { title: 'levyseppä' }));
    await current.remove('J-4');
    release();
    // The batch read before the write is not stored; the records still behind are read again and redone.
    expect(await redoing).toBe(3);
    expect(await current.get('J-3')).toMatchObject({ title: 'levyseppä', derivedFor: 'build-2' });
    await expect(current.get('J-4')).rejects.toMatchObject({ code: 'not_found' });
    for (const id of ['J-1', 'J-2', 'J-5']) expect(await current.get(id)).toMatchObject({ title: 'hitsaaja', derivedFor: 'build-2' });
    expect(await current.staleWork()).toBe('none');
    expect(await current.count()).toBe(4);
  });

  it('keeps each record its version: deriving again is not a change of its content', async () => {
    const { service } = installation();
    const earlier = service('build-1');
    await earlier.putMany([jobseeker('J-1')]);
    const before = (await earlier.get('J-1')) as { version?: number };
    const current = service('build-2');
    expect(await current.refreshStale(undefined, 10)).toBe(1);
    expect(((await current.get('J-1')) as { version?: number }).version).toBe(before.version);
  });
});

import { describe, expect, it } from 'vitest';
import { LexicalEmbedder } from '../../src/adapters/embedders/lexical.js';
import { ExactIndex } from '../../src/adapters/memory/exact-index.js';
import { MemoryRecordStore } from '../../src/adapters/memory/record-store.js';
import { fixedClock } from '../../src/core/clock.js';
import { eraseJobseeker, eraseJobseekers, type ErasurePorts } from '../../src/core/erasure.js';
import { jobseekerInput, type Jobseeker } from '../../src/core/jobseekers/schema.js';
import { jobseekerKind } from '../../src/core/kinds.js';
import { RecordService } from '../../src/core/records.js';

const embedder = new LexicalEmbedder(64);
const jobseeker = (id: string) => jobseekerInput.parse({ id, title: 'hitsaaja', summary: 'Kokenut hitsaaja.', skills: ['MIG-hitsaus'], municipality: '837' });

/**
 * The erasure use case over a real RecordService on the in-memory store and index (test doubles
 * for SQLite and HNSW); every other port is a recorder (a test double) that writes what it was
 * asked, in order, so the test sees what was forgotten, for whom, and before what.
 */
async function setUp(ids: string[], fail?: string) {
  const jobseekers = new RecordService<Jobseeker>(jobseekerKind, new MemoryRecordStore<any>(), new ExactIndex(), embedder, {
    maxBatch: 3,
    now: fixedClock('2026-12-06T12:00:00Z'),
  });
  for (const id of ids) await jobseekers.create(jobseeker(id));
  const calls: string[] = [];
  const forget = (port: string) => ({
    forgetJobseeker: async (id: string) => {
      if (port === fail) throw new Error('disk full');
      calls.push(`${port}:${id}`);
    },
  });
  const ports: ErasurePorts = {
    jobseekers: new Proxy(jobseekers, {
      get: (target, name, receiver) =>
        name === 'removeMany'
          ? (erased: string[]) => (calls.push(`remove:${erased.join(',')}`), target.removeMany(erased))
          : Reflect.get(target, name, receiver),
    }),
    shares: forget('shares'),
    referrals: forget('referrals'),
    audit: { eraseSubject: async (id, keyId) => void calls.push(`audit:${id}:${keyId}`) },
    decisions: { eraseJobseeker: async (id) => void calls.push(`decisions:${id}`) },
    overrides: forget('overrides'),
    transfers: forget('transfers'),
    jobSuggestions: forget('jobSuggestions'),
    jobSearch: forget('jobSearch'),
    outcomes: forget('outcomes'),
    scheduleCompaction: async () => void calls.push('compact'),
    checkpoint: () => calls.push('checkpoint'),
  };
  return { ports, jobseekers, calls };
}

describe('eraseJobseekers', () => {
  it('forgets everything that refers to a person, then the record, then compacts the index and checkpoints', async () => {
    const { ports, jobseekers, calls } = await setUp(['J-1', 'J-2']);
    expect(await eraseJobseekers(ports, ['J-1'], 'key-1')).toEqual({ erased: ['J-1'], notFound: [] });
    expect(calls).toEqual([
      'shares:J-1',
      'referrals:J-1',
      'audit:J-1:key-1',
      'decisions:J-1',
      'overrides:J-1',
      'transfers:J-1',
      'jobSuggestions:J-1',
      'jobSearch:J-1',
      'outcomes:J-1',
      'remove:J-1',
      'compact',
      'checkpoint',
    ]);
    expect((await jobseekers.find('J-1'))).toBeUndefined();
    expect((await jobseekers.find('J-2'))?.id).toBe('J-2');
    expect((await jobseekers.count())).toBe(1);
  });

  it('answers unknown ids as not found, touches nothing for them, and counts a repeated id once', async () => {
    const { ports, calls } = await setUp(['J-1', 'J-2']);
    expect(await eraseJobseekers(ports, ['NOBODY', 'J-2', 'J-2', 'J-1'])).toEqual({ erased: ['J-2', 'J-1'], notFound: ['NOBODY'] });
    expect(calls.filter((c) => c.includes('NOBODY'))).toEqual([]);
    expect(calls.filter((c) => c.startsWith('shares:'))).toEqual(['shares:J-2', 'shares:J-1']);
    expect(calls).toContain('remove:J-2,J-1');
    // Without a key (a command), the audit tombstone has none.
    expect(calls).toContain('audit:J-1:undefined');
  });

  it('neither compacts nor checkpoints when nothing was erased', async () => {
    const { ports, calls } = await setUp(['J-1']);
    expect(await eraseJobseekers(ports, ['NOBODY'])).toEqual({ erased: [], notFound: ['NOBODY'] });
    expect(calls).toEqual(['remove:']);
  });

  it('refuses more distinct ids than a batch holds, before touching anything', async () => {
    const { ports, jobseekers, calls } = await setUp(['J-1', 'J-2', 'J-3', 'J-4']);
    await expect(eraseJobseekers(ports, ['J-1', 'J-2', 'J-3', 'J-4'])).rejects.toThrow(expect.objectContaining({ code: 'too_many_records' }));
    expect(calls).toEqual([]);
    expect((await jobseekers.count())).toBe(4);
    // Four ids of which three are distinct fit a batch of three.
    expect((await eraseJobseekers(ports, ['J-1', 'J-2', 'J-3', 'J-1'])).erased).toEqual(['J-1', 'J-2', 'J-3']);
  });

  it('keeps the record when a step before it fails, so that the erasure can be asked again', async () => {
    const { ports, jobseekers, calls } = await setUp(['J-1'], 'transfers');
    await expect(eraseJobseekers(ports, ['J-1'])).rejects.toThrow('disk full');
    expect((await jobseekers.find('J-1'))?.id).toBe('J-1');
    expect(calls).not.toContain('remove:J-1');
    expect(calls).not.toContain('compact');
  });
});

describe('eraseJobseeker', () => {
  it('erases one person, or answers not found naming the id', async () => {
    const { ports, jobseekers } = await setUp(['J-1']);
    await eraseJobseeker(ports, 'J-1', 'key-1');
    expect((await jobseekers.find('J-1'))).toBeUndefined();
    await expect(eraseJobseeker(ports, 'J-1')).rejects.toThrow(expect.objectContaining({ code: 'not_found', message: expect.stringContaining("'J-1'") }));
  });
});

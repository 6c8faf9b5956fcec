import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../src/core/access.js';
import { unaudited } from '../../../src/core/audit-note.js';
import type { Guard } from '../../../src/core/guard.js';
import { Notifications, type DeadlinePassed, type ShareMade, type UnitChange } from '../../../src/core/notifications/service.js';

const counsellor: Principal = { keyId: 'k1', name: 'Kaisa', role: 'counsellor', organisation: { id: 'tre', kind: 'employment-area', area: 'tampere' } };
const unit: Principal = { keyId: 'k2', name: 'Unit', role: 'employer-service', organisation: { id: 'unit-1', kind: 'employer-services' } };
const NOW = new Date('2026-12-06T10:00:00Z');

function setup() {
  const changes: UnitChange[] = [
    { event: 2, suggestion: 1, jobseekerId: 'J1', vacancyId: 'V1', state: 'interview', at: '2026-12-05T09:00:00.000Z', by: 'Unit' },
    { event: 4, suggestion: 3, jobseekerId: 'J9', vacancyId: 'V1', state: 'hired', at: '2026-12-05T08:00:00.000Z', by: 'Unit' },
  ];
  const shares: ShareMade[] = [
    { vacancyId: 'V1', jobseekerId: 'J1', at: '2026-12-04T09:00:00.000Z' },
    { vacancyId: 'V-HANDED-ON', jobseekerId: 'J1', at: '2026-12-04T08:00:00.000Z' },
  ];
  const passed: DeadlinePassed[] = [
    { suggestion: 5, jobseekerId: 'J1', vacancyId: 'V1', unit: 'unit-1', consent: true, deadline: '2026-12-03' },
    { suggestion: 6, jobseekerId: 'J1', vacancyId: 'V1', unit: 'unit-1', consent: false, deadline: '2026-12-02' },
  ];
  let seen: string | null = null;
  const asked: string[] = [];
  const service = new Notifications(
    {
      source: {
        unitChanges: async (since, _most, scope) => (asked.push(`changes ${since} ${JSON.stringify(scope)}`), changes),
        sharesWith: async (u) => (u === 'unit-1' ? shares : []),
        deadlinesPassed: async (from, before, _most, scope) => (asked.push(`deadlines ${from} ${before} ${JSON.stringify(scope)}`), passed),
      },
      seen: { get: async () => seen, set: async (_r, until) => void (seen = until) },
      guard: { reaches: (_p: Principal, id: string) => id === 'J1', jobseekerMunicipalities: (p: Principal) => (p.role === 'counsellor' ? new Set(['837']) : undefined) } as unknown as Guard,
      ownerOf: async (v) => (v === 'V1' ? 'unit-1' : 'unit-2'),
      vacancyTitle: async (v) => `title ${v}`,
      candidate: async (v, j) => ({ id: `cand-${v}-${j}`, name: `Name ${j}` }),
      clientName: async (j) => `Client ${j}`,
      now: () => NOW,
    },
    { days: 14, most: 50, scan: 100 },
  );
  return { service, asked };
}

describe('Notifications (use cases in process, source doubles)', () => {
  it("a counsellor: units' changes and passed deadlines of their area's clients only, newest first, over the last days", async () => {
    const { service, asked } = setup();
    const audit = unaudited();
    const { items, unread } = await service.list(counsellor, audit);
    expect(items.map((n) => `${n.kind}:${n.id}:${n.jobseekerId}:${n.name}`)).toEqual([
      'state-changed:state-2:J1:Client J1',
      'deadline-passed:deadline-5:J1:Client J1',
      'deadline-passed:deadline-6:J1:Client J1',
    ]);
    expect(unread).toBe(3);
    expect(audit.jobseekers).toEqual(['J1']);
    expect(asked).toEqual(['deadlines 2026-11-22 2026-12-06 {"municipalities":["837"]}', 'changes 2026-11-22T10:00:00.000Z {"municipalities":["837"]}']);
  });

  it('a unit: clients shared for its own vacancies and deadlines of those shared with it, by pseudonym, never the id', async () => {
    const { service } = setup();
    const audit = unaudited();
    const { items } = await service.list(unit, audit);
    expect(items.map((n) => `${n.kind}:${n.jobseekerId}:${n.name}`)).toEqual(['shared:cand-V1-J1:Name J1', 'deadline-passed:cand-V1-J1:Name J1']);
    expect(JSON.stringify(items)).not.toContain('"J1"');
    expect(audit.jobseekers).toEqual(['J1']);
  });

  it('marks read up to a moment, at the latest now', async () => {
    const { service } = setup();
    const read = await service.markSeen(counsellor, { until: '2026-12-05T08:30:00Z' });
    expect(read.items.filter((n) => n.unread).map((n) => n.id)).toEqual(['state-2']);
    const all = await service.markSeen(counsellor, { until: '2030-01-01T00:00:00Z' });
    expect(all.seenUntil).toBe(NOW.toISOString());
    expect(all.unread).toBe(0);
  });
});

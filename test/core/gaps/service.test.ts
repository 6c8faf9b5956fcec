import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../src/core/access.js';
import type { AuditNote } from '../../../src/core/audit-note.js';
import { forbidden } from '../../../src/core/errors.js';
import { Gaps } from '../../../src/core/gaps/service.js';

const counsellor: Principal = { keyId: 'kc', name: 'c', role: 'counsellor', organisation: { id: 'tre', kind: 'employment-area', area: 'tampere' } };
const request = { reach: 'region' as const, includeZero: false, lang: 'fi' as const };

function gaps() {
  const asked: string[] = [];
  const service = new Gaps({
    guard: {
      jobseeker: async (_p, id) => {
        if (id === 'HKI') throw forbidden('another area');
      },
    },
    gaps: {
      forJobseeker: async (id) => (asked.push(`client ${id}`), { skills: [{ uri: 's1', uplift: 3, label: 'x' }] }) as never,
      forVacancy: async (id, vacancy) => (asked.push(`${id} to ${vacancy}`), { vacancy }) as never,
    },
  });
  return { service, asked };
}

describe("Gaps: a client's gap report, as the client's area may ask it", () => {
  it('notes the client and the skills reported with what each would open', async () => {
    const { service } = gaps();
    const audit: AuditNote = { jobseekers: [] };
    await service.of(counsellor, 'TRE', request, audit);
    expect(audit).toEqual({ jobseekers: ['TRE'], detail: { skills: [{ uri: 's1', uplift: 3 }] } });
  });

  it('answers the gap to one vacancy without a skill list in the audit', async () => {
    const { service, asked } = gaps();
    const audit: AuditNote = { jobseekers: [] };
    expect(await service.of(counsellor, 'TRE', { ...request, vacancy: 'V1' }, audit)).toEqual({ vacancy: 'V1' });
    expect(asked).toEqual(['TRE to V1']);
    expect(audit).toEqual({ jobseekers: ['TRE'] });
  });

  it("gives each training offered its measured effect in the client's area where there is enough evidence, as What works published it", async () => {
    const asked: string[] = [];
    const offer = (id: string) => ({ id, title: id });
    const service = new Gaps({
      guard: { jobseeker: async () => undefined },
      gaps: {
        forJobseeker: async () => ({ skills: [{ uri: 's1', uplift: 3, label: 'x', trainings: [offer('T-1'), offer('T-2')] }] }) as never,
        forVacancy: async () => ({ vacancy: 'V1', missingSkills: [{ uri: 's1', trainings: [offer('T-1')] }] }) as never,
      },
      measuredFor: async (id) => (
        asked.push(id),
        new Map([['T-1', { months: 6, participants: 25, effect: 0.2, low: 0.01, high: 0.4 }]])
      ),
    });
    const report = (await service.of(counsellor, 'TRE', request, { jobseekers: [] })) as unknown as { skills: { trainings: object[] }[] };
    expect(report.skills[0]!.trainings).toEqual([
      { id: 'T-1', title: 'T-1', measured: { months: 6, effect: 0.2, low: 0.01, high: 0.4, participants: 25 } },
      { id: 'T-2', title: 'T-2' },
    ]);
    const gap = (await service.of(counsellor, 'TRE', { ...request, vacancy: 'V1' }, { jobseekers: [] })) as unknown as { missingSkills: { trainings: { measured?: object }[] }[] };
    expect(gap.missingSkills[0]!.trainings[0]!.measured).toMatchObject({ effect: 0.2 });
    expect(asked).toEqual(['TRE', 'TRE']);
  });

  it("refuses another area's client before any analysis, and the refusal still names the client in the audit", async () => {
    const { service, asked } = gaps();
    const audit: AuditNote = { jobseekers: [] };
    await expect(service.of(counsellor, 'HKI', request, audit)).rejects.toMatchObject({ code: 'forbidden' });
    expect(asked).toEqual([]);
    expect(audit.jobseekers).toEqual(['HKI']);
  });
});

import { describe, expect, it } from 'vitest';
import { Decisions, type DecisionLog, type DecisionRecord } from '../../../src/core/oversight/decisions.js';
import { hit, principals } from '../../helpers/hits.js';

/** TEST DOUBLE — a decision log in an array (the SQLite one is tested in test/adapters/sqlite/decision-log.test.ts). */
function memoryLog() {
  const records: DecisionRecord[] = [];
  const calls: string[] = [];
  const log: DecisionLog = {
    record: (d) => void records.push(d),
    forJobseeker: async (id, limit) => (calls.push(`for:${id}:${limit}`), records.filter((r) => r.direction === 'vacancies' && r.subject === id).map((r, i) => ({ ...r, id: i + 1 }))),
    appearancesOf: async (id, limit) => (calls.push(`appearances:${id}:${limit}`), []),
    candidateRankings: async () => [],
    extent: async () => '',
    eraseJobseeker: async (id) => void calls.push(`erase:${id}`),
    pruneBefore: async (at) => (calls.push(`prune:${at}`), 2),
  };
  return { log, records, calls };
}

describe('Decisions', () => {
  it('records each ranking served with the real ids, the subject and its area, the key and the context in use', () => {
    const { log, records } = memoryLog();
    let context = { model: 'm1', taxonomy: 't1', settings: { w: 1 } };
    const asked: string[] = [];
    const decisions = new Decisions(
      { log, context: () => ({ ...context }), municipalityOf: (kind, id) => (asked.push(`${kind}:${id}`), '837') },
      30,
      () => new Date('2026-12-06T10:00:00Z'),
    );
    decisions.served(principals.tampereCounsellor, 'vacancies', [hit('V-1', { score: 0.9 }), hit('V-2', { score: 0.5 })], 'J-1');
    decisions.served(principals.unitA, 'candidates', [hit('J-1')], 'V-1');
    decisions.served(undefined, 'text-candidates', [hit('J-2')]);
    expect(asked).toEqual(['jobseeker:J-1', 'vacancy:V-1']);
    expect(records[0]).toEqual({
      at: '2026-12-06T10:00:00.000Z',
      direction: 'vacancies',
      subject: 'J-1',
      area: '837',
      keyId: 'k-tre',
      context: { model: 'm1', taxonomy: 't1', settings: { w: 1 } },
      ranked: [
        { id: 'V-1', score: 0.9, parts: hit('V-1').parts },
        { id: 'V-2', score: 0.5, parts: hit('V-2').parts },
      ],
    });
    expect(records[2]).toEqual({ at: '2026-12-06T10:00:00.000Z', direction: 'text-candidates', context: records[0]!.context, ranked: [{ id: 'J-2', score: 0.8, parts: hit('J-2').parts }] });
    // The same context object while nothing changes (the log stores it once), a new one when the model does.
    expect(records[1]!.context).toBe(records[0]!.context);
    context = { ...context, model: 'm2' };
    decisions.served(undefined, 'vacancies', [], 'J-1');
    expect(records[3]!.context).not.toBe(records[0]!.context);
    expect(records[3]!.context.model).toBe('m2');
  });

  it("exports a jobseeker's rankings with positions from 1, and their places in others' (up to 1000)", async () => {
    const { log, calls } = memoryLog();
    const decisions = new Decisions({ log, context: () => ({ model: 'm', taxonomy: 't', settings: {} }), municipalityOf: () => undefined }, 30, () => new Date('2026-12-06T10:00:00Z'));
    decisions.served(undefined, 'vacancies', [hit('V-1', { score: 0.9 }), hit('V-2', { score: 0.5 })], 'J-1');
    expect(await decisions.ofJobseeker('J-1')).toEqual({
      rankingsForThem: [
        {
          at: '2026-12-06T10:00:00.000Z',
          model: 'm',
          taxonomy: 't',
          vacancies: [
            { vacancy: 'V-1', position: 1, score: 0.9, parts: hit('V-1').parts },
            { vacancy: 'V-2', position: 2, score: 0.5, parts: hit('V-2').parts },
          ],
        },
      ],
      appearancesInCandidateRankings: [],
    });
    expect(calls).toEqual(['for:J-1:1000', 'appearances:J-1:1000']);
  });

  it('prunes what is older than the retention period, and erases a person from the log', async () => {
    const { log, calls } = memoryLog();
    const decisions = new Decisions({ log, context: () => ({ model: 'm', taxonomy: 't', settings: {} }), municipalityOf: () => undefined }, 30, () => new Date('2026-12-06T10:00:00Z'));
    expect(await decisions.prune()).toBe(2);
    await decisions.eraseJobseeker('J-1');
    expect(calls).toEqual(['prune:2026-11-06T10:00:00.000Z', 'erase:J-1']);
    expect(decisions.retentionDays).toBe(30);
  });
});

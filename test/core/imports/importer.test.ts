import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FieldProblem } from '../../../src/core/errors.js';
import { importRecords, type BatchSink, type ImportCheckpoint, type ReadRecord } from '../../../src/core/imports/importer.js';

const schema = z.object({ id: z.string().min(1), n: z.number() }).strict();

async function* source(records: ReadRecord[]): AsyncIterable<ReadRecord> {
  for (const r of records) yield r;
}
const row = (line: number, record: Record<string, unknown> | undefined, unmapped: string[] = [], problems: FieldProblem[] = []): ReadRecord => ({ line, record, problems, unmapped });
const rows = (n: number) => Array.from({ length: n }, (_, i) => row(i + 1, { id: `R${i + 1}`, n: i + 1 }));

/**
 * TEST DOUBLE — the service's bulk route as a map: stores each batch atomically, answering created,
 * updated or unchanged; `refuse` picks records it refuses by their 1-based position in the batch
 * (as the route names them), `listAtMost` how many of those refusals it lists (the route lists 100).
 */
function store(options: { refuse?: (record: z.output<typeof schema>) => boolean; refuseWhole?: string; listAtMost?: number } = {}) {
  const stored = new Map<string, string>();
  const batches: string[][] = [];
  const sink: BatchSink = {
    async send(sent) {
      // What the importer sends has passed the schema.
      const records = sent.map((r) => schema.parse(r));
      batches.push(records.map((r) => String(r.id)));
      if (options.refuseWhole) return { refused: [], message: options.refuseWhole };
      const refused = records.flatMap((r, i) => (options.refuse?.(r) ? [{ line: i + 1, field: 'id', message: `refused ${String(r.id)}` }] : []));
      if (refused.length > 0) return { refused: refused.slice(0, options.listAtMost ?? refused.length), message: '400' };
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      for (const [i, r] of records.entries()) {
        const json = JSON.stringify(sent[i]);
        const before = stored.get(String(r.id));
        if (before === undefined) created++;
        else if (before === json) unchanged++;
        else updated++;
        stored.set(String(r.id), json);
      }
      return { created, updated, unchanged };
    },
  };
  return { sink, stored, batches };
}

describe('importRecords', () => {
  it('stores valid records in batches, reports refused ones with their line and field, and counts unmapped fields by kind', async () => {
    const { sink, batches } = store();
    const summary = await importRecords(
      source([
        row(1, { id: 'A', n: 1 }, ["column 'x'"]),
        row(2, { id: '', n: 2 }),
        row(3, undefined, [], [{ field: 'municipality', message: 'unknown municipality' }]),
        row(4, { id: 'B', n: 4 }, ["column 'y'"]),
        row(5, { id: 'C', n: 5, extra: true }),
        row(6, { id: 'D', n: 6 }),
      ]),
      schema,
      sink,
      { batchSize: 2 },
    );
    expect(batches).toEqual([['A', 'B'], ['D']]);
    expect(summary).toEqual({
      read: 6,
      created: 3,
      updated: 0,
      unchanged: 0,
      refused: [
        { line: 2, field: 'id', message: expect.any(String) },
        { line: 3, field: 'municipality', message: 'unknown municipality' },
        { line: 5, field: 'extra', message: expect.any(String) },
      ],
      unmapped: new Map([['column …', 2]]),
    });
  });

  it('counts a record sent again unchanged as unchanged, and a changed one as updated', async () => {
    const { sink } = store();
    await importRecords(source(rows(3)), schema, sink, { batchSize: 10 });
    const again = await importRecords(source([...rows(2), row(3, { id: 'R3', n: 33 })]), schema, sink, { batchSize: 10 });
    expect([again.created, again.updated, again.unchanged]).toEqual([0, 1, 2]);
  });

  it('sends a batch again without the records the service refused by position', async () => {
    const { sink, stored, batches } = store({ refuse: (r) => r.id === 'R2' });
    const summary = await importRecords(source(rows(4)), schema, sink, { batchSize: 4 });
    expect(batches).toEqual([['R1', 'R2', 'R3', 'R4'], ['R1', 'R3', 'R4']]);
    expect([...stored.keys()]).toEqual(['R1', 'R3', 'R4']);
    expect(summary.refused).toEqual([{ line: 2, field: 'id', message: 'refused R2' }]);
    expect(summary.created).toBe(3);
  });

  it('reports every record of a batch refused as a whole', async () => {
    const { sink } = store({ refuseWhole: '403: vacancy belongs to another unit' });
    const summary = await importRecords(source(rows(3)), schema, sink, { batchSize: 2 });
    expect(summary.refused).toEqual([1, 2, 3].map((line) => ({ line, field: 'batch', message: '403: vacancy belongs to another unit' })));
    expect(summary.created).toBe(0);
  });

  it('accounts for every record read, also when the service lists only some of its refusals each time', async () => {
    // Five refused records, one listed per answer: three answers list three; the rest of the batch must not vanish.
    const { sink, stored } = store({ refuse: (r) => Number(r.n) <= 5, listAtMost: 1 });
    const summary = await importRecords(source(rows(8)), schema, sink, { batchSize: 8 });
    expect(summary.created + summary.updated + summary.unchanged + new Set(summary.refused.map((r) => r.line)).size).toBe(summary.read);
    expect(summary.refused.map((r) => [r.line, r.field])).toEqual([
      [1, 'id'],
      [2, 'id'],
      [3, 'id'],
      ...[4, 5, 6, 7, 8].map((line) => [line, 'batch']),
    ]);
    expect(summary.refused[3]!.message).toBe('not stored: the batch was refused 3 times (400); import it again');
    expect(stored.size).toBe(0);
  });

  it('checkpoints after each batch and resumes after the line reached, continuing the summary', async () => {
    const checkpoints: ImportCheckpoint[] = [];
    const first = store();
    await importRecords(source(rows(5)), schema, first.sink, { batchSize: 2, onCheckpoint: (c) => checkpoints.push(structuredClone(c)) });
    expect(checkpoints.map((c) => [c.line, c.summary.created])).toEqual([
      [2, 2],
      [4, 4],
      [5, 5],
    ]);
    // Interrupted after the second batch: resumed from its checkpoint, lines 1–4 are not read again.
    const resumed = store();
    const summary = await importRecords(source(rows(6)), schema, resumed.sink, { batchSize: 2, resumeFrom: checkpoints[1] });
    expect(resumed.batches).toEqual([['R5', 'R6']]);
    expect([summary.read, summary.created]).toEqual([6, 6]);
    // The checkpoint's summary is not changed by the resumed run.
    expect(checkpoints[1]!.summary.read).toBe(4);
  });
});

import type pg from 'pg';
import type { OutcomeEvent, StoredOutcome } from '../../core/outcomes/schema.js';
import type { OutcomeStore } from '../../core/outcomes/service.js';
import { inTransaction } from './pool.js';

type Row = { jobseeker_id: string; event: OutcomeEvent; happened_on: string; source: string | null; imported_at: string; actor: string };

/**
 * Labour-market outcomes in PostgreSQL (see SqliteOutcomeStore): one row per client, event and day
 * (the table's unique key: an import again, or two at once, stores nothing twice). Erased with the client.
 */
export class PostgresOutcomeStore implements OutcomeStore {
  constructor(private readonly pool: pg.Pool) {}

  async addMany(outcomes: StoredOutcome[]): Promise<number> {
    if (outcomes.length === 0) return 0;
    return inTransaction(this.pool, async (c) => {
      // One statement for the batch; ON CONFLICT DO NOTHING counts only the rows new to the table.
      const { rowCount } = await c.query(
        `INSERT INTO outcomes (jobseeker_id, event, happened_on, source, imported_at, actor)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
         ON CONFLICT (jobseeker_id, event, happened_on) DO NOTHING`,
        [
          outcomes.map((o) => o.jobseekerId),
          outcomes.map((o) => o.event),
          outcomes.map((o) => o.date),
          outcomes.map((o) => o.source),
          outcomes.map((o) => o.importedAt),
          outcomes.map((o) => o.importedBy),
        ],
      );
      return rowCount ?? 0;
    });
  }

  async countStored(outcomes: Pick<StoredOutcome, 'jobseekerId' | 'event' | 'date'>[]): Promise<number> {
    if (outcomes.length === 0) return 0;
    const { rows } = await this.pool.query<{ n: number }>(
      `SELECT count(*) AS n FROM unnest($1::text[], $2::text[], $3::text[]) AS q (jobseeker_id, event, happened_on)
       JOIN outcomes o USING (jobseeker_id, event, happened_on)`,
      [outcomes.map((o) => o.jobseekerId), outcomes.map((o) => o.event), outcomes.map((o) => o.date)],
    );
    return rows[0]!.n;
  }

  async ofJobseeker(jobseekerId: string): Promise<StoredOutcome[]> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM outcomes WHERE jobseeker_id = $1 ORDER BY happened_on, id', [jobseekerId]);
    return rows.map((r) => ({ jobseekerId: r.jobseeker_id, event: r.event, date: r.happened_on, source: r.source, importedAt: r.imported_at, importedBy: r.actor }));
  }

  async forgetJobseeker(jobseekerId: string): Promise<void> {
    await this.pool.query('DELETE FROM outcomes WHERE jobseeker_id = $1', [jobseekerId]);
  }
}

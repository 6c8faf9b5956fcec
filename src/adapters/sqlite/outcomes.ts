import type { OutcomeEvent, StoredOutcome } from '../../core/outcomes/schema.js';
import type { OutcomeStore } from '../../core/outcomes/service.js';
import type { Db } from './database.js';

type Row = { jobseeker_id: string; event: OutcomeEvent; happened_on: string; source: string | null; imported_at: string; actor: string };

/**
 * Labour-market outcomes from registers (see src/core/outcomes/service.ts): one row per client,
 * event and day (the table's unique key), so an import again stores nothing twice. Personal data:
 * erased with the client.
 */
export class SqliteOutcomeStore implements OutcomeStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      insert: db.prepare<[string, string, string, string | null, string, string]>(
        'INSERT OR IGNORE INTO outcomes (jobseeker_id, event, happened_on, source, imported_at, actor) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      stored: db.prepare<[string, string, string], { n: number }>('SELECT count(*) AS n FROM outcomes WHERE jobseeker_id = ? AND event = ? AND happened_on = ?'),
      ofJobseeker: db.prepare<[string], Row>('SELECT * FROM outcomes WHERE jobseeker_id = ? ORDER BY happened_on, id'),
      forget: db.prepare<[string]>('DELETE FROM outcomes WHERE jobseeker_id = ?'),
    };
  }

  async addMany(outcomes: StoredOutcome[]): Promise<number> {
    return this.db.transaction(() => {
      let created = 0;
      for (const o of outcomes) created += this.s.insert.run(o.jobseekerId, o.event, o.date, o.source, o.importedAt, o.importedBy).changes;
      return created;
    }).immediate();
  }

  async countStored(outcomes: Pick<StoredOutcome, 'jobseekerId' | 'event' | 'date'>[]): Promise<number> {
    return outcomes.reduce((n, o) => n + this.s.stored.get(o.jobseekerId, o.event, o.date)!.n, 0);
  }

  async ofJobseeker(jobseekerId: string): Promise<StoredOutcome[]> {
    return this.s.ofJobseeker.all(jobseekerId).map((r) => ({
      jobseekerId: r.jobseeker_id,
      event: r.event,
      date: r.happened_on,
      source: r.source,
      importedAt: r.imported_at,
      importedBy: r.actor,
    }));
  }

  async forgetJobseeker(jobseekerId: string): Promise<void> {
    this.s.forget.run(jobseekerId);
  }
}

import type pg from 'pg';
import type { TrainingStore } from '../../core/trainings.js';
import type { StoredTraining } from '../../core/trainings/schema.js';
import { inTransaction } from './pool.js';

/** The training catalogue in PostgreSQL: one jsonb row per training; every change bumps the `trainings` generation (see the SQLite store). */
export class PostgresTrainingStore implements TrainingStore {
  constructor(private readonly pool: pg.Pool) {}

  async get(id: string): Promise<StoredTraining | undefined> {
    const { rows } = await this.pool.query<{ record: StoredTraining }>('SELECT record FROM trainings WHERE id = $1', [id]);
    return rows[0]?.record;
  }

  async all(): Promise<StoredTraining[]> {
    const { rows } = await this.pool.query<{ record: StoredTraining }>('SELECT record FROM trainings ORDER BY id');
    return rows.map((r) => r.record);
  }

  async saveAll(trainings: StoredTraining[], derivedBy: string): Promise<void> {
    if (trainings.length === 0) return;
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO trainings (id, record, derived_by, updated_at) SELECT id, record, $3, updated_at FROM unnest($1::text[], $2::jsonb[], $4::text[]) AS t(id, record, updated_at)
         ON CONFLICT (id) DO UPDATE SET record = excluded.record, derived_by = excluded.derived_by, updated_at = excluded.updated_at`,
        [trainings.map((t) => t.id), trainings.map((t) => JSON.stringify(t)), derivedBy, trainings.map((t) => t.updatedAt)],
      );
      await client.query(`UPDATE generations SET generation = generation + 1 WHERE kind = 'trainings'`);
    });
  }

  async remove(id: string): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const removed = (await client.query('DELETE FROM trainings WHERE id = $1', [id])).rowCount === 1;
      if (removed) await client.query(`UPDATE generations SET generation = generation + 1 WHERE kind = 'trainings'`);
      return removed;
    });
  }

  async generation(): Promise<number> {
    const { rows } = await this.pool.query<{ generation: number }>(`SELECT generation FROM generations WHERE kind = 'trainings'`);
    return rows[0]!.generation;
  }

  async stale(derivedBy: string): Promise<StoredTraining[]> {
    const { rows } = await this.pool.query<{ record: StoredTraining }>('SELECT record FROM trainings WHERE derived_by <> $1 ORDER BY id', [derivedBy]);
    return rows.map((r) => r.record);
  }
}

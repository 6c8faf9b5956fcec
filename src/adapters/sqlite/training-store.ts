import type { TrainingStore } from '../../core/trainings.js';
import type { StoredTraining } from '../../core/trainings/schema.js';
import type { Db } from './database.js';
import { recordOf } from '../rows/records.js';

/** The training catalogue in SQLite: one JSON row per training. */
export class SqliteTrainingStore implements TrainingStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      get: db.prepare<[string], { record: string }>('SELECT record FROM trainings WHERE id = ?'),
      all: db.prepare<[], { record: string }>('SELECT record FROM trainings ORDER BY id'),
      upsert: db.prepare<[string, string, string, string]>(
        `INSERT INTO trainings (id, record, derived_by, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET record = excluded.record, derived_by = excluded.derived_by, updated_at = excluded.updated_at`,
      ),
      remove: db.prepare<[string]>('DELETE FROM trainings WHERE id = ?'),
      stale: db.prepare<[string, string], { record: string }>('SELECT record FROM trainings WHERE derived_by < ? OR derived_by > ?'),
      generation: db.prepare<[], number>(`SELECT generation FROM generations WHERE kind = 'trainings'`).pluck(),
      bump: db.prepare(`UPDATE generations SET generation = generation + 1 WHERE kind = 'trainings'`),
    };
  }

  async get(id: string): Promise<StoredTraining | undefined> {
    const row = this.s.get.get(id);
    return row && recordOf<StoredTraining>(row.record);
  }

  async all(): Promise<StoredTraining[]> {
    return this.s.all.all().map((r) => recordOf<StoredTraining>(r.record));
  }

  async saveAll(trainings: StoredTraining[], derivedBy: string): Promise<void> {
    this.db.transaction(() => {
      for (const t of trainings) this.s.upsert.run(t.id, JSON.stringify(t), derivedBy, t.updatedAt);
      if (trainings.length > 0) this.s.bump.run();
    }).immediate();
  }

  async remove(id: string): Promise<boolean> {
    return this.db.transaction(() => {
      const removed = this.s.remove.run(id).changes === 1;
      if (removed) this.s.bump.run();
      return removed;
    }).immediate();
  }

  async generation(): Promise<number> {
    return this.s.generation.get()!;
  }

  async stale(derivedBy: string): Promise<StoredTraining[]> {
    return this.s.stale.all(derivedBy, derivedBy).map((r) => recordOf<StoredTraining>(r.record));
  }
}

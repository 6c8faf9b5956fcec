import type pg from 'pg';
import { inTransaction } from './pool.js';

/**
 * The limits that keep pseudonymous candidates from being harvested, in PostgreSQL (see the SQLite
 * CandidateBudgetStore): distinct candidates per organisation and day, ad-hoc searches per key in
 * a sliding window. Each check and its count are one transaction holding an advisory lock on what
 * it counts, so that two nodes cannot both take the last place.
 */
export class PostgresCandidateBudgetStore {
  constructor(private readonly pool: pg.Pool) {}

  /** Counts `subjects` as seen by the organisation on `day`, unless that would take its distinct candidates past `limit` (then nothing is counted). */
  async views(organisation: string, day: string, subjects: string[], limit: number): Promise<{ admitted: boolean; used: number }> {
    return inTransaction(this.pool, async (client) => {
      await lock(client, `candidate-views:${organisation}:${day}`);
      const distinct = [...new Set(subjects)];
      const { rows } = await client.query<{ used: number; seen: string[] | null }>(
        `SELECT count(*) AS used, array_agg(subject) FILTER (WHERE subject = ANY($3::text[])) AS seen FROM candidate_views WHERE organisation = $1 AND day = $2`,
        [organisation, day, distinct],
      );
      const used = rows[0]!.used;
      const seen = new Set(rows[0]!.seen ?? []);
      const fresh = distinct.filter((s) => !seen.has(s));
      if (used + fresh.length > limit) return { admitted: false, used };
      if (fresh.length > 0) {
        await client.query('INSERT INTO candidate_views (organisation, day, subject) SELECT $1, $2, unnest($3::text[]) ON CONFLICT DO NOTHING', [organisation, day, fresh]);
      }
      return { admitted: true, used: used + fresh.length };
    });
  }

  /** One more ad-hoc search by the key at `now` (ms), unless `limit` were made in the window before. */
  async search(keyId: string, now: number, windowMs: number, limit: number): Promise<{ admitted: boolean; retryAfterMs: number }> {
    return inTransaction(this.pool, async (client) => {
      await lock(client, `adhoc-searches:${keyId}`);
      const { rows } = await client.query<{ at: number }>('SELECT at FROM adhoc_searches WHERE key_id = $1 AND at > $2 ORDER BY at', [keyId, now - windowMs]);
      if (rows.length >= limit) return { admitted: false, retryAfterMs: rows[0]!.at + windowMs - now };
      await client.query('INSERT INTO adhoc_searches (key_id, at) VALUES ($1, $2)', [keyId, now]);
      return { admitted: true, retryAfterMs: 0 };
    });
  }

  /** Drops counts no limit reads any more (days before `day`, searches before `before` ms). */
  async prune(day: string, before: number): Promise<void> {
    await this.pool.query('DELETE FROM candidate_views WHERE day < $1', [day]);
    await this.pool.query('DELETE FROM adhoc_searches WHERE at <= $1', [before]);
  }

  /** Erasure: the keyed hash of an erased jobseeker leaves the counts too. */
  async forgetSubject(subject: string): Promise<void> {
    await this.pool.query('DELETE FROM candidate_views WHERE subject = $1', [subject]);
  }
}

/** An advisory lock on one thing counted, held until the transaction ends. */
const lock = (client: pg.PoolClient, what: string) => client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 35))', [what]);

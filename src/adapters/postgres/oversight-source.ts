import type pg from 'pg';
import type { GroupFacts } from '../../core/oversight/exposure.js';
import type { SqliteOversightSource } from '../sqlite/oversight-source.js';

// jsonb values (->), so that a number stays a number as SQLite's ->> gives it.
type Row = { id: string; municipality: string; birth_year: number | null; gender: string | null; mother_tongue: string | null; unemployed_since: string | null };

const FACTS = `j.id, j.municipality, j.record -> 'birthYear' AS birth_year, j.record -> 'gender' AS gender,
  j.record -> 'motherTongue' AS mother_tongue, j.record -> 'unemployedSince' AS unemployed_since`;

const facts = (r: Row): GroupFacts => ({
  municipality: r.municipality,
  ...(r.birth_year !== null ? { birthYear: r.birth_year } : {}),
  ...(r.gender !== null ? { gender: r.gender } : {}),
  ...(r.mother_tongue !== null ? { motherTongue: r.mother_tongue } : {}),
  ...(r.unemployed_since !== null ? { unemployedSince: r.unemployed_since } : {}),
});

/** What the exposure report calls (the SQLite adapter's public methods). */
export type OversightPort = Pick<SqliteOversightSource, 'factsOf' | 'eligible' | 'openVacancies'>;

/**
 * The exposure report's reads in PostgreSQL: jobseekers' group facts and open vacancies by place.
 * Unlike SQLite's, `eligible` reads the area's rows at once (no cursor: pg-cursor would be another
 * dependency); ~100 bytes a jobseeker.
 */
export class PostgresOversightSource implements OversightPort {
  constructor(private readonly pool: pg.Pool) {}

  async factsOf(ids: string[]): Promise<Map<string, GroupFacts>> {
    const { rows } = await this.pool.query<Row>(`SELECT ${FACTS} FROM jobseekers j WHERE j.id = ANY($1::text[])`, [ids]);
    return new Map(rows.map((r) => [r.id, facts(r)]));
  }

  async eligible(municipalities: string[] | undefined): Promise<Iterable<GroupFacts>> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${FACTS} FROM jobseekers j WHERE j.matchable = 1 AND ($1::text[] IS NULL OR j.municipality = ANY($1::text[])) ORDER BY j.label`,
      [municipalities ?? null],
    );
    return rows.map(facts);
  }

  async openVacancies(municipalities: string[] | undefined): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      'SELECT v.id FROM vacancies v WHERE v.matchable = 1 AND ($1::text[] IS NULL OR v.municipality = ANY($1::text[])) ORDER BY v.id',
      [municipalities ?? null],
    );
    return rows.map((r) => r.id);
  }
}

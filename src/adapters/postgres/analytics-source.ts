import type pg from 'pg';
import { dayOf, type Clock } from '../../core/clock.js';
import type { AnalyticsFilter, AnalyticsSource, OccupationCountRow, SkillCountRow } from '../../core/ports.js';

type Side = 'vacancies' | 'jobseekers';

/**
 * The planners' aggregates in PostgreSQL over the analytics facts (kept by the baseline's triggers,
 * as SQLite's): open vacancies and active jobseekers, grouped by the occupation as entered (see
 * SqliteAnalyticsSource). Sums are cast back to bigint (PostgreSQL sums bigint as numeric).
 */
export class PostgresAnalyticsSource implements AnalyticsSource {
  constructor(
    private readonly pool: pg.Pool,
    /** Today, for the vacancies still open when a filter names no day: the service's clock. */
    private readonly now: Clock = () => new Date(),
  ) {}

  async vacancySkills(filter: AnalyticsFilter, importance: 'essential' | 'optional'): Promise<SkillCountRow[]> {
    return this.skills('vacancies', filter, importance);
  }

  async jobseekerSkills(filter: AnalyticsFilter): Promise<SkillCountRow[]> {
    return this.skills('jobseekers', filter, 'has');
  }

  async vacancyOccupations(filter: AnalyticsFilter): Promise<OccupationCountRow[]> {
    const { where, params } = conditions('vacancies', filter, dayOf(this.now()), 1);
    return this.rows(
      `SELECT r.occupation, count(*) AS records, sum(r.positions)::bigint AS positions, 0 AS "longTerm" FROM analytics_records r WHERE ${where} GROUP BY 1`,
      params,
    );
  }

  async jobseekerOccupations(filter: AnalyticsFilter, longTermSince: string): Promise<OccupationCountRow[]> {
    const { where, params } = conditions('jobseekers', filter, dayOf(this.now()), 2);
    return this.rows(
      `SELECT r.occupation, count(*) AS records, count(*) AS positions, coalesce(sum((r.unemployed_since <= $1)::int), 0)::bigint AS "longTerm"
       FROM analytics_records r WHERE ${where} GROUP BY 1`,
      [longTermSince, ...params],
    );
  }

  async vacancyIds(filter: AnalyticsFilter): Promise<string[]> {
    const { where, params } = conditions('vacancies', filter, dayOf(this.now()), 1);
    const rows = await this.rows<{ id: string }>(`SELECT v.id FROM analytics_records r JOIN vacancies v ON v.label = r.label WHERE ${where} ORDER BY v.id`, params);
    return rows.map((r) => r.id);
  }

  async jobseekerIds(filter: AnalyticsFilter, longTermSince?: string): Promise<string[]> {
    const { where, params } = conditions('jobseekers', filter, dayOf(this.now()), 1);
    const longTerm = longTermSince === undefined ? '' : ` AND r.unemployed_since <= $${params.length + 1}`;
    const rows = await this.rows<{ id: string }>(
      `SELECT j.id FROM analytics_records r JOIN jobseekers j ON j.label = r.label WHERE ${where}${longTerm} ORDER BY j.id`,
      [...params, ...(longTermSince === undefined ? [] : [longTermSince])],
    );
    return rows.map((r) => r.id);
  }

  private async skills(side: Side, filter: AnalyticsFilter, importance: string): Promise<SkillCountRow[]> {
    const { where, params } = conditions(side, filter, dayOf(this.now()), 2);
    return this.rows(
      `SELECT r.occupation, s.uri, count(*) AS records, sum(r.positions)::bigint AS positions
       FROM analytics_records r JOIN analytics_skills s ON s.kind = r.kind AND s.label = r.label AND s.importance = $1
       WHERE ${where} GROUP BY 1, 2`,
      [importance, ...params],
    );
  }

  private async rows<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
    return (await this.pool.query<T>(sql, params)).rows;
  }
}

/** The WHERE clause for one side (open / active, area, publication window, language), its parameters numbered from `first`. */
function conditions(side: Side, filter: AnalyticsFilter, today: string, first: number): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${first + params.length - 1}`;
  };
  const clauses = [`r.kind = ${p(side)}`, 'r.active = 1'];
  if (filter.municipalities) clauses.push(`r.municipality = ANY(${p(filter.municipalities)}::text[])`);
  if (side === 'vacancies') {
    // Expired vacancies are never demand, even before the hourly sweep marks them closed.
    clauses.push(`(r.expires IS NULL OR r.expires >= ${p(filter.openOn ?? today)})`);
    if (filter.from) clauses.push(`r.published >= ${p(filter.from)}`);
    if (filter.to) clauses.push(`r.published <= ${p(filter.to)}`);
  }
  if (filter.language) clauses.push(`strpos(r.languages, ${p(`,${filter.language},`)}) > 0`);
  return { where: clauses.join(' AND '), params };
}

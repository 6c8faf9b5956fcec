import type { AnalyticsFilter, AnalyticsSource, OccupationCountRow, SkillCountRow } from '../../core/ports.js';
import type { Db } from './database.js';

type Side = 'vacancies' | 'jobseekers';

/**
 * The planners' aggregates as SQL over the stored records: open vacancies and active jobseekers
 * (`matchable = 1`), skills read from the records' normalised concepts with json_each, grouped by
 * the occupation as entered so the core can resolve it against the taxonomy.
 */
export class SqliteAnalyticsSource implements AnalyticsSource {
  constructor(private readonly db: Db) {}

  vacancySkills(filter: AnalyticsFilter, importance: 'essential' | 'optional'): SkillCountRow[] {
    return this.skills('vacancies', filter, `$.normalized.${importance}`);
  }

  jobseekerSkills(filter: AnalyticsFilter): SkillCountRow[] {
    return this.skills('jobseekers', filter, '$.normalized.skills');
  }

  vacancyOccupations(filter: AnalyticsFilter): OccupationCountRow[] {
    const { where, params } = conditions('vacancies', filter);
    return this.db
      .prepare(
        `SELECT r.record ->> '$.occupation' AS occupation, count(*) AS records,
                sum(coalesce(r.record ->> '$.positions', 1)) AS positions, 0 AS longTerm
         FROM vacancies r WHERE ${where} GROUP BY 1`,
      )
      .all(...params) as OccupationCountRow[];
  }

  jobseekerOccupations(filter: AnalyticsFilter, longTermSince: string): OccupationCountRow[] {
    const { where, params } = conditions('jobseekers', filter);
    return this.db
      .prepare(
        `SELECT r.record ->> '$.occupation' AS occupation, count(*) AS records, count(*) AS positions,
                sum(coalesce(r.record ->> '$.unemployedSince' <= ?, 0)) AS longTerm
         FROM jobseekers r WHERE ${where} GROUP BY 1`,
      )
      .all(longTermSince, ...params) as OccupationCountRow[];
  }

  vacancyIds(filter: AnalyticsFilter): string[] {
    const { where, params } = conditions('vacancies', filter);
    return this.db.prepare(`SELECT id FROM vacancies r WHERE ${where} ORDER BY id`).pluck().all(...params) as string[];
  }

  jobseekerIds(filter: AnalyticsFilter, longTermSince?: string): string[] {
    const { where, params } = conditions('jobseekers', filter);
    const longTerm = longTermSince === undefined ? '' : ` AND r.record ->> '$.unemployedSince' <= ?`;
    return this.db
      .prepare(`SELECT id FROM jobseekers r WHERE ${where}${longTerm} ORDER BY id`)
      .pluck()
      .all(...params, ...(longTermSince === undefined ? [] : [longTermSince])) as string[];
  }

  private skills(side: Side, filter: AnalyticsFilter, path: string): SkillCountRow[] {
    const { where, params } = conditions(side, filter);
    const positions = side === 'vacancies' ? `coalesce(r.record ->> '$.positions', 1)` : '1';
    return this.db
      .prepare(
        `SELECT occupation, uri, count(*) AS records, sum(positions) AS positions FROM (
           SELECT DISTINCT r.label, r.record ->> '$.occupation' AS occupation, s.value ->> '$.uri' AS uri, ${positions} AS positions
           FROM ${side} r, json_each(r.record, '${path}') s WHERE ${where}
         ) GROUP BY 1, 2`,
      )
      .all(...params) as SkillCountRow[];
  }
}

/** The WHERE clause for one side: open / active, area, publication window (vacancies), language. */
function conditions(side: Side, filter: AnalyticsFilter): { where: string; params: string[] } {
  const clauses = ['r.matchable = 1'];
  const params: string[] = [];
  if (filter.municipalities) {
    clauses.push(`r.municipality IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(filter.municipalities));
  }
  if (side === 'vacancies') {
    const published = `coalesce(r.record ->> '$.publishedAt', substr(r.record ->> '$.createdAt', 1, 10))`;
    if (filter.from) {
      clauses.push(`${published} >= ?`);
      params.push(filter.from);
    }
    if (filter.to) {
      clauses.push(`${published} <= ?`);
      params.push(filter.to);
    }
  }
  if (filter.language) {
    clauses.push(`EXISTS (SELECT 1 FROM json_each(r.record, '$.languages') l WHERE l.value = ?)`);
    params.push(filter.language);
  }
  return { where: clauses.join(' AND '), params };
}

import type { AnalyticsFilter, AnalyticsSource, OccupationCountRow, SkillCountRow } from '../../core/ports.js';
import type { Db } from './database.js';
import { dayOf, type Clock } from '../../core/clock.js';

type Side = 'vacancies' | 'jobseekers';

/**
 * The planners' aggregates as SQL over the analytics facts (migration 5: one row per record and
 * one per record and skill concept, kept up to date by triggers): open vacancies and active
 * jobseekers, grouped by the occupation as entered so the core can resolve it against the taxonomy.
 * (CROSS JOIN keeps the area's records as the outer loop; left to itself the planner scanned every
 * skill row of the kind first, a constant ~180 ms at 80k records.)
 */
export class SqliteAnalyticsSource implements AnalyticsSource {
  constructor(
    private readonly db: Db,
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
    const { where, params } = conditions('vacancies', filter, dayOf(this.now()));
    return this.db
      .prepare<Params, OccupationCountRow>(`SELECT r.occupation, count(*) AS records, sum(r.positions) AS positions, 0 AS longTerm FROM analytics_records r WHERE ${where} GROUP BY 1`)
      .all(...params);
  }

  async jobseekerOccupations(filter: AnalyticsFilter, longTermSince: string): Promise<OccupationCountRow[]> {
    const { where, params } = conditions('jobseekers', filter, dayOf(this.now()));
    return this.db
      .prepare<Params, OccupationCountRow>(
        `SELECT r.occupation, count(*) AS records, count(*) AS positions, coalesce(sum(r.unemployed_since <= ?), 0) AS longTerm
         FROM analytics_records r WHERE ${where} GROUP BY 1`,
      )
      .all(longTermSince, ...params);
  }

  async vacancyIds(filter: AnalyticsFilter): Promise<string[]> {
    const { where, params } = conditions('vacancies', filter, dayOf(this.now()));
    return this.db
      .prepare<Params, string>(`SELECT v.id FROM analytics_records r JOIN vacancies v ON v.label = r.label WHERE ${where} ORDER BY v.id`)
      .pluck()
      .all(...params);
  }

  async jobseekerIds(filter: AnalyticsFilter, longTermSince?: string): Promise<string[]> {
    const { where, params } = conditions('jobseekers', filter, dayOf(this.now()));
    const longTerm = longTermSince === undefined ? '' : ' AND r.unemployed_since <= ?';
    return this.db
      .prepare<Params, string>(`SELECT j.id FROM analytics_records r JOIN jobseekers j ON j.label = r.label WHERE ${where}${longTerm} ORDER BY j.id`)
      .pluck()
      .all(...params, ...(longTermSince === undefined ? [] : [longTermSince]));
  }

  private skills(side: Side, filter: AnalyticsFilter, importance: string): SkillCountRow[] {
    const { where, params } = conditions(side, filter, dayOf(this.now()));
    return this.db
      .prepare<Params, SkillCountRow>(
        `SELECT r.occupation, s.uri, count(*) AS records, sum(r.positions) AS positions
         FROM analytics_records r CROSS JOIN analytics_skills s ON s.kind = r.kind AND s.label = r.label AND s.importance = ?
         WHERE ${where} GROUP BY 1, 2`,
      )
      .all(importance, ...params);
  }
}

/** The WHERE clause for one side: open / active, area, publication window (vacancies), language. */
/** A statement's bound parameters. */
type Params = (string | number)[];

function conditions(side: Side, filter: AnalyticsFilter, today: string): { where: string; params: Params } {
  const clauses = ['r.kind = ?', 'r.active = 1'];
  const params: (string | number)[] = [side];
  if (filter.municipalities) {
    clauses.push(`r.municipality IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(filter.municipalities));
  }
  if (side === 'vacancies') {
    // Expired vacancies are never demand, even before the hourly sweep marks them closed.
    clauses.push('(r.expires IS NULL OR r.expires >= ?)');
    params.push(filter.openOn ?? today);
  }
  if (side === 'vacancies' && filter.from) {
    clauses.push('r.published >= ?');
    params.push(filter.from);
  }
  if (side === 'vacancies' && filter.to) {
    clauses.push('r.published <= ?');
    params.push(filter.to);
  }
  if (filter.language) {
    clauses.push(`instr(r.languages, ?) > 0`);
    params.push(`,${filter.language},`);
  }
  return { where: clauses.join(' AND '), params };
}

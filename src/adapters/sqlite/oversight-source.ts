import type { GroupFacts } from '../../core/oversight/exposure.js';
import type { Db } from './database.js';

type Row = { id: string; municipality: string; birth_year: number | null; gender: string | null; mother_tongue: string | null; unemployed_since: string | null };

const FACTS = `j.id, j.municipality, j.record ->> '$.birthYear' AS birth_year, j.record ->> '$.gender' AS gender,
  j.record ->> '$.motherTongue' AS mother_tongue, j.record ->> '$.unemployedSince' AS unemployed_since`;

const facts = (r: Row): GroupFacts => ({
  municipality: r.municipality,
  ...(r.birth_year !== null ? { birthYear: r.birth_year } : {}),
  ...(r.gender !== null ? { gender: r.gender } : {}),
  ...(r.mother_tongue !== null ? { motherTongue: r.mother_tongue } : {}),
  ...(r.unemployed_since !== null ? { unemployedSince: r.unemployed_since } : {}),
});

/** The exposure report's reads: jobseekers' group facts, and open vacancies by place. */
export class SqliteOversightSource {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      of: db.prepare<[string], Row>(`SELECT ${FACTS} FROM jobseekers j WHERE j.id IN (SELECT value FROM json_each(?))`),
      eligible: db.prepare<[{ areas: string | null }], Row>(
        `SELECT ${FACTS} FROM jobseekers j WHERE j.matchable = 1 AND (@areas IS NULL OR j.municipality IN (SELECT value FROM json_each(@areas)))`,
      ),
      open: db
        .prepare<[{ areas: string | null }], string>(
          `SELECT v.id FROM vacancies v WHERE v.matchable = 1 AND (@areas IS NULL OR v.municipality IN (SELECT value FROM json_each(@areas))) ORDER BY v.id`,
        )
        .pluck(),
    };
  }

  async factsOf(ids: string[]): Promise<Map<string, GroupFacts>> {
    return new Map(this.s.of.all(JSON.stringify(ids)).map((r) => [r.id, facts(r)]));
  }

  /** Read lazily, row by row, as the report consumes them. */
  async eligible(municipalities: string[] | undefined): Promise<Iterable<GroupFacts>> {
    return this.eligibleRows(municipalities);
  }

  private *eligibleRows(municipalities: string[] | undefined): Iterable<GroupFacts> {
    for (const r of this.s.eligible.iterate({ areas: municipalities ? JSON.stringify(municipalities) : null })) yield facts(r);
  }

  async openVacancies(municipalities: string[] | undefined): Promise<string[]> {
    return this.s.open.all({ areas: municipalities ? JSON.stringify(municipalities) : null });
  }
}

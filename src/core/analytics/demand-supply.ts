import type { Lang } from '../explanations.js';
import type { AnalyticsFilter, AnalyticsSource, OccupationCountRow, SkillCountRow } from '../ports.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { OccupationRow, SkillRow } from './schema.js';
import { jobseekerCounts } from './published-counts.js';
import { publishedAsOf } from './suppression.js';

export type { OccupationRow, SkillRow };

export interface DemandSupplyQuery extends AnalyticsFilter {
  /** ISCO group: 1 to 4 leading digits of the occupation code (e.g. "5" service and sales, "7212" welders). */
  occupationGroup?: string;
  lang: Lang;
  /** Today (YYYY-MM-DD), for long-term unemployment. */
  today: string;
}

const ratio = (demand: number, supply: number | null) => (!supply ? null : Math.round((demand / supply) * 100) / 100);

/**
 * Skills and occupations the taxonomy does not know are free text a person wrote, and may be as
 * good as a name (a rare condition, a prison sentence): planners see them only together, as one
 * "other" row.
 */
export const OTHER = 'other';
const OTHER_LABEL: Record<Lang, string> = {
  fi: 'muu (ei luokituksessa)',
  sv: 'annat (inte i klassificeringen)',
  en: 'other (not in the taxonomy)',
};
const isFreeText = (uri: string) => uri.startsWith('text:');

/**
 * Demand (open vacancies) against supply (active jobseekers) per skill concept and per occupation.
 * Counts of jobseekers are rounded at random under the installation's key (published-counts.ts): the
 * question is the place and the jobseekers' language; a skill's cell names the occupation group too (it
 * chooses whose skills count), an occupation's does not (its people are the same in every group holding it).
 */
export class DemandSupply {
  constructor(
    private readonly source: AnalyticsSource,
    private readonly taxonomy: Taxonomy,
    /** Keys the rounding's draws (the installation's secret: src/runtime/secret.ts). */
    private readonly key: Buffer,
  ) {}

  async skills(query: DemandSupplyQuery): Promise<SkillRow[]> {
    const inGroup = this.groupFilter(query.occupationGroup);
    const sum = (rows: SkillCountRow[]) => {
      const totals = new Map<string, { records: number; positions: number }>();
      for (const row of rows) {
        if (!inGroup(row.occupation)) continue;
        const uri = isFreeText(row.uri) ? OTHER : row.uri;
        const t = totals.get(uri) ?? { records: 0, positions: 0 };
        t.records += row.records;
        t.positions += row.positions;
        totals.set(uri, t);
      }
      return totals;
    };
    const essential = sum(await this.source.vacancySkills(query, 'essential'));
    const optional = sum(await this.source.vacancySkills(query, 'optional'));
    const supply = sum(await this.source.jobseekerSkills(query));
    const uris = new Set([...essential.keys(), ...optional.keys(), ...supply.keys()]);
    const published = jobseekerCounts(this.key, query.municipalities, query.language);
    const rows = [...uris].map((uri) => {
      const e = essential.get(uri) ?? { records: 0, positions: 0 };
      const o = optional.get(uri) ?? { records: 0, positions: 0 };
      const vacancies = e.records + o.records;
      const jobseekers = supply.get(uri)?.records ?? 0;
      const cell = `skill ${query.occupationGroup ?? ''} ${uri}`;
      const shown = published.value(cell, jobseekers);
      return {
        row: {
          uri,
          label: uri === OTHER ? OTHER_LABEL[query.lang] : this.taxonomy.label(uri, query.lang),
          demand: { vacancies, essential: e.records, optional: o.records, positions: e.positions + o.positions },
          supply: published.count(cell, jobseekers),
          gap: shown === null ? null : vacancies - shown,
          shortageRatio: ratio(vacancies, shown),
        },
        // Sorted by the published numbers (a suppressed supply as 0), so the order reveals no more.
        order: vacancies - (shown ?? 0),
      };
    });
    return rows.sort((a, b) => b.order - a.order || b.row.demand.vacancies - a.row.demand.vacancies || a.row.uri.localeCompare(b.row.uri)).map((r) => r.row);
  }

  async occupations(query: DemandSupplyQuery): Promise<OccupationRow[]> {
    const inGroup = this.groupFilter(query.occupationGroup);
    const byKey = new Map<string, { occupation: string | null; isco: string | null; label: string; vacancies: number; positions: number; jobseekers: number; longTerm: number }>();
    const add = (rows: OccupationCountRow[], side: 'demand' | 'supply') => {
      for (const row of rows) {
        if (!inGroup(row.occupation)) continue;
        // A bare ISCO group ("5322", as registries give it) is a group row, not the group's first occupation.
        const group = row.occupation ? this.taxonomy.iscoGroupOf(row.occupation) : undefined;
        const concept = row.occupation && !group ? this.taxonomy.occupationFor(row.occupation) : undefined;
        const isco = concept?.iscoGroup ?? group ?? (row.occupation && /^\d{1,4}$/.test(row.occupation) ? row.occupation : null);
        const groupConcept = group ? this.taxonomy.iscoGroups.get(group) : undefined;
        const key = concept?.uri ?? (isco ? `isco:${isco}` : row.occupation ? OTHER : 'none');
        const entry = byKey.get(key) ?? {
          occupation: concept?.uri ?? null,
          isco,
          label: concept
            ? this.taxonomy.label(concept.uri, query.lang)
            : groupConcept
              ? this.taxonomy.label(groupConcept.uri, query.lang)
              : isco
              ? row.occupation!
              : row.occupation
                ? OTHER_LABEL[query.lang]
                : '(no occupation given)',
          vacancies: 0,
          positions: 0,
          jobseekers: 0,
          longTerm: 0,
        };
        if (side === 'demand') {
          entry.vacancies += row.records;
          entry.positions += row.positions;
        } else {
          entry.jobseekers += row.records;
          entry.longTerm += row.longTerm;
        }
        byKey.set(key, entry);
      }
    };
    const since = longTermSince(query.today);
    add(await this.source.vacancyOccupations(query), 'demand');
    add(await this.source.jobseekerOccupations(query, since), 'supply');
    const published = jobseekerCounts(this.key, query.municipalities, query.language);
    return [...byKey.entries()]
      .map(([key, e]) => {
        const shown = published.value(`occupation ${key}`, e.jobseekers);
        return {
          row: {
            occupation: e.occupation,
            isco: e.isco,
            label: e.label,
            demand: { vacancies: e.vacancies, positions: e.positions },
            supply: published.count(`occupation ${key}`, e.jobseekers),
            longTermUnemployed: published.count(`occupation ${key} long-term since ${since}`, e.longTerm),
            gap: shown === null ? null : e.vacancies - shown,
            shortageRatio: ratio(e.vacancies, shown),
          },
          order: e.vacancies - (shown ?? 0),
        };
      })
      .sort((a, b) => b.order - a.order || b.row.demand.vacancies - a.row.demand.vacancies || a.row.label.localeCompare(b.row.label))
      .map((r) => r.row);
  }

  /** Whether a record's occupation (as entered) falls in the ISCO group; everything passes without a group. */
  private groupFilter(group: string | undefined): (occupation: string | null) => boolean {
    if (!group) return () => true;
    const cache = new Map<string, boolean>();
    return (occupation) => {
      if (!occupation) return false;
      let inGroup = cache.get(occupation);
      if (inGroup === undefined) {
        const isco = this.taxonomy.iscoGroupOf(occupation) ?? this.taxonomy.occupationFor(occupation)?.iscoGroup ?? (/^\d{1,4}$/.test(occupation) ? occupation : '');
        inGroup = isco.startsWith(group);
        cache.set(occupation, inGroup);
      }
      return inGroup;
    };
  }
}

/**
 * The date from which an unemployment spell counts as long-term: 12 months before the day figures
 * are published at (the month end `publishedAsOf` gives for today), so it moves once a month.
 */
export function longTermSince(today: string): string {
  const asOf = publishedAsOf(today);
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7));
  return new Date(Date.UTC(y - 1, m, 0)).toISOString().slice(0, 10); // the same month's last day (28 February after a 29th)
}

import { resolveArea } from '../analytics/areas.js';
import type { AnalysisArea, AreaQuery } from '../analytics/schema.js';
import { invalidInput } from '../errors.js';
import { publishedCounts } from '../analytics/published-counts.js';
import { publishedAsOf } from '../analytics/suppression.js';
import type { EmploymentAreas } from '../regions/employment-areas-model.js';
import type { Regions } from '../regions/regions.js';
import type { DecisionLog } from './decisions.js';
import { exposureReport, groupsOf, type ExposureReport, type GroupFacts } from './exposure.js';

export interface OversightPorts {
  decisions: Pick<DecisionLog, 'candidateRankings'>;
  /** Group facts of these jobseekers (those that exist). */
  factsOf(ids: string[]): Promise<Map<string, GroupFacts>>;
  /** Group facts of the active jobseekers living in these municipalities (everyone active when absent). */
  eligible(municipalities: string[] | undefined): Promise<Iterable<GroupFacts>>;
  /** Open vacancies in these municipalities (all when absent), ids in a stable order. */
  openVacancies(municipalities: string[] | undefined): Promise<string[]>;
  /** Candidates for a vacancy as the engine ranks them now (real ids), not recorded as served. */
  rankCandidates(vacancyId: string, k: number): Promise<string[]>;
  regions: Regions;
  areas: EmploymentAreas;
}

export interface ExposureQuery extends AreaQuery {
  source: 'decisions' | 'replay';
  from?: string;
  to?: string;
  /** replay: vacancies sampled, candidates ranked per vacancy. */
  sample: number;
  k: number;
  asOf: string;
}

/** Oversight of the rankings (see exposure.ts): who gets seen in which area. */
export class Oversight {
  constructor(
    private readonly ports: OversightPorts,
    /** Keys the rounding's draws of the counts of jobseekers (the installation's secret: src/runtime/secret.ts). */
    private readonly key: Buffer,
  ) {}

  async exposure(query: ExposureQuery): Promise<{ area: AnalysisArea; source: ExposureQuery['source']; from?: string; to?: string; asOf: string } & ExposureReport> {
    const area = resolveArea(query, this.ports.regions, this.ports.areas);
    let rankings: string[][];
    if (query.source === 'decisions') {
      if (!query.from || !query.to) throw invalidInput([{ field: query.from ? 'to' : 'from', message: 'the period of decisions to report on (YYYY-MM-DD)' }]);
      if (query.to < query.from) throw invalidInput([{ field: 'to', message: 'on or after from' }]);
      const end = new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000).toISOString();
      rankings = (await this.ports.decisions.candidateRankings({ from: `${query.from}T00:00:00.000Z`, to: end, municipalities: area.municipalities })).map((r) => r.items);
    } else {
      const open = await this.ports.openVacancies(area.municipalities);
      // An even sample over the ids: the same vacancies each time for the same data.
      const step = Math.max(1, open.length / query.sample);
      const sampled = Array.from({ length: Math.min(query.sample, open.length) }, (_x, i) => open[Math.floor(i * step)]!);
      rankings = [];
      for (const id of sampled) rankings.push(await this.ports.rankCandidates(id, query.k));
    }
    const ids = [...new Set(rankings.flat())];
    const facts = await this.ports.factsOf(ids);
    const within = area.municipalities ? new Set(area.municipalities) : undefined;
    // Ages and long-term unemployment at a month end (see publishedAsOf): a day-by-day sweep finds no birthday or start date.
    const asOf = publishedAsOf(query.asOf);
    const ranked = new Map([...facts].map(([id, f]) => [id, groupsOf(f, asOf)]));
    const eligible = (function* (source: Iterable<GroupFacts>, asOf: string) {
      for (const f of source) yield groupsOf(f, asOf);
    })(await this.ports.eligible(area.municipalities), asOf);
    // The question is the place alone: the period and the source choose the rankings, not who is counted.
    const published = publishedCounts(this.key, 'exposure', area.municipalities);
    const report = exposureReport(rankings, ranked, eligible, (id) => !within || within.has(facts.get(id)?.municipality ?? ''), published, asOf, this.key);
    return { area, source: query.source, ...(query.source === 'decisions' ? { from: query.from, to: query.to } : {}), asOf, ...report };
  }
}

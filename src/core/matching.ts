import { invalidInput } from './errors.js';
import type { Place } from './location.js';
import type { Embedder, IndexHit, LocationFilter } from './ports.js';
import type { RecordService } from './records.js';
import { regions } from './regions/regions.js';
import type { Jobseeker } from './schemas/jobseeker.js';
import type { Vacancy } from './schemas/vacancy.js';
import type { MatchHit, MatchQuery } from './schemas/match.js';
import { scoreMatch, type ScoredSide, type Weights } from './scoring.js';

export interface MatchSettings {
  weights: Weights;
  /** Candidates fetched from the index per requested hit, re-ranked by the full score. */
  poolFactor: number;
  /** Minimum candidate pool, so small k still sees enough candidates to re-rank. */
  minPool: number;
  /**
   * When a location filter leaves at most this share of the records, score those records
   * exactly instead of walking the HNSW graph (a filter callback per visited node gets slower
   * than a scan below a few per cent; the approach Lucene takes).
   */
  exactScanRatio: number;
}

export const DEFAULT_MATCH_SETTINGS: Omit<MatchSettings, 'weights'> = {
  poolFactor: 5,
  minPool: 100,
  exactScanRatio: 0.02,
};


/** Ad-hoc text to match without storing it (a CV or a job description pasted by a user). */
export interface AdHocProfile {
  text: string;
  skills: string[];
  municipality?: string;
  remote?: boolean;
}

type Side = 'jobseekers' | 'vacancies';

/**
 * Ranked, explained matches in both directions: vacancies for a jobseeker, candidates for a
 * vacancy, and either for ad-hoc text. Retrieval is semantic (the vector index, with location
 * filters applied inside the search); the pool is then re-ranked by the weighted score.
 */
export class Matcher {
  constructor(
    private readonly jobseekers: RecordService<Jobseeker>,
    private readonly vacancies: RecordService<Vacancy>,
    private readonly embedder: Embedder,
    private readonly settings: MatchSettings,
  ) {}

  async vacanciesForJobseeker(id: string, query: MatchQuery): Promise<MatchHit[]> {
    const { record, vector } = await this.jobseekers.withVector(id);
    return this.rank('vacancies', vector, asSide(record), query);
  }

  async candidatesForVacancy(id: string, query: MatchQuery): Promise<MatchHit[]> {
    const { record, vector } = await this.vacancies.withVector(id);
    return this.rank('jobseekers', vector, asSide(record), query);
  }

  async forText(profile: AdHocProfile, target: Side, query: MatchQuery): Promise<MatchHit[]> {
    const place = profile.municipality ? regions.municipality(profile.municipality) : undefined;
    if (profile.municipality && !place) {
      throw invalidInput([{ field: 'municipality', message: `unknown municipality '${profile.municipality}'` }]);
    }
    const text = [profile.skills.join(', '), profile.text].filter((s) => s.length > 0).join('\n');
    const [vector] = await this.embedder.embed([text]);
    const side: ScoredSide = {
      skills: profile.skills,
      text: profile.text,
      municipality: place?.code,
      region: place?.regionCode,
      remote: profile.remote ?? false,
    };
    return this.rank(target, vector!, side, query);
  }

  private async rank(target: Side, vector: Float32Array, from: ScoredSide, query: MatchQuery): Promise<MatchHit[]> {
    const service: RecordService<Jobseeker | Vacancy> =
      target === 'vacancies' ? (this.vacancies as RecordService<Jobseeker | Vacancy>) : this.jobseekers;
    const filter = locationFilter(query);
    const pool = Math.max(query.k * this.settings.poolFactor, this.settings.minPool, query.k);
    const hits = filter ? this.searchFiltered(service, vector, pool, filter) : service.index.search(vector, pool);

    const entries = new Map(service.store.getByLabels(hits.map((h) => h.label)).map((e) => [e.label, e.record]));
    const ranked: MatchHit[] = [];
    for (const hit of hits) {
      const record = entries.get(hit.label);
      if (!record) continue;
      const score =
        target === 'vacancies'
          ? scoreMatch(from, asSide(record), hit.similarity, this.settings.weights)
          : scoreMatch(asSide(record), from, hit.similarity, this.settings.weights);
      const municipality = regions.municipality(record.municipality);
      ranked.push({
        id: record.id,
        title: record.title,
        municipality: record.municipality,
        municipalityName: municipality?.nameFi ?? record.municipality,
        region: record.region,
        ...('employer' in record && record.employer ? { employer: record.employer } : {}),
        ...score,
      });
    }
    ranked.sort((a, b) => b.score - a.score || b.parts.semantic - a.parts.semantic || a.id.localeCompare(b.id));
    return ranked.slice(0, query.k);
  }

  private searchFiltered(
    service: RecordService<Jobseeker | Vacancy>,
    vector: Float32Array,
    pool: number,
    filter: LocationFilter,
  ): IndexHit[] {
    const labels = service.matchableLabels(filter);
    if (labels.length === 0) return [];
    if (labels.length <= Math.max(pool, this.settings.exactScanRatio * service.index.size)) {
      return exactTopK(vector, service.store.vectorsOf(labels), pool);
    }
    return service.index.search(vector, pool, new Set(labels));
  }
}

function locationFilter(query: MatchQuery): LocationFilter | undefined {
  if (!query.municipality && !query.region) return undefined;
  const filter: LocationFilter = {};
  if (query.municipality) {
    const m = regions.municipality(query.municipality);
    if (!m) throw invalidInput([{ field: 'municipality', message: `unknown municipality '${query.municipality}'` }]);
    filter.municipalities = [m.code];
  }
  if (query.region) {
    const r = regions.region(query.region);
    if (!r) throw invalidInput([{ field: 'region', message: `unknown region '${query.region}'` }]);
    filter.regions = [r.code];
  }
  return filter;
}

const asSide = (record: {
  skills: string[];
  municipality: string;
  region: string;
  remote: boolean;
  summary?: string;
}): ScoredSide & Place => ({
  skills: record.skills,
  text: record.summary,
  municipality: record.municipality,
  region: record.region,
  remote: record.remote,
});

/** Exact cosine top-k over unit vectors: the baseline the index is measured against. */
export function exactTopK(query: Float32Array, vectors: Map<number, Float32Array>, k: number): IndexHit[] {
  const hits: IndexHit[] = [];
  for (const [label, v] of vectors) {
    let dot = 0;
    for (let i = 0; i < v.length; i++) dot += v[i]! * query[i]!;
    hits.push({ label, similarity: dot });
  }
  hits.sort((a, b) => b.similarity - a.similarity);
  return hits.slice(0, k);
}

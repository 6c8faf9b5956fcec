import { invalidInput } from './errors.js';
import type { Embedder, IndexHit, LocationFilter } from './ports.js';
import type { RecordService } from './records.js';
import { regions } from './regions/regions.js';
import type { StoredJobseeker } from './schemas/jobseeker.js';
import type { MatchHit, MatchQuery } from './schemas/match.js';
import type { StoredVacancy } from './schemas/vacancy.js';
import type { Jobseeker } from './schemas/jobseeker.js';
import type { Vacancy } from './schemas/vacancy.js';
import { scoreMatch, type OfferSide, type SeekerSide, type Weights } from './scoring.js';
import type { SkillNormalizer } from './taxonomy/normalizer.js';

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
type Query = Pick<MatchQuery, 'k' | 'municipality' | 'region'> & { lang: string };

const seekerSide = (j: StoredJobseeker): SeekerSide => ({
  skills: new Set(j.normalized.skills.map((s) => s.uri)),
  languages: j.languages,
  drivingLicence: j.drivingLicence,
  workingTime: j.workingTime,
  municipality: j.municipality,
  region: j.region,
  remote: j.remote,
});

const offerSide = (v: StoredVacancy): OfferSide => ({
  essential: v.normalized.essential.map((s) => s.uri),
  optional: v.normalized.optional.map((s) => s.uri),
  languages: v.languages,
  drivingLicenceRequired: v.drivingLicenceRequired,
  workingTime: v.workingTime,
  municipality: v.municipality,
  region: v.region,
  remote: v.remote,
});

/**
 * Ranked, explained matches in both directions: vacancies for a jobseeker, candidates for a
 * vacancy, and either for ad-hoc text. Retrieval is semantic (the vector index, with location
 * filters applied inside the search); the pool is then re-ranked by the weighted score over
 * taxonomy skill concepts, and every hit explains itself.
 */
export class Matcher {
  constructor(
    private readonly jobseekers: RecordService<Jobseeker>,
    private readonly vacancies: RecordService<Vacancy>,
    private readonly embedder: Embedder,
    private readonly normalizer: SkillNormalizer,
    private readonly settings: MatchSettings,
  ) {}

  async vacanciesForJobseeker(id: string, query: Query): Promise<MatchHit[]> {
    const { record, vector } = await this.jobseekers.withVector(id);
    return this.rank('vacancies', vector, seekerSide(record as StoredJobseeker), query);
  }

  async candidatesForVacancy(id: string, query: Query): Promise<MatchHit[]> {
    const { record, vector } = await this.vacancies.withVector(id);
    return this.rank('jobseekers', vector, offerSide(record as StoredVacancy), query);
  }

  async forText(profile: AdHocProfile, target: Side, query: Query): Promise<MatchHit[]> {
    const place = profile.municipality ? regions.municipality(profile.municipality) : undefined;
    if (profile.municipality && !place) {
      throw invalidInput([{ field: 'municipality', message: `unknown municipality '${profile.municipality}'` }]);
    }
    const text = [profile.skills.join(', '), profile.text].filter((s) => s.length > 0).join('\n');
    const [vector] = await this.embedder.embed([text]);
    const location = { municipality: place?.code, region: place?.regionCode, remote: profile.remote ?? false };
    if (target === 'vacancies') {
      const { skills } = await this.normalizer.forJobseeker({ skills: profile.skills, summary: profile.text });
      return this.rank(target, vector!, { ...location, skills: new Set(skills.map((s) => s.uri)) }, query);
    }
    // A pasted job description: its skill list is required; without one, the skills it names are.
    const listed = await this.normalizer.fromStrings(profile.skills, 'skills');
    const essential = (listed.length > 0 ? listed : this.normalizer.fromText(profile.text)).map((s) => s.uri);
    return this.rank(target, vector!, { ...location, essential, optional: [] }, query);
  }

  private async rank(target: Side, vector: Float32Array, from: SeekerSide | OfferSide, query: Query): Promise<MatchHit[]> {
    const service: RecordService<Jobseeker | Vacancy> =
      target === 'vacancies' ? (this.vacancies as RecordService<Jobseeker | Vacancy>) : this.jobseekers;
    const filter = locationFilter(query);
    const pool = Math.max(query.k * this.settings.poolFactor, this.settings.minPool, query.k);
    const hits = filter ? this.searchFiltered(service, vector, pool, filter) : service.index.search(vector, pool);

    const entries = new Map(service.store.getByLabels(hits.map((h) => h.label)).map((e) => [e.label, e.record]));
    const label = (s: { uri: string; importance: 'essential' | 'optional' }) => ({
      ...s,
      label: this.normalizer.taxonomy.label(s.uri, query.lang),
    });
    const ranked: MatchHit[] = [];
    for (const hit of hits) {
      const record = entries.get(hit.label);
      if (!record) continue;
      const score =
        target === 'vacancies'
          ? scoreMatch(from as SeekerSide, offerSide(record as StoredVacancy), hit.similarity, this.settings.weights)
          : scoreMatch(seekerSide(record as StoredJobseeker), from as OfferSide, hit.similarity, this.settings.weights);
      const municipality = regions.municipality(record.municipality);
      ranked.push({
        id: record.id,
        title: record.title,
        municipality: record.municipality,
        municipalityName: municipality?.nameFi ?? record.municipality,
        region: record.region,
        ...('employer' in record && record.employer ? { employer: record.employer } : {}),
        score: score.score,
        parts: score.parts,
        gates: score.gates,
        matchedSkills: score.matched.map(label),
        missingSkills: score.missing.map(label),
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

function locationFilter(query: Query): LocationFilter | undefined {
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

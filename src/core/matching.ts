import { commuteFacts, commuteOf, DEFAULT_COMMUTE_KM, reachable } from './commute.js';
import { REMOTE } from './concept-index.js';
import { invalidInput, problem } from './errors.js';
import type { ConceptQuery } from './concept-index.js';
import type { Embedder, IndexHit, LocationFilter } from './ports.js';
import type { RecordService } from './records.js';
import type { BaseRecord, Stored } from './kinds.js';
import { regions } from './regions/regions.js';
import type { StoredJobseeker } from './jobseekers/schema.js';
import { COMMUTE_RULES, type CommuteRule, type MatchHit, type MatchQuery } from './matches/schema.js';
import type { StoredVacancy } from './vacancies/schema.js';
import type { Jobseeker } from './jobseekers/schema.js';
import type { Vacancy } from './vacancies/schema.js';
import { aboveLevel, failsGate, lacksQualification, levelGap, OTHER_LEVEL, otherWork, otherWorkScore, rememberCredits, scoreMatch, type Score, type OccupationRef, type OfferSide, type SeekerSide, type Relations, type Weights } from './scoring.js';
import { standingOf } from './suitability.js';
import { interned } from './taxonomy/interned.js';
import type { SkillNormalizer } from './taxonomy/normalizer.js';
import { heldSkills, offerRequirements, seekerRequirements } from './requirements/sides.js';

export interface MatchSettings {
  weights: Weights;
  /** Candidates fetched from the index per requested hit, re-ranked by the full score. */
  poolFactor: number;
  /**
   * Minimum candidate pool per direction (text neighbours, and as many concept neighbours), so that
   * small k still sees enough candidates to re-rank. Chosen on bench:quality at k=10: vacancies for a
   * client lose nothing at 50 (nDCG@10 0.926 → 0.925) for half the work; candidates for a vacancy
   * lose 0.015 at 50 and keep 100.
   */
  minPool: { vacancies: number; jobseekers: number };
  /**
   * When a location filter leaves at most this share of the records, score those records
   * exactly instead of walking the HNSW graph (a filter callback per visited node gets slower
   * than a scan below a few per cent; the approach Lucene takes).
   */
  exactScanRatio: number;
  /** ... and at most this many records (an exact scan costs ~0.45 ms per 1,000 vectors of 384 dimensions). */
  exactScanLimit: number;
  /**
   * Below this score a hit is no fit (near, but of other work): it ranks after the fits that fail a
   * hard gate, which rank after every fit that passes. Chosen on bench:quality.
   */
  fitFloor: number;
  /**
   * Where both sides name their occupation, a fit also needs at least this occupation credit (see
   * occupationFit: the same ISCO unit 0.8 or minor group 0.5, or related work by most of the essential
   * skills): a nurse near a physiotherapist's post is related work, not a fit, and ranks after the
   * physiotherapists who fail a gate (one living beyond their range included). Chosen on bench:quality.
   */
  fitOccupation: number;
  /**
   * Where hits beyond the jobseeker's commuting range (not remote, the place neither wished nor moved
   * to) rank: `fits` after every fit within it (those failing another hard requirement too) and
   * before the no-fits (work of another kind nearby is no better a suggestion than the right work
   * further away); `strict` after every hit within it, no-fits included; `gate` as a failed hard
   * requirement (after the fits passing every gate, before the no-fits); `off` as before the range
   * existed (the baseline of bench:commute). Figures for each: benchmarks/README.md.
   * This rule orders a client's vacancies (what a counsellor suggests: the suitable work nearby first).
   */
  commute: CommuteRule;
  /**
   * The same for a vacancy's candidates, where the range is each candidate's own from the workplace.
   * Employer services look for people who can do the work: a welder living beyond their range ranks
   * as one failing a hard requirement (`gate`: after the welders within it, before a waiter next door).
   */
  candidateCommute: CommuteRule;
  /**
   * The pool is this many times larger when only vacancies accepting a pay-subsidised hire are asked
   * for (the filter is applied to the pool as it is scored, so a pool of the usual size holds few of
   * them). Measured: docs/matching-and-skills.md, *Pay subsidy*.
   */
  paySubsidyPoolFactor: number;
  /** From this score a hit of the client's line of work can suit them now (KOHTAANTO_SUITABLE_SCORE; see standingOf). */
  suitableScore: number;
}

export { COMMUTE_RULES, type CommuteRule };

/** Ad-hoc text to match without storing it (a CV or a job description pasted by a user). */
export interface AdHocProfile {
  text: string;
  skills: string[];
  municipality?: string;
  remote?: boolean;
}

type Side = 'jobseekers' | 'vacancies';

/** The jobseeker side and the vacancy's place of one hit. */
type Pair = { seeker: SeekerSide; offer: { municipality?: string; region?: string } };

/** Parsed vacancies kept across repeated matches of one analysis (what-if questions). */
export interface MatchCache {
  records: Map<number, Stored<Vacancy>>;
}

/** What a ranking is asked for. */
export type RankQuery = Query;
type Query = Pick<MatchQuery, 'k' | 'municipality' | 'region'> & {
  lang: string;
  /** Only records in these municipalities (an employment area), as well as any municipality or region given. */
  area?: string[];
  /** Only records within this many km of the querying record's municipality. */
  within?: number;
  /** `last` (default): hits failing a hard requirement come after every pass; `ranked`: by score alone. */
  failedGates?: 'last' | 'ranked';
  /** Vacancies only: just those whose employer accepts a pay-subsidised hire (for a client assessed eligible). */
  paySubsidy?: boolean;
  /** Where hits beyond the commuting range rank, for this query (else the setting: MatchSettings.commute / candidateCommute). */
  commute?: CommuteRule;
};

const occupationsOf = (refs: { uri?: string; isco?: string }[] | undefined): OccupationRef[] =>
  (refs ?? []).map((o) => ({ ...(o.uri ? { uri: interned(o.uri) } : {}), ...(o.isco ? { isco: o.isco } : {}) }));

/**
 * Whether a stored record carries what its derivation read (every write derives it before storing;
 * the record services type their records by what is written, so the guard lets the types say so).
 */
const derivedJobseeker = (j: Stored<Jobseeker>): j is StoredJobseeker => 'normalized' in j;
const derivedVacancy = (v: Stored<Vacancy>): v is StoredVacancy => 'normalized' in v;

function derived<In extends BaseRecord, R extends Stored<In>>(record: Stored<In>, is: (r: Stored<In>) => r is R, kind: string): R {
  if (!is(record)) throw new Error(`${kind} '${record.id}' is stored without its derived skills`);
  return record;
}

export const seekerSide = (j: StoredJobseeker): SeekerSide => {
  const skills = heldSkills(j, new Set(j.normalized.skills.map((s) => (isConcept(s.uri) ? interned(s.uri) : s.uri))));
  return {
    skills,
    ...seekerRequirements(j, skills),
    workingTime: j.workingTime,
    municipality: j.municipality,
    region: j.region,
    remote: j.remote,
    occupations: occupationsOf(j.normalized.occupations),
    commute: commuteOf(j),
  };
};

/** A requirement written as free text (`text:…`), not a taxonomy concept: a note, never scored. */
const isConcept = (uri: string) => !uri.startsWith('text:');

/** How far other work the client holds none of the skills of moves down its tier (see placeOf). */
const NOTHING_HELD = 0.05;
/** How far other work one skill level above the client's moves down (see placeOf, aboveLevel): after such work at their level, before work two levels apart. */
const LEVEL_UP = 0.1;
/**
 * How far other work moves down when the client fails its language or working-time requirement (see placeOf):
 * after all other work within reach they could take up as they are (a Swedish-speaking practical nurse's
 * fallback list has the cleaning post before the office job requiring Finnish), before work needing a
 * licence or card they lack.
 */
const OTHER_WORK_GATE = 0.5;
/** The ISCO skill levels between two sides' occupations (see levelGap, aboveLevel). */
interface Levels {
  gap: number;
  above: boolean;
}
/** Whether the client holds none of the skills a vacancy lists, essential or optional (or it lists none). */
const holdsNoneOf = (parts: Score['parts']): boolean => !(parts.essential ?? 0) && !(parts.optional ?? 0);

const offerSide = (v: StoredVacancy): OfferSide => ({
  essential: v.normalized.essential.filter((s) => isConcept(s.uri)).map((s) => interned(s.uri)),
  optional: v.normalized.optional.filter((s) => isConcept(s.uri)).map((s) => interned(s.uri)),
  ...offerRequirements(v),
  workingTime: v.workingTime,
  municipality: v.municipality,
  region: v.region,
  remote: v.remote,
  occupation: v.normalized.occupation ? occupationsOf([v.normalized.occupation])[0] : undefined,
});

/** A vacancy's free-text skills, as written: shown beside a hit, never scored. */
function notesOf(record: StoredVacancy): { notes?: string[] } {
  const notes = [...record.normalized.essential, ...record.normalized.optional].filter((s) => !isConcept(s.uri)).map((s) => s.label);
  return notes.length > 0 ? { notes } : {};
}

/** A record's taxonomy occupation for its hit: a vacancy's, or a jobseeker's first (given, from the title, or wished). */
function occupationOf(ref: { uri?: string } | undefined, label: (uri: string) => string): { occupation?: { uri: string; label: string } } {
  return ref?.uri ? { occupation: { uri: ref.uri, label: label(ref.uri) } } : {};
}

/**
 * The vacancy's requirements without free text: a candidate list shown pseudonymously is ranked and
 * explained over taxonomy concepts only, so that a free-text skill (which can be as telling as a
 * name) moves no score part, no score and no place in the list.
 */
const conceptsOnly = <S extends { essential: string[]; optional: string[] }>(side: S): S => ({
  ...side,
  essential: side.essential.filter(isConcept),
  optional: side.optional.filter(isConcept),
});

/** Options of a candidate ranking (vacancy → jobseekers). */
export interface CandidateOptions {
  /**
   * Score candidates over taxonomy requirements only: all of them (true), or those living in a
   * municipality for which the predicate is true (the ones the caller sees pseudonymously).
   */
  conceptsOnly?: boolean | ((municipality: string) => boolean);
  /**
   * What breaks a tie of the ranking instead of the real id: a keyed order (the list's pseudonyms, see
   * Sharing.listKey). The real ids put alike candidates in one order in every list, and a run of them split
   * by others (a gate shown but not scored) stayed in that order whatever the disclosure did with each run
   * (test/http/candidate-linking.test.ts).
   */
  tieOrder?: (jobseekerId: string) => string;
}

/**
 * A vacancy's requirements that depend on the candidate: retrieval uses `concepts`, scoring
 * `sideFor`; a candidate scored on `concepts` is not compared by text either (the semantic part is
 * left out), so that neither side's free text moves what a pseudonymous list shows.
 */
interface PerCandidate {
  concepts: OfferSide;
  sideFor(municipality: string): OfferSide;
}

/**
 * What candidates are ranked against: the vacancy's requirement side (taxonomy concepts only under
 * `conceptsOnly`: retrieval and the hits' places use it), and under `conceptsOnly` the side for each.
 */
interface Requirements {
  side: OfferSide;
  perCandidate?: PerCandidate;
}

/** The requirement side for each candidate under `conceptsOnly`. */
function candidateSides(side: OfferSide, option: CandidateOptions['conceptsOnly']): Requirements {
  if (!option) return { side };
  const concepts = conceptsOnly(side);
  return { side: concepts, perCandidate: { concepts, sideFor: option === true ? () => concepts : (municipality) => (option(municipality) ? concepts : side) } };
}

/** Compares two tied records' ids, or their keyed order (computed once per id, only for the ties met). */
function tieBreak(order: ((id: string) => string) | undefined): (a: string, b: string) => number {
  if (!order) return (a, b) => a.localeCompare(b);
  const keys = new Map<string, string>();
  const keyOf = (id: string) => {
    let key = keys.get(id);
    if (key === undefined) keys.set(id, (key = order(id)));
    return key;
  };
  return (a, b) => {
    const x = keyOf(a);
    const y = keyOf(b);
    return x < y ? -1 : x > y ? 1 : a.localeCompare(b);
  };
}

/** The scoring view of a record, computed once per record object (records are never mutated). */
function remembered<R extends object, S>(make: (r: R) => S): (r: R) => S {
  const sides = new WeakMap<R, S>();
  return (record) => {
    let side = sides.get(record);
    if (side === undefined) {
      side = make(record);
      sides.set(record, side);
    }
    return side;
  };
}
const seekerSideOf = remembered(seekerSide);
const offerSideOf = remembered(offerSide);

/** A pool record scored: where it ranks (see Matcher.placeOf) and what orders it within its tier. */
interface Ranked<R> {
  record: R;
  score: Score;
  tier: number;
  key: number;
  byText: boolean;
  similarity: number;
  /** The score's text part (0 when unknown) and distance (0 when unknown), for the order within a tier. */
  semantic: number;
  distanceKm: number;
}

/**
 * One direction of a ranking, made once per Matcher: the records of the pool (R, read from `service`)
 * and how each pairs with the query's side (Q): vacancies for a jobseeker's side, candidates for a
 * vacancy's requirements. Matcher.rank is written once over it.
 */
interface Direction<In extends BaseRecord, R extends Stored<In>, Q> {
  readonly target: Side;
  readonly service: RecordService<In>;
  /** Every stored record is derived (see derivedJobseeker): a pool record that is not is never matched. */
  derived(record: Stored<In>): record is R;
  /** Where hits beyond the commuting range rank, by default (MatchSettings.commute or candidateCommute). */
  rule(settings: MatchSettings): CommuteRule;
  /** The pool's records sharing the query's occupation, ISCO group or skills (see ConceptIndex.search). */
  concepts(query: Q): ConceptQuery;
  readonly share: 'record' | 'query';
  /** The range within which the commuting reach is searched (undefined: the client's range is unknown). */
  rangeKm(query: Q): number | undefined;
  /** The relations scoring uses for one ranking (for vacancies: each skill's credit remembered for the ranking). */
  relations(relations: Relations | undefined): Relations | undefined;
  score(query: Q, record: R, similarity: number, weights: Weights, relations: Relations | undefined, explain: boolean): Score;
  /** The two sides' occupations, for the levels between them (see Matcher.placeOf). */
  levels(query: Q, record: R): Levels;
  /** The two sides' places, for the commute a hit reports. */
  pair(query: Q, record: R): Pair;
  /** Vacancies only: whether the employer accepts a pay-subsidised hire (see Query.paySubsidy). */
  subsidised?: (record: R) => boolean;
  /** What a hit says of its record between the region and the distance, and after the skills (see Matcher.hitOf). */
  head(record: R, label: (uri: string) => string): Pick<MatchHit, 'employer' | 'occupation' | 'alsoPublishedAs'>;
  tail(record: R): Pick<MatchHit, 'paySubsidy' | 'notes'>;
}

const levelsOf = (seeker: OccupationRef[] | undefined, offer: OccupationRef | undefined): Levels => ({ gap: levelGap(seeker, offer), above: aboveLevel(seeker, offer) });

/** Vacancies for a jobseeker's side. */
const toVacancies = (service: RecordService<Vacancy>): Direction<Vacancy, StoredVacancy, SeekerSide> => ({
  target: 'vacancies',
  service,
  derived: derivedVacancy,
  rule: (settings) => settings.commute,
  concepts: (seeker) => ({ occupations: seeker.occupations ?? [], skills: seeker.skills }),
  share: 'record',
  rangeKm: (seeker) => seeker.commute?.rangeKm,
  // The same held skills against every candidate's required skills, which repeat from vacancy to
  // vacancy: each skill's credit is worked out once per ranking.
  relations: (relations) =>
    relations && { skillCredit: rememberCredits(relations.skillCredit), occupationRelation: relations.occupationRelation, occupationGroup: relations.occupationGroup },
  score: (seeker, vacancy, similarity, weights, relations, explain) => scoreMatch(seeker, offerSideOf(vacancy), similarity, weights, relations, explain),
  levels: (seeker, vacancy) => levelsOf(seeker.occupations, offerSideOf(vacancy).occupation),
  pair: (seeker, vacancy) => ({ seeker, offer: vacancy }),
  subsidised: (vacancy) => vacancy.paySubsidy === true,
  head: (vacancy, label) => ({
    ...(vacancy.employer ? { employer: vacancy.employer } : {}),
    ...occupationOf(vacancy.normalized.occupation, label),
    ...(vacancy.normalized.sources ? { alsoPublishedAs: vacancy.normalized.sources } : {}),
  }),
  tail: (vacancy) => ({ ...(vacancy.paySubsidy === true ? { paySubsidy: true as const } : {}), ...notesOf(vacancy) }),
});

/** Candidates for a vacancy's requirements; one scored on taxonomy requirements only is not compared by text. */
const toCandidates = (service: RecordService<Jobseeker>): Direction<Jobseeker, StoredJobseeker, Requirements> => ({
  target: 'jobseekers',
  service,
  derived: derivedJobseeker,
  rule: (settings) => settings.candidateCommute,
  concepts: ({ side }) => ({ occupations: side.occupation ? [side.occupation] : [], skills: side.essential }),
  share: 'query',
  rangeKm: () => DEFAULT_COMMUTE_KM.rural,
  relations: (relations) => relations,
  score: ({ side, perCandidate }, candidate, similarity, weights, relations, explain) => {
    const offer = perCandidate ? perCandidate.sideFor(candidate.municipality) : side;
    const textCompared = perCandidate === undefined || offer !== perCandidate.concepts;
    return scoreMatch(seekerSideOf(candidate), offer, textCompared ? similarity : null, weights, relations, explain);
  },
  levels: ({ side }, candidate) => levelsOf(seekerSideOf(candidate).occupations, side.occupation),
  pair: ({ side }, candidate) => ({ seeker: seekerSideOf(candidate), offer: side }),
  head: (candidate, label) => occupationOf(candidate.normalized.occupations[0], label),
  tail: () => ({}),
});

/**
 * Ranked, explained matches in both directions: vacancies for a jobseeker, candidates for a
 * vacancy, and either for ad-hoc text. Retrieval is hybrid: the text's nearest neighbours in the
 * vector index together with the records sharing the query's occupation, ISCO group or skills (the
 * concept index), so that a Swedish CV reaches a Finnish vacancy of the same occupation whatever
 * the texts' similarity; location filters apply inside both. The pool is then ranked by the
 * weighted score (hits failing a hard requirement last) and every hit explains itself.
 */
export class Matcher {
  private readonly toVacancies: Direction<Vacancy, StoredVacancy, SeekerSide>;
  private readonly toCandidates: Direction<Jobseeker, StoredJobseeker, Requirements>;

  constructor(
    private readonly jobseekers: RecordService<Jobseeker>,
    private readonly vacancies: RecordService<Vacancy>,
    private readonly embedder: Embedder,
    private readonly normalizer: SkillNormalizer,
    private readonly settings: MatchSettings,
    private readonly relations?: Relations,
  ) {
    this.toVacancies = toVacancies(vacancies);
    this.toCandidates = toCandidates(jobseekers);
  }

  /** The weights and settings ranking with (kept with each decision served). */
  get settingsInUse(): Readonly<MatchSettings> {
    return this.settings;
  }

  async vacanciesForJobseeker(id: string, query: Query): Promise<MatchHit[]> {
    const { record, vector } = await this.jobseekers.withVector(id);
    // Both must hold: the vacancy accepts a subsidised hire (filtered in rank) and the client was assessed eligible.
    if (query.paySubsidy && record.paySubsidyEligible !== true) throw invalidInput([problem('paySubsidy', 'not_subsidy_eligible', { id })]);
    const side = seekerSideOf(derived(record, derivedJobseeker, 'jobseeker'));
    return this.rank(this.toVacancies, vector, side, { ...query, centre: record.municipality }, new Map());
  }

  async candidatesForVacancy(id: string, query: Query, options: CandidateOptions = {}): Promise<MatchHit[]> {
    const { record, vector } = await this.vacancies.withVector(id);
    const requirements = candidateSides(offerSide(derived(record, derivedVacancy, 'vacancy')), options.conceptsOnly);
    return this.rank(this.toCandidates, vector, requirements, { ...query, centre: record.municipality }, new Map(), options.tieOrder);
  }

  /**
   * Vacancies for a profile that is not stored as such: the gap analysis asks "what if the client
   * had this skill". `records` caches parsed vacancies across repeated calls.
   */
  vacanciesForProfile(vector: Float32Array, side: SeekerSide, query: Query, cache?: MatchCache): Promise<MatchHit[]> {
    return this.rank(this.toVacancies, vector, side, { ...query, centre: side.municipality }, cache?.records ?? new Map());
  }

  async forText(profile: AdHocProfile, target: Side, query: Query, options: CandidateOptions = {}): Promise<MatchHit[]> {
    const place = profile.municipality ? regions.municipality(profile.municipality) : undefined;
    if (profile.municipality && !place) {
      throw invalidInput([{ field: 'municipality', message: `unknown municipality '${profile.municipality}'` }]);
    }
    const text = [profile.skills.join(', '), profile.text].filter((s) => s.length > 0).join('\n');
    const [vector] = await this.embedder.embed([text], 'query');
    const location = { municipality: place?.code, region: place?.regionCode, remote: profile.remote ?? false };
    const ranked = { ...query, centre: place?.code };
    const firstLine = profile.text.split('\n')[0]!.slice(0, 200);
    if (target === 'vacancies') {
      const read = await this.normalizer.forJobseeker({ title: firstLine, skills: profile.skills, summary: profile.text });
      // A pasted CV has the default commuting range of its municipality.
      const commute = place ? { commute: commuteOf({ municipality: place.code }) } : {};
      const side = { ...location, ...commute, skills: new Set(read.skills.map((s) => s.uri)), occupations: occupationsOf(read.occupations) };
      return this.rank(this.toVacancies, vector!, side, ranked, new Map());
    }
    // A pasted job description: its skill list is required; without one, the skills it names as needed are.
    const listed = await this.normalizer.fromStrings(profile.skills, 'skills');
    const essential = (listed.length > 0 ? listed : this.normalizer.readText(profile.text).held).map((s) => s.uri).filter(isConcept);
    const occupation = await this.normalizer.occupationOf(firstLine, undefined);
    const side = { ...location, essential, optional: [], occupation: occupation && occupationsOf([occupation])[0] };
    return this.rank(this.toCandidates, vector!, candidateSides(side, options.conceptsOnly), ranked, new Map(), options.tieOrder);
  }

  private async rank<In extends BaseRecord, R extends Stored<In>, Q>(
    direction: Direction<In, R, Q>,
    vector: Float32Array,
    /** The query's side (see Direction). */
    from: Q,
    query: Query & { centre?: string },
    /** Parsed records by label: this ranking's, or kept across the rankings of one analysis (see MatchCache). */
    entries: Map<number, Stored<In>>,
    /** What breaks ties instead of the real id (see CandidateOptions.tieOrder). */
    tieOrder?: (id: string) => string,
  ): Promise<MatchHit[]> {
    const { service, target } = direction;
    // A worker's concept index still being filled: wait for it with the event loop free (see conceptsReady).
    if (!service.conceptsFilled) await service.conceptsReady();
    const filter = locationFilter(query);
    // The pay-subsidy filter reads the vacancy the pool holds (no read per hit): the pool is widened
    // for it, and with few such vacancies in the pool, the commuting reach below adds the nearby ones.
    const subsidised = query.paySubsidy === true ? direction.subsidised : undefined;
    const pool = Math.max(query.k * this.settings.poolFactor, this.settings.minPool[target], query.k) * (subsidised ? this.settings.paySubsidyPoolFactor : 1);
    const textHits = filter ? this.searchFiltered(service, vector, pool, filter) : service.index.search(vector, pool);
    const hits = this.withConceptNeighbours(service, direction.concepts(from), direction.share, vector, textHits, pool, filter, query.centre);

    service.cache.fill(labelsOf(hits), entries);
    // Score the whole pool, keep the best k, and only then build their explanations.
    const day = service.today();
    const relations = direction.relations(this.relations);
    const weights = this.settings.weights;
    const rule = query.commute ?? direction.rule(this.settings);
    const ranked = query.failedGates === 'ranked';
    // The pool is scored without listing skills; the k shown are scored again with them.
    const scored: Ranked<R>[] = [];
    const scoreAll = (pool: IndexHit[]) => {
      for (const hit of pool) {
        const entry = entries.get(hit.label);
        // Expired since the last sweep (see RecordService.closeExpired): never returned.
        if (!entry || !service.kind.isMatchable(entry, day) || !direction.derived(entry)) continue;
        const record = entry;
        if (subsidised && !subsidised(record)) continue;
        const score = direction.score(from, record, hit.similarity, weights, relations, false);
        const semantic = score.parts.semantic ?? 0;
        const distanceKm = score.distanceKm ?? 0;
        if (ranked) scored.push({ record, score, tier: 0, key: score.score, byText: true, similarity: hit.similarity, semantic, distanceKm });
        else {
          const { tier, key, byText } = this.placeOf(score, rule, direction, from, record);
          scored.push({ record, score, tier, key, byText, similarity: hit.similarity, semantic, distanceKm });
        }
      }
    };
    scoreAll(hits);
    // Fewer than k hits within the commuting range that are the client's kind of work (fits, related
    // work, work of unknown occupation; not other work, nor work needing a licence or card they lack):
    // the nearest texts within it join the pool (a rural client whose own line of work has no vacancy
    // nearby still sees what there is nearby, and the rest of the page is not only the look-alikes
    // whose texts brought them into the pool).
    const reach = rule !== 'off' && !ranked && query.centre ? this.commuteReach(direction.rangeKm(from), query.centre, filter) : undefined;
    if (reach && ownKindCount(scored, this.settings.fitFloor) < query.k) {
      const seen = new Set<number>();
      for (const h of hits) seen.add(h.label);
      const near = this.searchReach(service, vector, pool, reach).filter((h) => !seen.has(h.label));
      service.cache.fill(labelsOf(near), entries);
      scoreAll(near);
    }
    const tied = tieBreak(tieOrder);
    scored.sort(
      (a, b) =>
        a.tier - b.tier ||
        b.key - a.key ||
        (a.byText ? b.semantic - a.semantic : a.distanceKm - b.distanceKm) ||
        tied(a.record.id, b.record.id),
    );
    const shown = Math.min(query.k, scored.length);
    const hitsShown: MatchHit[] = [];
    for (let i = 0; i < shown; i++) {
      const { record, similarity } = scored[i]!;
      hitsShown.push(this.hitOf(direction, record, direction.score(from, record, similarity, weights, relations, true), query.lang, direction.pair(from, record)));
    }
    return hitsShown;
  }

  /** A scored record as a hit: where it is, its score and parts, the commute, and its skills labelled in `lang`. */
  private hitOf<In extends BaseRecord, R extends Stored<In>, Q>(direction: Direction<In, R, Q>, record: R, score: Score, lang: Query['lang'], pair: Pair): MatchHit {
    const taxonomy = this.normalizer.taxonomy;
    const label = (s: { uri: string; importance: 'essential' | 'optional'; via?: string }) => ({
      uri: s.uri,
      importance: s.importance,
      label: taxonomy.label(s.uri, lang),
      ...(s.via ? { via: taxonomy.label(s.via, lang) } : {}),
    });
    return {
      id: record.id,
      title: record.title,
      municipality: record.municipality,
      municipalityName: regions.municipality(record.municipality)?.nameFi ?? record.municipality,
      region: record.region,
      ...direction.head(record, (uri) => taxonomy.label(uri, lang)),
      ...(score.distanceKm !== undefined ? { distanceKm: score.distanceKm } : {}),
      ...(score.distanceKm !== undefined && pair.seeker.commute ? { commute: commuteFacts(pair.seeker.commute, pair.offer, score.distanceKm) } : {}),
      score: score.score,
      standing: standingOf(score, this.settings),
      parts: score.parts,
      gates: score.gates,
      matchedSkills: score.matched.map(label),
      missingSkills: score.missing.map(label),
      ...direction.tail(record),
    };
  }

  /**
   * One vacancy for one jobseeker, scored as a ranking would score it (the text similarity from the
   * two stored vectors): for the person's explanation and a counsellor's put-forward suggestion.
   */
  async pair(jobseekerId: string, vacancyId: string, lang: Query['lang']): Promise<MatchHit> {
    const seeker = await this.jobseekers.withVector(jobseekerId);
    const offer = await this.vacancies.withVector(vacancyId);
    let similarity = 0;
    for (let i = 0; i < seeker.vector.length; i++) similarity += seeker.vector[i]! * offer.vector[i]!;
    const side = seekerSide(derived(seeker.record, derivedJobseeker, 'jobseeker'));
    const vacancy = derived(offer.record, derivedVacancy, 'vacancy');
    const score = scoreMatch(side, offerSide(vacancy), similarity, this.settings.weights, this.relations);
    return this.hitOf(this.toVacancies, vacancy, score, lang, { seeker: side, offer: vacancy });
  }

  /**
   * Where a scored hit ranks: its tier (lower first) and what orders it within the tier (`key`, then
   * the text similarity when `byText`, else the distance). Within one reach, in this order:
   *   0 a fit (score at the fit floor or above, and where both occupations are known, credit for them
   *     at fitOccupation or above) passing every hard gate;
   *   1 a fit failing a language or working-time gate (the right work; the gap can be worked on);
   *   2 no fit, of related work or work whose occupation is not known on both sides, by score;
   *   2.5 no fit, of other work (both occupations known and unrelated: see otherWork), by the skills
   *     and the place, not the text (see otherWorkScore: shared words lift the look-alike); a vacancy
   *     listing no skills after one whose skills were weighed and found equal;
   *   2.55 such other work where the client holds none of the skills the vacancy lists (or it lists
   *     none): only the place speaks for it, so it follows other work whose skills partly transfer
   *     (a caretaker's list: cleaning and plumbing posts before a real-estate agent's ad next door);
   *   2.6 and after: other work a skill level above every occupation of the client's, whatever few
   *     skills they share (it asks for education the client has not shown: a delivery driver's list
   *     has the cleaning and sales posts next door before remote IT support; a caretaker's the care
   *     assistant's post before the real-estate agent's ad next door);
   *   2.7 and after: such other work two or more ISCO skill levels from the client's (see levelGap),
   *     each tier + 0.05 where the client holds none of the skills it lists;
   *   3 and after: the same other work where the client fails its language or working-time requirement
   *     (OTHER_WORK_GATE): work they could not take up as they are follows the work they could;
   *   4 failing a licence or card the vacancy requires (fit or not): work the client may not take up
   *     without a qualification they lack ranks after all work they could take up.
   * The commuting range (see MatchSettings.commute): `off` ignores it; `gate` counts being beyond it
   * as a failed gate of tier 1; `strict` puts everything beyond it after everything within it (tier
   * + 5), except other work two skill levels away, which follows the fits beyond it (a nurse's own
   * work 60 km away before farm work next door); `fits` puts the fits beyond it after the fits within
   * it and before the rest.
   */
  private placeOf<In extends BaseRecord, R extends Stored<In>, Q>(
    score: Score,
    rule: CommuteRule,
    direction: Direction<In, R, Q>,
    from: Q,
    record: R,
  ): { tier: number; key: number; byText: boolean } {
    const beyondRange = rule !== 'off' && score.gates.commute === 'fail';
    const fit = score.score >= this.settings.fitFloor && (score.parts.occupation === null || score.parts.occupation >= this.settings.fitOccupation);
    const other = !fit && otherWork(score.parts);
    const key = other ? otherWorkScore(score.parts, this.settings.weights) - (score.parts.essential === null ? 1e-6 : 0) : score.score;
    const between = other ? direction.levels(from, record) : undefined;
    const gap = between ? Math.min(between.gap, 3) : 0;
    const far = gap >= OTHER_LEVEL;
    const none = other && holdsNoneOf(score.parts);
    let tier: number;
    if (lacksQualification(score.gates)) tier = 4;
    else if (between) tier = 2.5 + (far ? gap / 10 : between.above ? LEVEL_UP : 0) + (none ? NOTHING_HELD : 0) + (failsGate(score.gates, false) ? OTHER_WORK_GATE : 0);
    else if (!fit) tier = 2;
    else tier = failsGate(score.gates, rule === 'gate') ? 1 : 0;
    if (rule === 'strict') {
      if (beyondRange) tier += 5;
      else if (far && tier < 4) tier = 6.5;
    }
    if (rule === 'fits') tier = tier <= 1 ? tier + (beyondRange ? 2 : 0) : tier + 2 + (beyondRange ? 3 : 0);
    return { tier, key, byText: !other };
  }

  /**
   * The municipalities within commuting range of `centre` (within any location filter): the
   * jobseeker's own range for vacancies, the longest default range for candidates (each candidate's
   * own range is checked when scored). Undefined when the jobseeker's range is unknown.
   */
  private commuteReach(rangeKm: number | undefined, centre: string, filter: LocationFilter | undefined): LocationFilter | undefined {
    if (rangeKm === undefined) return undefined;
    let municipalities = reachable(centre, rangeKm);
    const admitted = filter?.municipalities;
    if (admitted) municipalities = municipalities.filter((m) => admitted.includes(m));
    return { municipalities, ...(filter?.regions ? { regions: filter.regions } : {}) };
  }

  /**
   * The text neighbours joined by the records sharing the query's occupation, ISCO group or skills
   * (best `pool` of them by the concept index), with their text similarity read from the index.
   */
  private withConceptNeighbours<In extends BaseRecord>(
    service: RecordService<In>,
    query: ConceptQuery,
    share: 'record' | 'query',
    vector: Float32Array,
    textHits: IndexHit[],
    pool: number,
    filter: LocationFilter | undefined,
    centre: string | undefined,
  ): IndexHit[] {
    const allowed = filter ? service.areas.setIn(filter) : undefined;
    const place = centre && regions.municipality(centre)?.code;
    // Only the places the filter admits are walked (the labels are still checked against it).
    const admitted = filter && placesOf(filter);
    const near = place ? nearestPlaces(place) : admitted ? [REMOTE, ...admitted] : undefined;
    const concepts = service.concepts.search(query, pool, {
      allowed,
      share,
      ...(near ? { near: admitted ? near.filter((p) => p === REMOTE || admitted.has(p)) : near } : {}),
    });
    if (concepts.length === 0) return textHits;
    const seen = new Set<number>();
    for (const h of textHits) seen.add(h.label);
    const extra: number[] = [];
    for (const c of concepts) if (!seen.has(c.label)) extra.push(c.label);
    return extra.length === 0 ? textHits : [...textHits, ...service.index.similarities(vector, extra)];
  }

  /**
   * The records nearest the query within a commuting reach, municipality by municipality: each
   * municipality's vectors are kept packed once and shared by every client whose reach includes it
   * (a cache per reach, one per home municipality and range, held the same vectors many times over
   * and read them from SQLite again as it turned over: ~0.5 ms per match at 100,000 vacancies).
   */
  private searchReach<In extends BaseRecord>(service: RecordService<In>, vector: Float32Array, pool: number, reach: LocationFilter): IndexHit[] {
    const hits: IndexHit[] = [];
    for (const municipality of reach.municipalities ?? []) {
      if (reach.regions && !reach.regions.includes(regions.municipality(municipality)?.regionCode ?? '')) continue;
      hits.push(...service.areas.searchIn({ municipalities: [municipality] }, vector, pool));
    }
    return hits.sort((a, b) => b.similarity - a.similarity).slice(0, pool);
  }

  private searchFiltered<In extends BaseRecord>(service: RecordService<In>, vector: Float32Array, pool: number, filter: LocationFilter): IndexHit[] {
    const labels = service.areas.labelsIn(filter);
    if (labels.length === 0) return [];
    // A filter callback per visited graph node gets slower than scoring the area's vectors exactly
    // when the area holds a small share of the index (~26 ms at 2 % here); the area's vectors are
    // read once and kept packed in memory until the data changes (the approach Lucene takes).
    const { exactScanRatio, exactScanLimit } = this.settings;
    const small = labels.length <= pool || (labels.length <= exactScanRatio * service.index.size && labels.length <= exactScanLimit);
    if (small) return service.areas.searchIn(filter, vector, pool);
    return service.index.search(vector, pool, service.areas.setIn(filter));
  }
}

/** The labels of a pool's hits. */
function labelsOf(hits: IndexHit[]): number[] {
  const labels = new Array<number>(hits.length);
  for (let i = 0; i < hits.length; i++) labels[i] = hits[i]!.label;
  return labels;
}

/** How many scored hits are within the commuting range and the client's kind of work (see Matcher.rank). */
function ownKindCount(scored: readonly { score: Score }[], floor: number): number {
  let n = 0;
  for (const { score: s } of scored) if (s.gates.commute !== 'fail' && !lacksQualification(s.gates) && (s.score >= floor || !otherWork(s.parts))) n++;
  return n;
}

/** Remote records, then municipalities by distance from `code` (cached per municipality). */
const placeOrders = new Map<string, readonly string[]>();
function nearestPlaces(code: string): readonly string[] {
  let order = placeOrders.get(code);
  if (!order) placeOrders.set(code, (order = [REMOTE, ...regions.byDistance(code)]));
  return order;
}

/** The municipalities a location filter admits. */
function placesOf(filter: LocationFilter): Set<string> {
  let codes = filter.municipalities ?? regions.municipalities.map((m) => m.code);
  const within = filter.regions;
  if (within) codes = codes.filter((c) => within.includes(regions.municipality(c)?.regionCode ?? ''));
  return new Set(codes);
}

function locationFilter(query: Query & { centre?: string }): LocationFilter | undefined {
  if (!query.municipality && !query.region && !query.area && query.within === undefined) return undefined;
  const filter: LocationFilter = {};
  if (query.area) filter.municipalities = query.area;
  if (query.within !== undefined) {
    if (!query.centre) throw invalidInput([{ field: 'within', message: 'a distance needs a municipality to measure from' }]);
    const near = regions.municipalitiesWithin(query.centre, query.within);
    filter.municipalities = filter.municipalities ? filter.municipalities.filter((m) => near.includes(m)) : near;
  }
  if (query.municipality) {
    const m = regions.municipality(query.municipality);
    if (!m) throw invalidInput([{ field: 'municipality', message: `unknown municipality '${query.municipality}'` }]);
    filter.municipalities = filter.municipalities && !filter.municipalities.includes(m.code) ? [] : [m.code];
  }
  if (query.region) {
    const r = regions.region(query.region);
    if (!r) throw invalidInput([{ field: 'region', message: `unknown region '${query.region}'` }]);
    filter.regions = [r.code];
  }
  return filter;
}

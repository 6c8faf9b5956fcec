import { kthLargest } from './select.js';

/**
 * Which records share a concept with a query: occupation (ESCO URI), ISCO-08 unit group and skills
 * (a vacancy's essential skills, a jobseeker's skills) → record labels. Kept in memory beside the
 * vector index, built from the store at start and patched by every write, so that records sharing
 * an occupation or skills enter a match's candidate pool even when their texts are in another
 * language or worded differently.
 */
export type ConceptKey = `o:${string}` | `i:${string}` | `s:${string}`;

/** What a query brings: its occupations and skills. */
export interface ConceptQuery {
  occupations: { uri?: string; isco?: string }[];
  skills: Iterable<string>;
}

export interface ConceptHit {
  label: number;
  score: number;
}

/** Points for sharing the occupation, its ISCO unit group, and all of a record's skills. */
const OCCUPATION_POINTS = 2;
const ISCO_POINTS = 1;
const SKILL_POINTS = 2;
/** Skills held by more than this share of the records tell little apart and are not walked. */
const COMMON_SKILL_SHARE = 0.2;

export const conceptKeys = (occupations: { uri?: string; isco?: string }[], skills: Iterable<string>): ConceptKey[] => {
  const keys = new Set<ConceptKey>();
  for (const o of occupations) {
    if (o.uri) keys.add(`o:${o.uri}`);
    if (o.isco) keys.add(`i:${o.isco}`);
  }
  for (const s of skills) if (!s.startsWith('text:')) keys.add(`s:${s}`);
  return [...keys];
};

/** Where a record is, for walking postings nearest first: a municipality code, or REMOTE. */
export const REMOTE = '*';

export interface ConceptSearchOptions {
  /** Only these labels (a location filter). */
  allowed?: ReadonlySet<number>;
  /** `record`: score the share of the record's skills the query has; `query`: of the query's skills the record has. */
  share?: 'record' | 'query';
  /**
   * Places nearest the query first (REMOTE, then municipalities by distance): each concept then
   * brings its `limit` nearest records instead of all of them (in a place holding more, the first
   * filed), so a search costs the same at 100,000 records as at 5,000 and keeps the records
   * location will favour. Unset: every record is walked.
   */
  near?: readonly string[];
}

/** The one copy of a string that `names` holds, kept there at its first use. */
function shared<K>(names: Map<K, K>, name: K): K {
  const known = names.get(name);
  if (known !== undefined) return known;
  names.set(name, name);
  return name;
}

export class ConceptIndex {
  /** Records by concept, grouped by place. */
  private readonly postings = new Map<ConceptKey, Map<string, Set<number>>>();
  private readonly sizes = new Map<ConceptKey, number>();
  private readonly keysOf = new Map<number, { keys: ConceptKey[]; place: string }>();
  /** Scratch scores by label for search (all zero between searches). */
  private scores = new Float64Array(1024);
  /** Points a shared skill earns each record (SKILL_POINTS over its number of skills), by label. */
  private skillPoints = new Float64Array(1024);
  /**
   * Each concept's records in walking order (places in filing order, then records in filing order)
   * packed in one array, for a search without `near` that walks them all (a pasted CV without a
   * place: thousands of records per occupation or skill at 100,000); made on the first such search
   * and dropped when a record of the concept is written.
   */
  private readonly packed = new Map<ConceptKey, Int32Array>();
  /**
   * One string per concept key and place, shared by every record that has it: keys read from the
   * store are new strings per record (an ESCO URI is ~70 characters), and at national scale the
   * records' own copies took ~300 MB of a worker's memory.
   */
  private readonly keyNames = new Map<ConceptKey, ConceptKey>();
  private readonly placeNames = new Map<string, string>();

  get size(): number {
    return this.keysOf.size;
  }

  /** Sets (or replaces) the concepts and place of a record. */
  set(label: number, given: ConceptKey[], place: string = REMOTE): void {
    this.remove(label);
    const keys = given.map((key) => shared(this.keyNames, key));
    place = shared(this.placeNames, place);
    for (const key of keys) {
      this.packed.delete(key);
      let byPlace = this.postings.get(key);
      if (!byPlace) this.postings.set(key, (byPlace = new Map()));
      let set = byPlace.get(place);
      if (!set) byPlace.set(place, (set = new Set()));
      set.add(label);
      this.sizes.set(key, (this.sizes.get(key) ?? 0) + 1);
    }
    const skills = keys.filter((k) => k.startsWith('s:')).length;
    this.keysOf.set(label, { keys, place });
    if (label >= this.scores.length) this.grow(label);
    this.skillPoints[label] = SKILL_POINTS / Math.max(1, skills);
  }

  remove(label: number): void {
    const entry = this.keysOf.get(label);
    if (!entry) return;
    for (const key of entry.keys) {
      this.packed.delete(key);
      const byPlace = this.postings.get(key);
      const set = byPlace?.get(entry.place);
      set?.delete(label);
      if (set?.size === 0) byPlace!.delete(entry.place);
      if (byPlace?.size === 0) this.postings.delete(key);
      const n = (this.sizes.get(key) ?? 1) - 1;
      if (n === 0) this.sizes.delete(key);
      else this.sizes.set(key, n);
    }
    this.keysOf.delete(label);
  }

  /**
   * Records sharing concepts with the query, best first: points for the same occupation and ISCO
   * unit group, plus the share of the record's own skills the query has (`record`: a vacancy whose
   * essential skills the jobseeker all holds scores full) or of the query's skills the record has
   * (`query`: candidates holding all of a vacancy's essential skills). Equal scores: nearer first
   * (with `near`), then lower label.
   */
  search(query: ConceptQuery, limit: number, options: ConceptSearchOptions = {}): ConceptHit[] {
    const { allowed, share = 'record', near } = options;
    // Scores accumulate in a typed array indexed by label (reused between searches), the labels
    // touched in a list, in the order met (nearest first when walking by place).
    const touched: number[] = [];
    /** Set before the skills are walked (see below): from then on only records already met gain points. */
    let closed = false;
    const add = (key: ConceptKey, points: number | Float64Array) => {
      const byPlace = this.postings.get(key);
      if (!byPlace) return;
      // Nearest places first (with `near`), until this concept brought `limit` records.
      let budget = near ? limit : Infinity;
      const take = (set: Set<number>) => {
        for (const label of set) {
          if (allowed && !allowed.has(label)) continue;
          if (this.scores[label] === 0) touched.push(label);
          this.scores[label] = this.scores[label]! + (typeof points === 'number' ? points : points[label]!);
          if (--budget <= 0) return false;
        }
        return true;
      };
      if (!near) walkAll(this.packedOf(key, byPlace), this.scores, points, touched, closed, allowed);
      else if (byPlace.size * 4 >= near.length) {
        // Held in many places: walk `near` (no generator: this runs for every concept of every search).
        for (const place of near) {
          const set = byPlace.get(place);
          if (set && !take(set)) return;
        }
      } else for (const set of placesIn(byPlace, near)) if (!take(set)) return;
    };
    const seen = new Set<ConceptKey>();
    for (const o of query.occupations) {
      if (o.uri && !seen.has(`o:${o.uri}`)) (seen.add(`o:${o.uri}`), add(`o:${o.uri}`, OCCUPATION_POINTS));
      if (o.isco && !seen.has(`i:${o.isco}`)) (seen.add(`i:${o.isco}`), add(`i:${o.isco}`, ISCO_POINTS));
    }
    // Without `near`, when `limit` records already score at least what skills alone can bring a record
    // (SKILL_POINTS: all of its skills, or all of the query's), a record met only now could at best tie
    // them, and ties go to the records met first: the skills then only add to the records met
    // (the same answer, without walking thousands of records that share a common skill).
    closed = !near && touched.length >= limit && kthLargest(Float64Array.from(touched, (l) => this.scores[l]!), limit) >= SKILL_POINTS;
    const common = Math.max(50, this.keysOf.size * COMMON_SKILL_SHARE);
    const skills = [...query.skills];
    for (const s of skills) {
      const key: ConceptKey = `s:${s}`;
      if (seen.has(key) || (this.sizes.get(key) ?? 0) > common) continue;
      seen.add(key);
      add(key, share === 'record' ? this.skillPoints : SKILL_POINTS / skills.length);
    }
    const hits = topByScore(touched, this.scores, limit);
    for (const label of touched) this.scores[label] = 0;
    return hits;
  }

  /** A concept's records packed in walking order (see `packed`). */
  private packedOf(key: ConceptKey, byPlace: Map<string, Set<number>>): Int32Array {
    let labels = this.packed.get(key);
    if (!labels) {
      let n = 0;
      for (const set of byPlace.values()) n += set.size;
      labels = new Int32Array(n);
      let i = 0;
      for (const set of byPlace.values()) for (const label of set) labels[i++] = label;
      this.packed.set(key, labels);
    }
    return labels;
  }

  /** Makes room in the label-indexed arrays for labels up to `label`. */
  private grow(label: number): void {
    const length = Math.max(label + 1, this.scores.length * 2, 1024);
    const scores = new Float64Array(length);
    scores.set(this.scores);
    this.scores = scores;
    const points = new Float64Array(length);
    points.set(this.skillPoints);
    this.skillPoints = points;
  }
}

/**
 * The sets of the places in `near` that hold any, nearest first, for a concept held in few places
 * (most skills): its places put in `near`'s order, rather than a lookup for each of the ~300 places
 * of `near` for every concept of the query.
 */
function placesIn(byPlace: Map<string, Set<number>>, near: readonly string[]): Set<number>[] {
  const rank = ranksOf(near);
  const found: [number, Set<number>][] = [];
  for (const [place, set] of byPlace) {
    const position = rank.get(place);
    if (position !== undefined) found.push([position, set]);
  }
  return found.sort((a, b) => a[0] - b[0]).map((f) => f[1]);
}

/** Each place's position in a `near` list (kept per list: the lists of home municipalities are shared). */
const ranks = new WeakMap<readonly string[], Map<string, number>>();
function ranksOf(near: readonly string[]): Map<string, number> {
  let rank = ranks.get(near);
  if (!rank) {
    rank = new Map();
    for (let i = 0; i < near.length; i++) if (!rank.has(near[i]!)) rank.set(near[i]!, i);
    ranks.set(near, rank);
  }
  return rank;
}

/**
 * Adds `points` to every label of `labels` (a concept's records in walking order) not excluded by
 * `allowed`, listing in `touched` those met for the first time; once `closed`, only labels already
 * met gain points. One loop per case (a number or points by label; closed or not): a pasted CV without
 * a place walks tens of thousands of labels per search, and the checks cost more than the sums.
 */
function walkAll(labels: Int32Array, scores: Float64Array, points: number | Float64Array, touched: number[], closed: boolean, allowed: ReadonlySet<number> | undefined): void {
  const n = labels.length;
  if (allowed) {
    for (let i = 0; i < n; i++) {
      const label = labels[i]!;
      const score = scores[label]!;
      if ((closed && score === 0) || !allowed.has(label)) continue;
      if (score === 0) touched.push(label);
      scores[label] = score + (typeof points === 'number' ? points : points[label]!);
    }
  } else if (typeof points === 'number') {
    if (closed) {
      for (let i = 0; i < n; i++) {
        const label = labels[i]!;
        const score = scores[label]!;
        if (score !== 0) scores[label] = score + points;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const label = labels[i]!;
        const score = scores[label]!;
        if (score === 0) touched.push(label);
        scores[label] = score + points;
      }
    }
  } else if (closed) {
    for (let i = 0; i < n; i++) {
      const label = labels[i]!;
      const score = scores[label]!;
      if (score !== 0) scores[label] = score + points[label]!;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const label = labels[i]!;
      const score = scores[label]!;
      if (score === 0) touched.push(label);
      scores[label] = score + points[label]!;
    }
  }
}

/** The `limit` labels of highest score, best first (ties: in the order met), without sorting them all. */
function topByScore(labels: number[], scores: Float64Array, limit: number): ConceptHit[] {
  const hit = (label: number) => ({ label, score: scores[label]! });
  // Array sort is stable: equal scores keep the order met.
  if (labels.length <= limit * 4) return labels.sort((a, b) => scores[b]! - scores[a]!).slice(0, limit).map(hit);
  // The limit-th best score by selection on a copy of the scores: fewer than `limit` labels score above it,
  // sorted; then the labels scoring it, in the order met, as many as are left. (Sorting every label that
  // reaches it sorted thousands of ties when many records share the same concepts: a pasted CV without a place.)
  // Plain loops: Float64Array.from with a mapping function and filter cost ~3x these over tens of thousands of labels.
  const n = labels.length;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = scores[labels[i]!]!;
  const threshold = kthLargest(values, limit);
  const chosen: number[] = [];
  for (let i = 0; i < n; i++) if (scores[labels[i]!]! > threshold) chosen.push(labels[i]!);
  chosen.sort((a, b) => scores[b]! - scores[a]!);
  for (let i = 0; i < n && chosen.length < limit; i++) if (scores[labels[i]!] === threshold) chosen.push(labels[i]!);
  return chosen.map(hit);
}

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

export class ConceptIndex {
  private readonly postings = new Map<ConceptKey, Set<number>>();
  private readonly keysOf = new Map<number, { keys: ConceptKey[]; skills: number }>();

  get size(): number {
    return this.keysOf.size;
  }

  /** Sets (or replaces) the concepts of a record. */
  set(label: number, keys: ConceptKey[]): void {
    this.remove(label);
    for (const key of keys) {
      let set = this.postings.get(key);
      if (!set) this.postings.set(key, (set = new Set()));
      set.add(label);
    }
    this.keysOf.set(label, { keys, skills: keys.filter((k) => k.startsWith('s:')).length });
  }

  remove(label: number): void {
    const entry = this.keysOf.get(label);
    if (!entry) return;
    for (const key of entry.keys) {
      const set = this.postings.get(key);
      set?.delete(label);
      if (set?.size === 0) this.postings.delete(key);
    }
    this.keysOf.delete(label);
  }

  /**
   * Records sharing concepts with the query, best first: points for the same occupation and ISCO
   * unit group, plus the share of the record's own skills the query has (`record`: a vacancy whose
   * essential skills the jobseeker all holds scores full) or of the query's skills the record has
   * (`query`: candidates holding all of a vacancy's essential skills). `allowed` restricts to a
   * location filter.
   */
  search(query: ConceptQuery, limit: number, allowed?: ReadonlySet<number>, share: 'record' | 'query' = 'record'): ConceptHit[] {
    const scores = new Map<number, number>();
    const add = (key: ConceptKey, points: (label: number) => number) => {
      const set = this.postings.get(key);
      if (!set) return;
      for (const label of set) {
        if (allowed && !allowed.has(label)) continue;
        scores.set(label, (scores.get(label) ?? 0) + points(label));
      }
    };
    const seen = new Set<ConceptKey>();
    for (const o of query.occupations) {
      if (o.uri && !seen.has(`o:${o.uri}`)) (seen.add(`o:${o.uri}`), add(`o:${o.uri}`, () => OCCUPATION_POINTS));
      if (o.isco && !seen.has(`i:${o.isco}`)) (seen.add(`i:${o.isco}`), add(`i:${o.isco}`, () => ISCO_POINTS));
    }
    const common = Math.max(50, this.keysOf.size * COMMON_SKILL_SHARE);
    const skills = [...query.skills];
    for (const s of skills) {
      const key: ConceptKey = `s:${s}`;
      if (seen.has(key) || (this.postings.get(key)?.size ?? 0) > common) continue;
      seen.add(key);
      add(key, share === 'record' ? (label) => SKILL_POINTS / Math.max(1, this.keysOf.get(label)!.skills) : () => SKILL_POINTS / skills.length);
    }
    return [...scores.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([label, score]) => ({ label, score }));
  }
}

/** A skills and occupations taxonomy (ESCO, or the curated default) in any number of languages. */
export interface Labels {
  preferred: string;
  alt: string[];
}

export interface Concept {
  uri: string;
  /** Labels by language code ("fi", "sv", "en", ...). */
  labels: Record<string, Labels>;
}

export interface SkillConcept extends Concept {
  skillType: string;
}

export interface OccupationConcept extends Concept {
  iscoGroup: string;
  code: string;
  essential: string[];
  optional: string[];
}

/** An ISCO-08 group (major 1 digit … unit 4 digits), as ESCO publishes them. */
export interface IscoGroup extends Concept {
  code: string;
}

/** Optional parts of a taxonomy: ESCO's hierarchies and the ISCO groups. */
export interface TaxonomyExtras {
  /** [narrower, broader] skill pairs (broaderRelationsSkillPillar, skills only). */
  broaderSkills?: [string, string][];
  /** [skill, related skill] pairs (skillSkillRelations). */
  relatedSkills?: [string, string][];
  iscoGroups?: IscoGroup[];
}

/** Credit for a held skill related to a required one (see skillCredit). */
export const BROADER_HELD_CREDIT = 0.5;
export const RELATED_HELD_CREDIT = 0.5;
/** Levels of the skill hierarchy followed upwards. */
const ANCESTOR_DEPTH = 3;

/** Occupation pairs whose relation is remembered (ESCO has ~3,000 occupations; pairs met in matching are far fewer). */
const MAX_OCCUPATION_PAIRS = 200_000;

const LABEL_FALLBACK = ['en', 'fi', 'sv'];

export class Taxonomy {
  readonly skills = new Map<string, SkillConcept>();
  readonly occupations = new Map<string, OccupationConcept>();
  private readonly occupationRefs = new Map<string, OccupationConcept>();
  readonly iscoGroups = new Map<string, IscoGroup>();
  private readonly iscoRefs = new Map<string, IscoGroup>();
  /** Broader skills of each skill, up to ANCESTOR_DEPTH levels. */
  private readonly ancestors = new Map<string, Set<string>>();
  private readonly related = new Map<string, Set<string>>();
  /** occupationRelation's answers by the two URIs as asked (no pair key built: it is asked per candidate of a ranking). */
  private readonly relatedOccupations = new Map<string, Map<string, number>>();
  private occupationPairs = 0;
  /** occupationsIn's answers (at most one per ISCO group: ~600 on ESCO). */
  private readonly byGroup = new Map<string, OccupationConcept[]>();
  readonly languages: string[];

  /**
   * @param id identifies the taxonomy's content: records normalised with another id are redone.
   * @param source where it was read from, for logs and /health.
   */
  constructor(
    readonly id: string,
    readonly source: string,
    skills: SkillConcept[],
    occupations: OccupationConcept[],
    extras: TaxonomyExtras = {},
  ) {
    for (const s of skills) this.skills.set(s.uri, s);
    for (const o of occupations) {
      this.occupations.set(o.uri, o);
      for (const ref of [o.uri, o.code, o.iscoGroup, ...Object.values(o.labels).map((l) => l.preferred.toLocaleLowerCase('fi'))]) {
        if (ref && !this.occupationRefs.has(ref)) this.occupationRefs.set(ref, o);
      }
    }
    for (const g of extras.iscoGroups ?? []) {
      this.iscoGroups.set(g.code, g);
      for (const ref of [g.uri, g.code, ...Object.values(g.labels).map((l) => l.preferred.toLocaleLowerCase('fi'))]) {
        if (!this.iscoRefs.has(ref)) this.iscoRefs.set(ref, g);
      }
    }
    const parents = new Map<string, string[]>();
    for (const [narrower, broader] of extras.broaderSkills ?? []) {
      if (!this.skills.has(narrower) || !this.skills.has(broader)) continue;
      parents.set(narrower, [...(parents.get(narrower) ?? []), broader]);
    }
    for (const uri of parents.keys()) {
      const seen = new Set<string>();
      let level = parents.get(uri) ?? [];
      for (let depth = 0; depth < ANCESTOR_DEPTH && level.length > 0; depth++) {
        const next: string[] = [];
        for (const p of level) if (!seen.has(p) && p !== uri) (seen.add(p), next.push(...(parents.get(p) ?? [])));
        level = next;
      }
      this.ancestors.set(uri, seen);
    }
    for (const [a, b] of extras.relatedSkills ?? []) {
      if (!this.skills.has(a) || !this.skills.has(b)) continue;
      for (const [x, y] of [[a, b], [b, a]] as const) {
        const set = this.related.get(x) ?? new Set<string>();
        set.add(y);
        this.related.set(x, set);
      }
    }
    const langs = new Set<string>();
    for (const s of skills) for (const lang of Object.keys(s.labels)) langs.add(lang);
    this.languages = [...langs].sort();
  }

  /** The concept's preferred label in `lang`, else in English, Finnish, Swedish or any language. */
  label(uri: string, lang: string): string {
    const concept = this.skills.get(uri) ?? this.occupations.get(uri) ?? this.iscoByUri(uri);
    if (!concept) return uri.startsWith('text:') ? uri.slice(5) : uri;
    // The language asked for, then the fallbacks (no array built per call: hits label every skill they list).
    const own = concept.labels[lang];
    if (own) return own.preferred;
    for (const l of LABEL_FALLBACK) {
      const labels = concept.labels[l];
      if (labels) return labels.preferred;
    }
    return Object.values(concept.labels)[0]?.preferred ?? uri;
  }

  /**
   * The language of the label `label(uri, lang)` gives when the concept has none in `lang` (a fallback:
   * English, Finnish, Swedish or any language), else undefined: also for an unknown concept.
   */
  fallbackLanguage(uri: string, lang: string): string | undefined {
    const concept = this.skills.get(uri) ?? this.occupations.get(uri) ?? this.iscoByUri(uri);
    if (!concept || concept.labels[lang]) return undefined;
    for (const l of LABEL_FALLBACK) if (concept.labels[l]) return l;
    return Object.keys(concept.labels)[0];
  }

  /**
   * How much of a required skill the held skills cover: the skill itself or a narrower one fully
   * ("MIG welding" covers "welding"), a broader or related one (ESCO's skill hierarchy and skill
   * relations) in part; `via` names the held skill that gave the credit.
   */
  readonly skillCredit = (held: ReadonlySet<string>, required: string): { credit: number; via?: string } => {
    if (held.has(required)) return { credit: 1 };
    if (this.ancestors.size === 0 && this.related.size === 0) return { credit: 0 };
    let best: { credit: number; via?: string } = { credit: 0 };
    const above = this.ancestors.get(required);
    const near = this.related.get(required);
    for (const h of held) {
      if (this.ancestors.get(h)?.has(required)) return { credit: 1, via: h };
      const credit = above?.has(h) ? BROADER_HELD_CREDIT : near?.has(h) ? RELATED_HELD_CREDIT : 0;
      if (credit > best.credit) best = { credit, via: h };
    }
    return best;
  };

  /**
   * How related two occupations are by their work: the share of the smaller essential-skill
   * profile the two have in common (ESCO occupationSkillRelations; a forklift operator and a
   * warehouse worker both need the forklift licence). 0 when either has no essential skills.
   */
  readonly occupationRelation = (a: string, b: string): number => {
    if (a === b) return 1;
    let known = this.relatedOccupations.get(a);
    let value = known?.get(b);
    if (value === undefined) {
      const x = this.occupations.get(a)?.essential ?? [];
      const y = new Set(this.occupations.get(b)?.essential ?? []);
      const shared = x.filter((s) => y.has(s)).length;
      value = x.length === 0 || y.size === 0 ? 0 : shared / Math.min(x.length, y.size);
      if (this.occupationPairs < MAX_OCCUPATION_PAIRS) {
        if (!known) this.relatedOccupations.set(a, (known = new Map()));
        known.set(b, value);
        this.occupationPairs++;
      }
    }
    return value;
  };

  /** The ISCO-08 unit group an occupation concept is filed in (scoring's Relations.occupationGroup). */
  readonly occupationGroup = (uri: string): string | undefined => this.occupations.get(uri)?.iscoGroup || undefined;

  /**
   * An occupation reference (ESCO URI or code, ISCO-08 group code or URI, or a preferred label in
   * any language) as scoring sees it: the concept when known, and its ISCO unit group.
   */
  occupationRef(ref: string): { uri?: string; isco?: string; label: string } | undefined {
    const o = this.occupationFor(ref);
    if (o) return { uri: o.uri, isco: o.iscoGroup || undefined, label: this.label(o.uri, 'fi') };
    const g = this.iscoRefs.get(ref.trim()) ?? this.iscoRefs.get(ref.trim().toLocaleLowerCase('fi'));
    return g ? { isco: g.code, label: this.label(g.uri, 'fi') } : undefined;
  }

  /** An occupation by URI, ESCO code, ISCO group (its first occupation) or preferred label. */
  occupationFor(ref: string): OccupationConcept | undefined {
    return this.occupationRefs.get(ref) ?? this.occupationRefs.get(ref.trim().toLocaleLowerCase('fi'));
  }

  /**
   * The ISCO-08 group (1-4 digits) a reference names when it names a group rather than one occupation
   * ("5223"; on ESCO a unit group holds up to ~90 occupations, so its first says nothing of the work).
   */
  iscoGroupOf(ref: string): string | undefined {
    const code = ref.trim();
    if (!/^\d{1,4}$/.test(code)) return undefined;
    return this.iscoGroups.has(code) || this.occupationsIn(code).length > 0 ? code : undefined;
  }

  /** The occupations of an ISCO-08 group (or of any group whose code starts with it). */
  occupationsIn(group: string): OccupationConcept[] {
    let list = this.byGroup.get(group);
    if (!list) {
      list = [...this.occupations.values()].filter((o) => o.iscoGroup.startsWith(group));
      this.byGroup.set(group, list);
    }
    return list;
  }

  private iscoByUri(uri: string): IscoGroup | undefined {
    return uri.includes('/isco/') ? this.iscoRefs.get(uri) : undefined;
  }
}

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

const LABEL_FALLBACK = ['en', 'fi', 'sv'];

export class Taxonomy {
  readonly skills = new Map<string, SkillConcept>();
  readonly occupations = new Map<string, OccupationConcept>();
  private readonly occupationRefs = new Map<string, OccupationConcept>();
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
  ) {
    for (const s of skills) this.skills.set(s.uri, s);
    for (const o of occupations) {
      this.occupations.set(o.uri, o);
      for (const ref of [o.uri, o.code, o.iscoGroup, ...Object.values(o.labels).map((l) => l.preferred.toLocaleLowerCase('fi'))]) {
        if (ref && !this.occupationRefs.has(ref)) this.occupationRefs.set(ref, o);
      }
    }
    const langs = new Set<string>();
    for (const s of skills) for (const lang of Object.keys(s.labels)) langs.add(lang);
    this.languages = [...langs].sort();
  }

  /** The concept's preferred label in `lang`, else in English, Finnish, Swedish or any language. */
  label(uri: string, lang: string): string {
    const concept = this.skills.get(uri) ?? this.occupations.get(uri);
    if (!concept) return uri.startsWith('text:') ? uri.slice(5) : uri;
    for (const l of [lang, ...LABEL_FALLBACK]) {
      const labels = concept.labels[l];
      if (labels) return labels.preferred;
    }
    return Object.values(concept.labels)[0]?.preferred ?? uri;
  }

  /** An occupation by URI, ESCO code, ISCO group (its first occupation) or preferred label. */
  occupationFor(ref: string): OccupationConcept | undefined {
    return this.occupationRefs.get(ref) ?? this.occupationRefs.get(ref.trim().toLocaleLowerCase('fi'));
  }
}

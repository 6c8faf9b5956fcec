import type { Embedder } from '../ports.js';
import type { SkillRef } from '../schemas/skills.js';
import { normaliseSkill } from '../skills.js';
import { Bm25Index, fuseRankings } from './bm25.js';
import { LabelVectors, type LabelNeighbour } from './label-vectors.js';
import { PhraseIndex, type Phrase } from './phrases.js';
import type { Taxonomy } from './taxonomy.js';

export interface NormalizerSettings {
  /** Embedding nearest neighbour over skill labels for skill strings no label matches (0 disables). */
  nnThreshold: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Maps skill strings and free text to taxonomy concepts: exact or alternative label first (with
 * inflected forms, see phrases.ts), then, for skill strings only, the nearest skill label by
 * embedding above a threshold; what remains stays a plain-text skill.
 */
export class SkillNormalizer {
  /** Skill label vectors (preferred labels in every language), when an embedder is in use. */
  labelVectors: LabelVectors | undefined;

  private constructor(
    readonly taxonomy: Taxonomy,
    private readonly index: PhraseIndex,
    private readonly bm25: Bm25Index,
    private readonly embedder: Embedder | undefined,
    private readonly settings: NormalizerSettings,
  ) {}

  /** Identifies what normalised a record: records normalised by another are redone at start. */
  get id(): string {
    return `${this.taxonomy.id}|nn:${this.embedder && this.settings.nnThreshold > 0 ? `${this.embedder.id}@${this.settings.nnThreshold}` : 'off'}`;
  }

  static async create(taxonomy: Taxonomy, embedder: Embedder | undefined, settings: NormalizerSettings): Promise<SkillNormalizer> {
    const phrases: Phrase[] = [];
    for (const skill of taxonomy.skills.values()) {
      for (const [lang, labels] of Object.entries(skill.labels)) {
        phrases.push({ uri: skill.uri, text: labels.preferred, preferred: true, lang });
        for (const alt of labels.alt) phrases.push({ uri: skill.uri, text: alt, preferred: false, lang });
      }
    }
    const bm25 = new Bm25Index(
      [...taxonomy.skills.values()].map((s) => ({ id: s.uri, texts: Object.values(s.labels).flatMap((l) => [l.preferred, ...l.alt]) })),
    );
    const normalizer = new SkillNormalizer(taxonomy, new PhraseIndex(phrases), bm25, embedder, settings);
    if (embedder) normalizer.labelVectors = await LabelVectors.build(embedder, taxonomy.skills.values(), { alt: false });
    return normalizer;
  }

  /** Skills named in free text, each with its span. */
  fromText(text: string, lang = 'fi'): SkillRef[] {
    return this.index.findIn(text).map((m) => ({
      uri: m.uri,
      label: this.taxonomy.label(m.uri, m.phrase.lang ?? lang),
      confidence: round(m.score),
      source: 'text' as const,
      evidence: text.slice(m.start, m.end),
      start: m.start,
      end: m.end,
      method: m.score >= 0.95 ? ('label' as const) : ('inflected' as const),
    }));
  }

  /** Each skill string as one concept (or as plain text when nothing fits). */
  async fromStrings(strings: string[], source: SkillRef['source']): Promise<SkillRef[]> {
    const refs: SkillRef[] = [];
    const unmatched: number[] = [];
    strings.forEach((s, i) => {
      const m = this.index.matchWhole(s);
      if (m) {
        refs[i] = {
          uri: m.uri,
          label: this.taxonomy.label(m.uri, m.phrase.lang),
          confidence: round(m.score),
          source,
          evidence: s,
          method: m.score >= 0.95 ? 'label' : 'inflected',
        };
      } else unmatched.push(i);
    });
    const vectors = unmatched.length > 0 && this.labelVectors && this.settings.nnThreshold > 0 ? await this.embedder!.embed(unmatched.map((i) => strings[i]!), 'query') : [];
    unmatched.forEach((i, j) => {
      const nearest = vectors[j] && this.nearestLabel(vectors[j]!);
      refs[i] = nearest
        ? { uri: nearest.uri, label: this.taxonomy.label(nearest.uri, 'fi'), confidence: round(nearest.similarity), source, evidence: strings[i]!, method: 'embedding' }
        : { uri: `text:${normaliseSkill(strings[i]!)}`, label: strings[i]!, confidence: 1, source, evidence: strings[i]!, method: 'unmatched' };
    });
    return dedupe(refs);
  }

  async forJobseeker(j: { skills: string[]; summary: string }): Promise<{ skills: SkillRef[] }> {
    return { skills: dedupe([...(await this.fromStrings(j.skills, 'skills')), ...this.fromText(j.summary)]) };
  }

  /**
   * A vacancy's required skills: its skill list (essential) and optional list, or, when it lists
   * none, its occupation's essential and optional skills. Skills only named in the description are
   * "mentioned", not required.
   */
  async forVacancy(v: { skills: string[]; optionalSkills?: string[]; occupation?: string; description: string }) {
    let essential = await this.fromStrings(v.skills, 'skills');
    let optional = await this.fromStrings(v.optionalSkills ?? [], 'optionalSkills');
    const occupation = v.occupation ? this.taxonomy.occupationFor(v.occupation) : undefined;
    if (essential.length === 0 && optional.length === 0 && occupation) {
      const ref = (uri: string): SkillRef => ({
        uri,
        label: this.taxonomy.label(uri, 'fi'),
        confidence: 1,
        source: 'occupation',
        evidence: occupation.labels.fi?.preferred ?? occupation.labels.en?.preferred ?? occupation.code,
        method: 'occupation',
      });
      essential = occupation.essential.map(ref);
      optional = occupation.optional.map(ref);
    }
    const required = new Set([...essential, ...optional].map((s) => s.uri));
    optional = optional.filter((s) => !essential.some((e) => e.uri === s.uri));
    const mentioned = this.fromText(v.description).filter((s) => !required.has(s.uri));
    return { essential, optional, mentioned };
  }

  /**
   * Skills a job or CV text suggests, best first: the fusion of three rankings — concepts named in
   * the text (by confidence), BM25 over skill labels, and label embedding similarity.
   */
  async suggest(text: string, limit: number): Promise<{ uri: string; score: number }[]> {
    const named = this.fromText(text)
      .sort((a, b) => b.confidence - a.confidence)
      .map((r) => r.uri);
    const rankings = [named, this.bm25.rank(text, 200)];
    if (this.embedder && this.labelVectors) {
      const [vector] = await this.embedder.embed([text], 'query');
      rankings.push(this.labelVectors.nearest(vector!, 200).map((n) => n.uri));
    }
    return fuseRankings(rankings, limit).map(({ id, score }) => ({ uri: id, score }));
  }

  private nearestLabel(vector: Float32Array): LabelNeighbour | undefined {
    return this.labelVectors?.nearest(vector, 1, this.settings.nnThreshold)[0];
  }
}

/** One entry per concept, the most confident. */
function dedupe(refs: SkillRef[]): SkillRef[] {
  const best = new Map<string, SkillRef>();
  for (const r of refs) {
    const seen = best.get(r.uri);
    if (!seen || r.confidence > seen.confidence) best.set(r.uri, r);
  }
  return [...best.values()];
}

import type { Embedder, ExactScanFactory, LanguageDetector, VectorCache } from '../ports.js';
import type { OccupationRef, SkillRef } from '../schemas/skills.js';
import { isProse, normaliseSkill } from '../skills.js';
import { Bm25Index, fuseRankings } from './bm25.js';
import { LabelVectors, type LabelNeighbour } from './label-vectors.js';
import { PhraseIndex, type Phrase, type PhraseMatch } from './phrases.js';
import { LabelIndex } from './label-index.js';
import { stanceAt, stanceSpans } from './stance.js';
import { extractRequirements, mergeRequirements } from '../requirements/extract.js';
import { fieldRequirements } from '../requirements/sides.js';
import { cardUri, type CardId, type LanguageLevel, type LicenceClass } from '../requirements/vocabulary.js';
import type { Taxonomy } from './taxonomy.js';

export interface NormalizerSettings {
  /** Embedding nearest neighbour over skill labels for skill strings no label matches (0 disables). */
  nnThreshold: number;
  /** Embedding nearest occupation label for titles no label names (0 disables; hashing vectors know no synonyms). */
  occupationNnThreshold?: number;
}

/** Bumped when the reading of records changes, so that stored records are read again at start. */
const READING_VERSION = 'r5';
/** A skill entry given as "text:…" is free text by choice. */
const FREE_TEXT = /^text:\s*(.+)$/s;
/** Lowest word-ranking score at which a title names an occupation (the title's rare words are in its label). */
const TITLE_MIN_SCORE = 0.7;
/** ... or at which a label the title contains in full names it (the title may add a place or a department). */
const TITLE_CONTAINED_MIN_SCORE = 0.25;
/** Titles whose occupation is remembered (first in, first out). */
/** Titles and skill strings whose reading is remembered (each map). */
const TITLE_CACHE = 20_000;

/** ISO 639-1 codes to the English names ESCO and the curated taxonomy label language skills with. */
const LANGUAGE_NAMES: Record<string, string> = {
  fi: 'Finnish', sv: 'Swedish', en: 'English', de: 'German', fr: 'French', es: 'Spanish', ru: 'Russian', et: 'Estonian',
  ar: 'Arabic', so: 'Somali', fa: 'Persian', uk: 'Ukrainian', zh: 'Chinese', it: 'Italian', pl: 'Polish', tr: 'Turkish',
  ku: 'Kurdish', th: 'Thai', vi: 'Vietnamese', se: 'Northern Sami', sme: 'Northern Sami', no: 'Norwegian', da: 'Danish',
};

const round = (x: number) => Math.round(x * 1000) / 1000;
/** Lowest similarity of a sentence to a concept's labels at which the model confirms a weak reading (a common word). */
const CONFIRM_SIMILARITY = 0.5;

/** A job title's part before its first comma, when it has one and more follows ("Welder, shipyard" → "Welder"). */
function titleHead(title: string): string | undefined {
  const comma = title.indexOf(',');
  const head = comma > 0 ? title.slice(0, comma).trim() : '';
  return head && title.slice(comma + 1).trim() ? head : undefined;
}

/** The sentence around a span: from the last full stop, line break or semicolon before it to the next one. */
function sentenceAround(text: string, start: number, end: number): string {
  const before = Math.max(text.lastIndexOf('.', start - 1), text.lastIndexOf('\n', start - 1), text.lastIndexOf(';', start - 1), text.lastIndexOf('!', start - 1), text.lastIndexOf('?', start - 1));
  const after = [...'.\n;!?'].map((c) => text.indexOf(c, end)).filter((i) => i >= 0);
  return text.slice(before + 1, after.length > 0 ? Math.min(...after) : text.length).trim();
}

/**
 * Maps skill strings and free text to taxonomy concepts: exact or alternative label first (with
 * inflected forms, see phrases.ts), then, for skill strings only, the nearest skill label by
 * embedding above a threshold; what remains stays a plain-text skill.
 */
export class SkillNormalizer {
  /** Skill label vectors (preferred labels in every language), when an embedder is in use. */
  labelVectors: LabelVectors | undefined;
  /** Occupation label vectors (all labels), when an embedder is in use. */
  occupationVectors: LabelVectors | undefined;
  /** Word ranking over occupation labels, for reading job titles. */
  readonly occupationWords: LabelIndex;
  private readonly languageSkills = new Map<string, string>();
  /** Titles already linked to an occupation (titles repeat: ~90 distinct in the 4,800 fixture records). */
  private readonly titles = new Map<string, OccupationRef | undefined>();
  /** The nearest skill label of each skill string no label names (skill lists repeat from record to record). */
  private readonly nearestOfString = new Map<string, LabelNeighbour | null>();
  /** The occupation of a title in the ISCO group a record gives (see occupationInGroup). */
  private readonly inGroup = new Map<string, OccupationRef>();

  private constructor(
    readonly taxonomy: Taxonomy,
    private readonly index: PhraseIndex,
    private readonly bm25: Bm25Index,
    private readonly embedder: Embedder | undefined,
    private readonly settings: NormalizerSettings,
    private readonly detector: LanguageDetector | undefined,
  ) {
    this.occupationWords = new LabelIndex(taxonomy.occupations.values());
    for (const [code, name] of Object.entries(LANGUAGE_NAMES)) {
      const wanted = new Set([name.toLowerCase(), `${name.toLowerCase()} language`]);
      for (const skill of taxonomy.skills.values()) {
        const en = skill.labels.en;
        if (en && [en.preferred, ...en.alt].some((l) => wanted.has(l.toLowerCase()))) {
          this.languageSkills.set(code, skill.uri);
          break;
        }
      }
    }
  }

  /** Identifies what normalised a record: records normalised by another are redone at start. */
  get id(): string {
    const nn = this.embedder && this.settings.nnThreshold > 0 ? `${this.embedder.id}@${this.settings.nnThreshold}` : 'off';
    const occupationNn = this.occupationVectors ? `@${this.settings.occupationNnThreshold}` : '';
    return `${this.taxonomy.id}|nn:${nn}${occupationNn}|${READING_VERSION}${this.detector ? '+lang' : ''}`;
  }

  static async create(
    taxonomy: Taxonomy,
    embedder: Embedder | undefined,
    settings: NormalizerSettings,
    detector?: LanguageDetector,
    /** Where label vectors are kept between starts, per label set. */
    vectorCache?: (labels: 'skills' | 'occupations') => VectorCache,
    /** Scans label vectors natively for nearest-label searches (see LabelVectors.build). */
    scan?: ExactScanFactory,
  ): Promise<SkillNormalizer> {
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
    const normalizer = new SkillNormalizer(taxonomy, new PhraseIndex(phrases), bm25, embedder, settings, detector);
    if (embedder) normalizer.labelVectors = await LabelVectors.build(embedder, taxonomy.skills.values(), { alt: false, cache: vectorCache?.('skills'), scan });
    if (embedder && (settings.occupationNnThreshold ?? 0) > 0) {
      normalizer.occupationVectors = await LabelVectors.build(embedder, taxonomy.occupations.values(), { alt: true, cache: vectorCache?.('occupations'), scan });
    }
    return normalizer;
  }

  /** The language a text is written in, when a detector is in use and sure. */
  languageOf(text: string): string | undefined {
    return this.detector?.detect(text);
  }

  /**
   * Skills named in free text as held, each with its span; those the text wishes for, is learning
   * or says are missing ("ei ole trukkikorttia", "vill lära mig", "learning Finnish") come apart, and
   * what it offers or says is not needed ("Tarjoamme työterveyshuollon", "Körkort krävs inte") is
   * dropped. Readings that context must confirm (a common word that is one concept's label) are left
   * out here; `read` confirms them with the model.
   */
  readText(text: string, lang?: string): { held: SkillRef[]; wishes: SkillRef[] } {
    const language = lang ?? this.languageOf(text);
    return this.byStance(text, language, this.fromText(text, language));
  }

  /**
   * As readText, with the embedding model's judgement of the readings context must confirm: a
   * common word read as a concept is kept when its sentence is near the concept's labels.
   */
  async read(text: string, lang?: string): Promise<{ held: SkillRef[]; wishes: SkillRef[] }> {
    const language = lang ?? this.languageOf(text);
    const matches = this.index.findIn(text, { lang: language });
    const weak = matches.filter((m) => m.weak);
    const confirmed = new Set<PhraseMatch>();
    if (weak.length > 0 && this.labelVectors && this.embedder && !this.embedder.id.startsWith('lexical')) {
      const sentences = weak.map((m) => sentenceAround(text, m.start, m.end));
      const vectors = await this.embedder.embed(sentences, 'query');
      weak.forEach((m, i) => {
        if ((this.labelVectors!.similarity(vectors[i]!, m.uri) ?? -1) >= CONFIRM_SIMILARITY) confirmed.add(m);
      });
    }
    const refs = matches.filter((m) => !m.weak || confirmed.has(m)).map((m) => this.refOf(text, m, language));
    return this.byStance(text, language, refs);
  }

  private byStance(text: string, language: string | undefined, refs: SkillRef[]) {
    const spans = stanceSpans(text, language);
    const held: SkillRef[] = [];
    const wishes: SkillRef[] = [];
    for (const ref of refs) {
      const stance = stanceAt(spans, ref.start ?? 0);
      if (stance === 'held') held.push(ref);
      else if (stance === 'wish' || stance === 'missing') wishes.push(ref);
    }
    return { held, wishes };
  }

  /** The occupation a record names: its `occupation` field, else the one its title names. */
  async occupationOf(title: string, given: string | undefined, lang = 'fi'): Promise<OccupationRef | undefined> {
    if (given) {
      const group = this.taxonomy.iscoGroupOf(given);
      if (group) return this.occupationInGroup(title, given, group, lang);
      const ref = this.taxonomy.occupationRef(given);
      if (ref) return { ...ref, method: 'given', evidence: given };
    }
    const key = `${lang}\u0000${title}`;
    if (this.titles.has(key)) return this.titles.get(key);
    const uri = await this.titleOccupation(title, lang);
    const o = uri ? this.taxonomy.occupations.get(uri) : undefined;
    const ref: OccupationRef | undefined = o && { uri: o.uri, ...(o.iscoGroup ? { isco: o.iscoGroup } : {}), label: this.taxonomy.label(o.uri, 'fi'), method: 'title', evidence: title };
    if (this.titles.size >= TITLE_CACHE) this.titles.delete(this.titles.keys().next().value!);
    this.titles.set(key, ref);
    return ref;
  }

  /**
   * The occupation a job title names: the best label the title contains in full ("Sairaanhoitaja,
   * sisätautien osasto"), else a close enough one; with a model, only a label whose concept the
   * title's embedding is near as well (words alone link "Customer support agent" to customs agent,
   * "customer" being read as an inflected "customs"); else the nearest label by embedding.
   */
  private async titleOccupation(title: string, lang: string): Promise<string | undefined> {
    const threshold = this.settings.occupationNnThreshold ?? 0;
    const semantic = this.occupationVectors && this.embedder && threshold > 0 ? this.occupationVectors : undefined;
    const vector = semantic && title.trim() ? (await this.embedder!.embed([title], 'query'))[0] : undefined;
    const hits = this.occupationWords.search(title, lang, 20);
    const named = hits.filter((h) => (h.contained && h.score >= TITLE_CONTAINED_MIN_SCORE) || h.score >= TITLE_MIN_SCORE);
    // The title proper, before a comma ("Warehouse worker, airport cargo", "Sairaanhoitaja, sisätautien osasto"):
    // a label that is all of it is named as fully as by the whole title ("airport cargo worker", a label of
    // ESCO's hand luggage inspector, shares more of the title's words but is not the job).
    const head = titleHead(title);
    const headNamed = head ? this.occupationWords.search(head, lang, 5).filter((h) => h.contained && h.coverage === 1 && h.score >= TITLE_MIN_SCORE) : [];
    if (!vector) return (headNamed[0] ?? named.find((h) => h.contained) ?? named[0])?.uri;
    // Words and meaning together: each label the words name, and the nearest labels by embedding, by the sum of both.
    const score = new Map<string, number>();
    for (const h of named) score.set(h.uri, Math.min(1, h.score) + (semantic!.similarity(vector, h.uri) ?? 0));
    for (const h of headNamed) score.set(h.uri, Math.max(score.get(h.uri) ?? 0, 1 + (semantic!.similarity(vector, h.uri) ?? 0)));
    for (const n of semantic!.nearest(vector, 5, threshold)) if (!score.has(n.uri)) score.set(n.uri, n.similarity);
    let best: string | undefined;
    for (const [uri, value] of score) if (best === undefined || value > score.get(best)!) best = uri;
    return best;
  }

  /**
   * A record giving an ISCO-08 group ("5223", as registries and job boards do) names the group, not one of
   * its occupations (ESCO's unit group 5223 holds ~60, from "sales assistant" to "hardware and paint
   * specialised seller"): the group's occupation its title names (as words, else the nearest label by
   * embedding), else its only occupation, else the group alone (scored by ISCO group, no concept).
   */
  private async occupationInGroup(title: string, given: string, group: string, lang: string): Promise<OccupationRef> {
    const key = `${lang}\u0000${given}\u0000${group}\u0000${title}`;
    let ref = this.inGroup.get(key);
    if (!ref) {
      if (this.inGroup.size >= TITLE_CACHE) this.inGroup.delete(this.inGroup.keys().next().value!);
      this.inGroup.set(key, (ref = await this.findInGroup(title, given, group, lang)));
    }
    return ref;
  }

  private async findInGroup(title: string, given: string, group: string, lang: string): Promise<OccupationRef> {
    const members = this.taxonomy.occupationsIn(group);
    const inGroup = new Set(members.map((o) => o.uri));
    let uri: string | undefined;
    if (title.trim()) {
      const hit = this.occupationWords.search(title, lang, 1, (u) => inGroup.has(u))[0];
      // A title that is another group's occupation by name, and names none of this group's, is that occupation:
      // registries and ESCO file some work in different groups (the fixture's "varastotyöntekijä" is 4321,
      // ESCO's warehouse worker and Statistics Finland's 9333; "lähihoitaja" 5322 or 5321). The group
      // given stays the record's (its ISCO credit, skill level and statistics are by the group).
      const named = hit?.contained ? undefined : this.namedExactly(title, lang);
      if (named && !inGroup.has(named)) return this.refIn(named, group, given);
      if (hit && (hit.contained || hit.score >= TITLE_CONTAINED_MIN_SCORE)) uri = hit.uri;
    }
    if (!uri && members.length === 1) uri = members[0]!.uri;
    const threshold = this.settings.occupationNnThreshold ?? 0;
    if (!uri && title.trim() && this.occupationVectors && this.embedder && threshold > 0) {
      const [vector] = await this.embedder.embed([title], 'query');
      uri = this.occupationVectors.nearest(vector!, this.taxonomy.occupations.size, threshold).find((n) => inGroup.has(n.uri))?.uri;
    }
    const o = uri ? this.taxonomy.occupations.get(uri) : undefined;
    if (o) return { uri: o.uri, ...(o.iscoGroup ? { isco: o.iscoGroup } : {}), label: this.taxonomy.label(o.uri, 'fi'), method: 'given', evidence: given };
    const isco = this.taxonomy.iscoGroups.get(group);
    return { isco: group, label: isco ? this.taxonomy.label(isco.uri, 'fi') : group, method: 'given', evidence: given };
  }

  /** The occupation whose label is the whole title (every word of each in the other, as words, inflected forms or compound heads). */
  private namedExactly(title: string, lang: string): string | undefined {
    const best = this.occupationWords.search(title, lang, 1)[0];
    return best && best.contained && best.coverage === 1 && best.score >= TITLE_MIN_SCORE ? best.uri : undefined;
  }

  /** An occupation concept as the record's, in the ISCO group the record gives. */
  private refIn(uri: string, group: string, given: string): OccupationRef {
    return { uri, isco: group, label: this.taxonomy.label(uri, 'fi'), method: 'given', evidence: given };
  }

  /** The skill concept of a language (ISO 639-1 code), when the taxonomy has one. */
  languageSkill(code: string): string | undefined {
    return this.languageSkills.get(code);
  }

  /**
   * Skills named in free text, each with its span (whatever the text says of them; see readText):
   * labels of the text's language (detected when not given), another language's only as a fallback
   * (`labelLanguage`); readings context must confirm are left out (see read).
   */
  fromText(text: string, lang?: string): SkillRef[] {
    const language = lang ?? this.languageOf(text);
    return this.index
      .findIn(text, { lang: language })
      .filter((m) => !m.weak)
      .map((m) => this.refOf(text, m, language));
  }

  private refOf(text: string, m: PhraseMatch, language: string | undefined): SkillRef {
    return {
      uri: m.uri,
      label: this.taxonomy.label(m.uri, language ?? m.phrase.lang),
      confidence: round(m.score),
      source: 'text' as const,
      evidence: text.slice(m.start, m.end),
      start: m.start,
      end: m.end,
      method: m.score >= 0.95 ? ('label' as const) : ('inflected' as const),
      ...(m.foreign ? { labelLanguage: m.phrase.lang } : {}),
    };
  }

  /** Each skill string as one concept (or as plain text when nothing fits). */
  async fromStrings(strings: string[], source: SkillRef['source']): Promise<SkillRef[]> {
    const refs: SkillRef[] = [];
    const unmatched: number[] = [];
    strings.forEach((s, i) => {
      // "text:…": kept as free text by the user's choice (a note, never scored), not looked up.
      const free = FREE_TEXT.exec(s)?.[1];
      const m = free === undefined ? this.index.matchWhole(s) : undefined;
      if (free !== undefined) {
        refs[i] = { uri: `text:${normaliseSkill(free)}`, label: free, confidence: 1, source, evidence: s, method: 'unmatched' };
      } else if (m) {
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
    const semantic = this.labelVectors && this.settings.nnThreshold > 0;
    const unknown = semantic ? [...new Set(unmatched.map((i) => strings[i]!).filter((s) => !this.nearestOfString.has(s)))] : [];
    const vectors = unknown.length > 0 ? await this.embedder!.embed(unknown, 'query') : [];
    unknown.forEach((s, j) => {
      if (this.nearestOfString.size >= TITLE_CACHE) this.nearestOfString.delete(this.nearestOfString.keys().next().value!);
      this.nearestOfString.set(s, (vectors[j] && this.nearestLabel(vectors[j]!)) ?? null);
    });
    unmatched.forEach((i) => {
      const nearest = semantic ? this.nearestOfString.get(strings[i]!) : undefined;
      refs[i] = nearest
        ? { uri: nearest.uri, label: this.taxonomy.label(nearest.uri, 'fi'), confidence: round(nearest.similarity), source, evidence: strings[i]!, method: 'embedding' }
        : { uri: `text:${normaliseSkill(strings[i]!)}`, label: strings[i]!, confidence: 1, source, evidence: strings[i]!, method: 'unmatched' };
    });
    return dedupe(refs);
  }

  /**
   * A jobseeker's skills: the skill list, the skills the summary names as held, and the languages
   * they work in; what the summary wishes for or says is missing is kept apart as wishes. The
   * occupation is the one given, else the one the title names.
   */
  async forJobseeker(j: { title?: string; occupation?: string; wishedOccupations?: string[]; skills: string[]; summary: string; languages?: string[] }) {
    const language = this.languageOf(j.summary);
    const text = await this.read(j.summary, language);
    const languages: SkillRef[] = (j.languages ?? []).flatMap((code) => {
      const uri = this.languageSkill(code);
      return uri ? [{ uri, label: this.taxonomy.label(uri, 'fi'), confidence: 1, source: 'languages' as const, evidence: code, method: 'label' as const }] : [];
    });
    const prose = (await Promise.all(j.skills.filter(isProse).map((p) => this.read(p, language)))).flatMap((r) => r.held).map((r) => ({ ...r, source: 'skills' as const }));
    const skills = dedupe([...(await this.fromStrings(j.skills.filter((s) => !isProse(s)), 'skills')), ...prose, ...text.held, ...languages]);
    const heldUris = new Set(skills.map((s) => s.uri));
    const occupation = j.title !== undefined ? await this.occupationOf(j.title, j.occupation, language) : undefined;
    const wished = [];
    for (const w of j.wishedOccupations ?? []) {
      const ref = await this.occupationOf(w, w, language);
      if (ref && ref.uri !== occupation?.uri) wished.push({ ...ref, method: 'wish' as const, evidence: w });
    }
    return {
      skills,
      occupations: [...(occupation ? [occupation] : []), ...wished],
      wishes: dedupe(text.wishes.filter((w) => !heldUris.has(w.uri))),
      ...(language ? { language } : {}),
    };
  }

  /**
   * A vacancy's required skills: its skill list (essential) and optional list, or, when it lists
   * none, its occupation's essential and optional skills. Skills only named in the description are
   * "mentioned", not required.
   */
  async forVacancy(v: VacancyText) {
    const language = this.languageOf(v.description);
    const listed = (list: string[], source: 'skills' | 'optionalSkills') => this.listed(list, source, language);
    let essential = await listed(v.skills, 'skills');
    let optional = await listed(v.optionalSkills ?? [], 'optionalSkills');
    const named = v.title !== undefined || v.occupation ? await this.occupationOf(v.title ?? '', v.occupation, language) : undefined;
    // The occupation given (for an ISCO group, the one of its occupations the title names: see occupationInGroup).
    const occupation = v.occupation && named?.method === 'given' && named.uri ? this.taxonomy.occupations.get(named.uri) : undefined;
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
    const requirements = mergeRequirements(
      [
        fieldRequirements(v),
        extractRequirements(v.description, language),
        extractRequirements(v.skills.filter(isProse).join('\n'), language, 'essential'),
        extractRequirements((v.optionalSkills ?? []).filter(isProse).join('\n'), language, 'optional'),
      ].reduce((all, r) => ({ licences: [...all.licences, ...r.licences], languages: [...all.languages, ...r.languages], cards: [...all.cards, ...r.cards] })),
    );
    // A card the text counts as an advantage is an optional skill (a required one is a gate).
    // Its concept in this taxonomy: a card may have one in the curated taxonomy and another in the local extension on ESCO.
    for (const card of requirements.cards) {
      const uri = cardUri(card.id, (u) => this.taxonomy.skills.has(u));
      if (card.required || !uri || required.has(uri)) continue;
      required.add(uri);
      optional.push({ uri, label: this.taxonomy.label(uri, language ?? 'fi'), confidence: 1, source: 'text', evidence: card.evidence, method: 'label' });
    }
    const mentioned = (await this.read(v.description, language)).held.filter((s) => !required.has(s.uri));
    return { ...(named ? { occupation: named } : {}), ...(language ? { language } : {}), essential, optional, mentioned, requirements };
  }

  /**
   * A skill list: each short entry one concept (or free text, a note), and what the longer entries
   * (a sentence: "Hyvä suomen kielen taito ja kokemus asiakaspalvelusta") name, read as text.
   */
  private async listed(list: string[], source: 'skills' | 'optionalSkills', language: string | undefined): Promise<SkillRef[]> {
    const prose = (await Promise.all(list.filter(isProse).map((p) => this.read(p, language)))).flatMap((r) => r.held).map((r) => ({ ...r, source }));
    return dedupe([...(await this.fromStrings(list.filter((s) => !isProse(s)), source)), ...prose]);
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

/** What forVacancy reads of a vacancy. */
interface VacancyText {
  title?: string;
  skills: string[];
  optionalSkills?: string[];
  occupation?: string;
  description: string;
  languages?: string[];
  languageRequirements?: { code: string; level: LanguageLevel; required: boolean }[];
  drivingLicenceRequired?: boolean;
  drivingLicences?: LicenceClass[];
  cards?: CardId[];
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

/**
 * Finding taxonomy labels in free text despite inflection and compounding ("hitsaus",
 * "hitsauksen", "hitsaaja"; "trukkikortti", "trukkikortin"). Words are compared by the overlap of
 * their character trigrams (with word-boundary marks) when they share their first four letters;
 * short words (abbreviations such as "MIG", "SQL", "C") must match exactly.
 */
export interface Token {
  norm: string;
  start: number;
  end: number;
  /** The word as written (NFKC), for acronyms, which match only in their written case. */
  raw: string;
}

/**
 * A word: letters, digits, + and #. The patterns here are module constants: a literal inside a function is
 * a new RegExp object at every call, which was half of indexing ESCO's 127,000 labels (matchAll works on a
 * copy of a global pattern, and `test` without the g flag keeps no state, so sharing them is safe).
 */
const WORD = /[\p{L}\p{N}+#]+/gu;
/** A word written with a capital (no g flag: `test` keeps no state between calls). */
const CAPITALISED = /^\p{Lu}/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.normalize('NFKC').matchAll(WORD)) {
    // Lower case as Finnish has it: Unicode's only language-specific lowercasings are Turkish, Azeri and
    // Lithuanian, so the plain (much faster) toLowerCase gives the same letters for fi, sv and en.
    tokens.push({ norm: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length, raw: m[0] });
  }
  return tokens;
}

const FUZZY_MIN_LENGTH = 5;
const BLOCK = 4;
/** Lowest trigram overlap (Dice) at which two words count as forms of one word. */
export const WORD_SIMILARITY_THRESHOLD = 0.5;
/** Most of the label word's trigrams an inflected form may lack (its ending). */
const MAX_MISSING_TRIGRAMS = 4;
/** Lowest share of the label word's trigrams found in the text word (keeps compounds apart). */
const CONTAINMENT_THRESHOLD = 0.55;

/** Similarity given to two English forms of one word ("welded", "welding"; "drove", "driving"). */
export const STEM_SIMILARITY = 0.9;
/** Irregular English verbs common in CVs, to their base form. */
const IRREGULAR = new Map<string, string>(Object.entries({
  drove: 'drive', driven: 'drive', drivers: 'drive', ran: 'run', taught: 'teach', built: 'build', made: 'make', sold: 'sell',
  led: 'lead', kept: 'keep', wrote: 'write', written: 'write', fed: 'feed', spoke: 'speak', spoken: 'speak', dealt: 'deal',
  cut: 'cut', bought: 'buy', brought: 'bring', held: 'hold', took: 'take', taken: 'take', did: 'do', done: 'do',
}));
const ENGLISH_SUFFIXES = ['ings', 'ing', 'ers', 'ed', 'er', 'es', 's', 'e'];

const VOWEL = /[aeiouyäö]/;

/** A crude English stem (suffixes and irregular verbs), enough to tell forms of one word apart from other words. */
export function englishStem(word: string): string {
  let w = IRREGULAR.get(word) ?? word;
  for (const suffix of ENGLISH_SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.endsWith('e') && w.length >= 4) w = w.slice(0, -1);
  // "welding" → "weld", "shipping" → "shipp" → "ship"
  if (w.length >= 4 && w[w.length - 1] === w[w.length - 2] && !VOWEL.test(w[w.length - 1]!)) w = w.slice(0, -1);
  return w;
}

const blockOf = (word: string) => (word.length >= FUZZY_MIN_LENGTH ? word.slice(0, BLOCK) : word);

function trigrams(word: string): Set<string> {
  const marked = `#${word}#`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= marked.length; i++) grams.add(marked.slice(i, i + 3));
  return grams;
}

/** A word with what comparing it needs, worked out once (the stem and trigrams only when first asked for). */
interface Word {
  norm: string;
  block: string;
  stem?: string;
  grams?: Set<string>;
}

const STEM_MEMO_LIMIT = 200_000;
/** Text words whose forms PhraseIndex remembers (emptied when full). */
const WORD_FORMS_KEPT = 200_000;
const stems = new Map<string, string>();
/** englishStem, remembered (label words are compared again and again; the memo is emptied when it grows past its limit). */
function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    if (stems.size >= STEM_MEMO_LIMIT) stems.clear();
    stems.set(word, (stem = englishStem(word)));
  }
  return stem;
}

const wordOf = (norm: string, grams?: Set<string>): Word => ({ norm, block: blockOf(norm), ...(grams ? { grams } : {}) });

/** wordSimilarity on words whose block, stem and trigrams are kept. */
function similar(a: Word, b: Word): number {
  if (a.norm === b.norm) return 1;
  if (a.norm.length >= 4 && b.norm.length >= 4 && (a.stem ??= stemOf(a.norm)) === (b.stem ??= stemOf(b.norm))) return STEM_SIMILARITY;
  if (a.norm.length < FUZZY_MIN_LENGTH || b.norm.length < FUZZY_MIN_LENGTH || a.block !== b.block) return 0;
  const ga = (a.grams ??= trigrams(a.norm));
  const gb = (b.grams ??= trigrams(b.norm));
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  const dice = (2 * shared) / (ga.size + gb.size);
  // Inflection changes a word's last letters; a compound with another head ("vastaanoton" against
  // "vastaanottotyö") leaves more of the label word's trigrams out.
  if (gb.size - shared > MAX_MISSING_TRIGRAMS) return 0;
  return dice >= WORD_SIMILARITY_THRESHOLD && shared / gb.size >= CONTAINMENT_THRESHOLD ? dice : 0;
}

/**
 * How surely the text word `a` is a form of the label word `b`: 1 for the same word, the trigram
 * Dice coefficient when it is high enough and most of the label word's trigrams are in the text
 * word ("hitsauksesta" holds "hitsaus"; "programming" does not hold "programvarutestning"), else 0.
 */
export function wordSimilarity(a: string, b: string, ga = trigrams(a), gb = trigrams(b)): number {
  return similar(wordOf(a, ga), wordOf(b, gb));
}

/**
 * Endings of Swedish nouns (definite, plural, genitive: "städning-en", "kort-et", "rapport-erna",
 * "arbete-t") and verbs (ESCO's skill labels are infinitives: "packa" → "packa-r", "packa-de").
 */
const SWEDISH_ENDINGS = new Set(['', 'n', 'en', 'et', 't', 'na', 'ne', 's', 'ns', 'ens', 'ets', 'nas', 'er', 'ar', 'or', 'erna', 'arna', 'orna', 'ers', 'ars', 'ors', 'r', 'de']);
/** ... after a label already in the plural ("rapporter"): only the definite and genitive ("rapporterna"), not a verb ("rapporterar"). */
const SWEDISH_PLURAL = /(er|ar|or)$/;
const ENDS_IN_A_E_O = /[aeo]$/;
const SWEDISH_PLURAL_ENDINGS = new Set(['', 'na', 's', 'nas']);

/**
 * Whether a Swedish text word is an inflected form of the label word: Swedish inflects by endings
 * alone, so the word is the label word (less a final vowel: "arbete", "arbetet") and a noun ending;
 * "arbetstiden" is no form of "arbetståg", "rapporterar" (a verb) none of "rapporter".
 */
function swedishForm(text: string, label: string): boolean {
  const stem = ENDS_IN_A_E_O.test(label) && !text.startsWith(label) ? label.slice(0, -1) : label;
  if (!text.startsWith(stem)) return false;
  const ending = text.slice(stem.length);
  return (SWEDISH_PLURAL.test(label) ? SWEDISH_PLURAL_ENDINGS : SWEDISH_ENDINGS).has(ending) || (stem !== label && SWEDISH_ENDINGS.has(label.slice(-1) + ending));
}

export interface Phrase {
  /** The concept the phrase names. */
  uri: string;
  text: string;
  /** Preferred labels rank above alternative labels. */
  preferred: boolean;
  lang: string;
}

/** A label word as the index keeps it, one object per distinct word (and language, or written acronym). */
interface LabelWord extends Word {
  /** Its number, for the memo of comparisons with one text's words. */
  id: number;
  /** As the label writes it. */
  written: string;
  /** An acronym ("IT", "SQL", "MIG"), found only in that case ("It is…" names no IT). */
  acronym: boolean;
  lang: string;
}

interface IndexedPhrase extends Phrase {
  /** Its place in the index (the order labels were given in): ties between matches are broken by it. */
  id: number;
  words: string[];
  labelWords: LabelWord[];
  /** A name (a word written with a capital: "Excel", "Java", "SQL"): the same in every language. */
  name: boolean;
}

const CAPITALS_AND_DIGITS = /^[\p{Lu}\p{N}+#]+$/u;
const A_CAPITAL = /\p{Lu}/u;
const isAcronym = (word: string) => word.length >= 2 && CAPITALS_AND_DIGITS.test(word) && A_CAPITAL.test(word);

export interface PhraseMatch {
  uri: string;
  phrase: Phrase;
  /** Mean word similarity, times 0.95 for an alternative label. */
  score: number;
  start: number;
  end: number;
  firstToken: number;
  tokens: number;
  /** The tokens a label found in another word order covers (not all of firstToken..+tokens). */
  used?: number[];
  /** A label of another language than the text's (a name, or every word as written): a fallback. */
  foreign?: boolean;
  /**
   * A weak reading that context must confirm: one common word (used in the labels of many
   * concepts: "reporting", "sales", "transport") that is this concept's label, or a label found
   * with its words in another order.
   */
  weak?: boolean;
}

export interface FindOptions {
  /** The text's language: labels of other languages only as a fallback (names and exact phrases), marked `foreign`. */
  lang?: string | undefined;
}

/** How far apart (in words) the words of a label may be found when their order differs. */
const WINDOW = 2;
/** Confidence factor for a label found with its words in another order. */
const REORDERED = 0.9;
/** A word in the labels of at least this many concepts (of its language) is a common word, not a name of one of them. */
export const COMMON_WORD_CONCEPTS = 30;
/** Languages whose labels are found by the trigram overlap of words (inflection, compounds); English by its stems only. */
const INFLECTING = new Set(['fi', 'sv']);

/** Labels under one first word; with many of them, also by their second word's block and stem. */
interface FirstWord {
  phrases: IndexedPhrase[];
  /** Labels of one word (ending at the first). */
  single?: IndexedPhrase[];
  bySecondBlock?: Map<string, IndexedPhrase[]>;
  bySecondStem?: Map<string, IndexedPhrase[]>;
}

/** A first word of more labels than this gets its labels indexed by their second word. */
const SECOND_WORD_INDEX = 8;
/** More than the distinct words of any taxonomy: a pair of word ids as one number. */
const WORD_IDS = 2 ** 24;

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

function indexSecondWords(first: FirstWord): void {
  first.single = [];
  first.bySecondBlock = new Map();
  first.bySecondStem = new Map();
  for (const phrase of first.phrases) {
    const second = phrase.labelWords[1];
    if (!second) {
      first.single.push(phrase);
      continue;
    }
    push(first.bySecondBlock, second.block, phrase);
    if (second.norm.length >= 4) push(first.bySecondStem, (second.stem ??= stemOf(second.norm)), phrase);
  }
}

/** All labels of a taxonomy, looked up by the block (first letters) of their first word. */
export class PhraseIndex {
  private readonly byBlock = new Map<string, IndexedPhrase[]>();
  /**
   * The same labels by the block of their first word, then by that word (each distinct first word is
   * compared with a text word once), and within a first word of many labels by their second word's
   * block and English stem (so that a text word is compared only with the second words it can be a form of).
   */
  private readonly byFirstWord = new Map<string, Map<LabelWord, FirstWord>>();
  /** Labels of two or three words by each pair of their words, for matches in another word order. */
  private readonly byPair = new Map<number, IndexedPhrase[]>();
  /** The words of those labels by language and block, and by English stem. */
  private readonly wordsByBlock = new Map<string, LabelWord[]>();
  private readonly wordsByStem = new Map<string, LabelWord[]>();
  /** Per language: each label word and the number of concepts whose labels use it. */
  private readonly concepts = new Map<string, Map<string, number>>();
  /** The distinct label words, by language and word (acronyms by their written form). */
  private readonly labelWords = new Map<string, LabelWord>();
  readonly size: number;
  /**
   * Per text word as written and language asked for: the label first words it is a form of (with
   * the similarity), and the words of reorderable labels it is a form of. A word's comparisons with
   * the label words do not depend on the text around it; ads and CVs repeat their words, and each
   * text word was compared with every first word of its block in every text.
   */
  private readonly wordForms = new Map<string, { firsts: [LabelWord, FirstWord, number][]; reordered?: LabelWord[] }>();

  private readonly reorderWords = new Set<LabelWord>();
  private pairKey(a: LabelWord, b: LabelWord): number {
    return a.id <= b.id ? a.id * WORD_IDS + b.id : b.id * WORD_IDS + a.id;
  }

  /** A word of a label of two or three words, looked up by language and block, and by stem. */
  private reorderable(word: LabelWord): void {
    if (this.reorderWords.has(word)) return;
    this.reorderWords.add(word);
    const key = `${word.acronym ? '' : word.lang}\u0001${word.block}`;
    const inBlock = this.wordsByBlock.get(key);
    if (inBlock) inBlock.push(word);
    else this.wordsByBlock.set(key, [word]);
    if (word.norm.length >= 4) {
      const stem = englishStem(word.norm);
      const withStem = this.wordsByStem.get(stem);
      if (withStem) withStem.push(word);
      else this.wordsByStem.set(stem, [word]);
    }
  }

  private labelWord(token: Token, lang: string): LabelWord {
    const acronym = isAcronym(token.raw);
    const key = acronym ? `A\u0001${token.raw}` : `${lang}\u0001${token.norm}`;
    let word = this.labelWords.get(key);
    if (!word) this.labelWords.set(key, (word = { norm: token.norm, block: blockOf(token.norm), id: this.labelWords.size, written: token.raw, acronym, lang }));
    return word;
  }

  constructor(phrases: Iterable<Phrase>) {
    let size = 0;
    /** Per language and word, the concepts whose labels use it: one concept as its uri, more as a set (most words name one). */
    const users = new Map<string, Map<string, string | Set<string>>>();
    for (const phrase of phrases) {
      const tokens = tokenize(phrase.text);
      const words = tokens.map((t) => t.norm);
      if (words.length === 0) continue;
      const labelWords = tokens.map((t) => this.labelWord(t, phrase.lang));
      // Written out (not spread): every entry gets the same shape, which the lookups in findIn read.
      const entry: IndexedPhrase = {
        uri: phrase.uri,
        text: phrase.text,
        preferred: phrase.preferred,
        lang: phrase.lang,
        id: size,
        words,
        labelWords,
        name: tokens.some((t) => CAPITALISED.test(t.raw)),
      };
      const key = blockOf(words[0]!);
      const list = this.byBlock.get(key);
      if (list) list.push(entry);
      else this.byBlock.set(key, [entry]);
      let firsts = this.byFirstWord.get(key);
      if (!firsts) this.byFirstWord.set(key, (firsts = new Map()));
      const first = firsts.get(labelWords[0]!);
      if (first) first.phrases.push(entry);
      else firsts.set(labelWords[0]!, { phrases: [entry] });
      if (words.length >= 2 && words.length <= 3) {
        for (let a = 0; a < labelWords.length; a++) {
          for (let b = a + 1; b < labelWords.length; b++) {
            const key = this.pairKey(labelWords[a]!, labelWords[b]!);
            const same = this.byPair.get(key);
            if (!same) this.byPair.set(key, [entry]);
            else if (same[same.length - 1] !== entry) same.push(entry);
          }
        }
        for (const word of labelWords) this.reorderable(word);
      }
      let byWord = users.get(phrase.lang);
      if (!byWord) users.set(phrase.lang, (byWord = new Map()));
      for (const w of words) {
        const held = byWord.get(w);
        if (held === undefined) byWord.set(w, phrase.uri);
        else if (typeof held !== 'string') held.add(phrase.uri);
        else if (held !== phrase.uri) byWord.set(w, new Set([held, phrase.uri]));
      }
      size++;
    }
    for (const [lang, byWord] of users) this.concepts.set(lang, new Map([...byWord].map(([w, held]) => [w, typeof held === 'string' ? 1 : held.size])));
    for (const firsts of this.byFirstWord.values()) for (const first of firsts.values()) if (first.phrases.length > SECOND_WORD_INDEX) indexSecondWords(first);
    this.size = size;
  }

  /** How many concepts' labels of the language use the word. */
  conceptsUsing(word: string, lang: string): number {
    return this.concepts.get(lang)?.get(word) ?? 0;
  }

  /**
   * How surely the text token is the label's word `j`: acronyms only as written; the same word or
   * an English form of it (its stem: "welded", "welding"); in Finnish and Swedish texts also an
   * inflected or compound form by trigram overlap, when the text word is not shorter than the label
   * word less a letter (inflection adds endings: "school" is no form of "Schoology").
   */
  private similarity(token: Token & Word, word: LabelWord, exactOnly: boolean, lang: string | undefined): number {
    if (word.acronym) return token.raw === word.written ? 1 : 0;
    if (exactOnly) return token.norm === word.norm ? 1 : 0;
    const s = similar(token, word);
    if (s === 0 || s >= STEM_SIMILARITY) return s;
    const language = lang ?? word.lang;
    if (!INFLECTING.has(language) || token.norm.length < word.norm.length - 1) return 0;
    if (language === 'sv' && !swedishForm(token.norm, word.norm)) return 0;
    return s;
  }

  /** Every label found in the text, the best one where they overlap. */
  findIn(text: string, options: FindOptions = {}): PhraseMatch[] {
    const tokens = tokenize(text).map((t) => ({ ...t, ...wordOf(t.norm) }));
    // Each text word is compared with each distinct label word once (labels share their words).
    const memo = new Map<number, number>();
    const similarity = (t: number, word: LabelWord): number => {
      const key = word.id * tokens.length + t;
      let s = memo.get(key);
      if (s === undefined) memo.set(key, (s = this.similarity(tokens[t]!, word, false, options.lang)));
      return s;
    };
    const own = (phrase: IndexedPhrase) => options.lang === undefined || phrase.lang === options.lang;
    const common = (phrase: IndexedPhrase, token: Token) =>
      phrase.words.length === 1 && !phrase.name && Math.max(this.conceptsUsing(phrase.words[0]!, phrase.lang), this.conceptsUsing(token.norm, phrase.lang)) >= COMMON_WORD_CONCEPTS;
    const candidates: PhraseMatch[] = [];
    /** The loop (0 in order, 1 another order), token and label a candidate came from: ties keep that order. */
    const origin = new Map<PhraseMatch, number>();
    const place = (loop: number, i: number, phrase: IndexedPhrase) => (loop * tokens.length + i) * this.size + phrase.id;
    /** The labels under a first word that a text word at `t` can continue (all of them when not indexed by their second word). */
    const continuing = (first: FirstWord, t: number): Iterable<IndexedPhrase> => {
      if (!first.bySecondBlock) return first.phrases;
      const token = tokens[t];
      if (!token) return first.single!;
      const found: IndexedPhrase[] = [...first.single!, ...(first.bySecondBlock.get(token.block) ?? [])];
      if (token.norm.length >= 4) {
        for (const phrase of first.bySecondStem!.get((token.stem ??= stemOf(token.norm))) ?? []) if (phrase.labelWords[1]!.block !== token.block) found.push(phrase);
      }
      return found;
    };
    // What each text word is a form of, remembered across texts (see wordForms).
    const forms = tokens.map((token, t) => {
      const key = `${options.lang ?? ''}\u0001${token.raw}`;
      let found = this.wordForms.get(key);
      if (!found) {
        const firsts: [LabelWord, FirstWord, number][] = [];
        for (const [firstWord, first] of this.byFirstWord.get(token.block) ?? []) {
          const s = similarity(t, firstWord);
          if (s > 0) firsts.push([firstWord, first, s]);
        }
        if (this.wordForms.size >= WORD_FORMS_KEPT) this.wordForms.clear();
        this.wordForms.set(key, (found = { firsts }));
      } else for (const [firstWord, , s] of found.firsts) memo.set(firstWord.id * tokens.length + t, s);
      return found;
    });
    tokens.forEach((token, i) => {
      // Labels by their first word: a first word the text word is no form of rules out every label starting with it.
      for (const [, first] of forms[i]!.firsts) {
        for (const phrase of continuing(first, i + 1)) {
          if (i + phrase.words.length > tokens.length) continue;
          // Another language's label: a name ("Excel", "SQL") or a phrase of several words, as written.
          const foreign = !own(phrase);
          if (foreign && !phrase.name && phrase.words.length < 2) continue;
          // A name takes the text's inflection ("Excelin", "Reactilla"); another language's words are found only as written.
          const exactOnly = foreign && !phrase.name;
          let total = 0;
          let ok = true;
          for (let j = 0; j < phrase.words.length && ok; j++) {
            const s = exactOnly ? this.similarity(tokens[i + j]!, phrase.labelWords[j]!, true, options.lang) : similarity(i + j, phrase.labelWords[j]!);
            ok = s > 0;
            total += s;
          }
          if (!ok) continue;
          const score = (total / phrase.words.length) * (phrase.preferred ? 1 : 0.95);
          const last = tokens[i + phrase.words.length - 1]!;
          const candidate: PhraseMatch = {
            uri: phrase.uri,
            phrase,
            score,
            start: token.start,
            end: last.end,
            firstToken: i,
            tokens: phrase.words.length,
            ...(foreign ? { foreign } : {}),
            ...(common(phrase, token) ? { weak: true } : {}),
          };
          candidates.push(candidate);
          origin.set(candidate, place(0, i, phrase));
        }
      }
    });
    // The same words in another order, close together ("drove forklifts" for "forklift driving"), in the text's language:
    // the labels of two or three words with a pair of words of which this text word is a form of one, and a text word
    // in the window a form of the other (a word of its block, or of its English stem).
    const languages = options.lang === undefined ? [...this.concepts.keys()] : [options.lang];
    const matching = tokens.map((token, t) => {
      const known = forms[t]!.reordered;
      if (known) return known;
      const words: LabelWord[] = [];
      for (const lang of [...languages, '']) {
        for (const word of this.wordsByBlock.get(`${lang}\u0001${token.block}`) ?? []) if (similarity(t, word) > 0) words.push(word);
      }
      if (token.norm.length >= 4) {
        for (const word of this.wordsByStem.get((token.stem ??= stemOf(token.norm))) ?? []) {
          if (word.block === token.block || (!word.acronym && !languages.includes(word.lang))) continue;
          if (similarity(t, word) > 0) words.push(word);
        }
      }
      forms[t]!.reordered = words;
      return words;
    });
    tokens.forEach((token, i) => {
      const reached = new Set<IndexedPhrase>();
      for (let t = Math.max(0, i - WINDOW); t <= Math.min(tokens.length - 1, i + WINDOW); t++) {
        if (t === i) continue;
        for (const a of matching[i]!) {
          for (const b of matching[t]!) {
            for (const phrase of this.byPair.get(this.pairKey(a, b)) ?? []) {
              // Found by a word of its block, as the labels were looked up before.
              if (a.block === token.block || phrase.labelWords.some((w) => w.block === token.block)) reached.add(phrase);
            }
          }
        }
      }
      for (const phrase of reached) {
        if (!own(phrase)) continue;
        const used = new Set<number>();
        let total = 0;
        for (let j = 0; j < phrase.words.length; j++) {
          let best = -1;
          let bestSim = 0;
          for (let t = Math.max(0, i - WINDOW); t <= Math.min(tokens.length - 1, i + WINDOW); t++) {
            if (used.has(t)) continue;
            const sim = similarity(t, phrase.labelWords[j]!);
            if (sim > bestSim) (bestSim = sim), (best = t);
          }
          if (best < 0) break;
          used.add(best);
          total += bestSim;
        }
        if (used.size < phrase.words.length || !used.has(i)) continue;
        const first = Math.min(...used);
        const last = Math.max(...used);
        const order = [...used];
        if (last - first === phrase.words.length - 1 && order.every((t, k) => t === first + k)) continue; // in order: found above
        // In order with a word between ("MIG/MAG-hitsaus", "working in a team") reads surely; in another order, context must confirm.
        const inOrder = order.every((t, k) => k === 0 || t > order[k - 1]!);
        const score = (total / phrase.words.length) * (phrase.preferred ? 1 : 0.95) * REORDERED;
        const candidate: PhraseMatch = {
          uri: phrase.uri,
          phrase,
          score,
          start: tokens[first]!.start,
          end: tokens[last]!.end,
          firstToken: first,
          tokens: last - first + 1,
          used: order,
          ...(inOrder ? {} : { weak: true }),
        };
        candidates.push(candidate);
        origin.set(candidate, place(1, i, phrase));
      }
    });
    // Longer and closer matches first, the text's language before another; keep those that do not
    // overlap a better one, one per concept.
    const words = (c: PhraseMatch) => c.used?.length ?? c.tokens;
    const rank = (c: PhraseMatch) => c.score * words(c) * (c.foreign ? 0.9 : 1);
    candidates.sort((a, b) => rank(b) - rank(a) || b.score - a.score || origin.get(a)! - origin.get(b)!);
    const taken = new Array<boolean>(tokens.length).fill(false);
    const seen = new Set<string>();
    const chosen: PhraseMatch[] = [];
    for (const c of candidates) {
      if (seen.has(c.uri)) continue;
      const covered = c.used ?? Array.from({ length: c.tokens }, (_, k) => c.firstToken + k);
      if (covered.some((t) => taken[t])) continue;
      for (const t of covered) taken[t] = true;
      seen.add(c.uri);
      chosen.push(c);
    }
    return chosen.sort((a, b) => a.start - b.start);
  }

  /** The label that the whole string names (every word aligned, nothing left over), if any. */
  matchWhole(text: string, options: FindOptions = {}): PhraseMatch | undefined {
    const words = tokenize(text).length;
    return this.findIn(text, options)
      .filter((m) => m.tokens === words)
      .sort((a, b) => b.score - a.score)[0];
  }

  /** Labels whose words start with the query's words, for autocomplete. */
  *phrases(): Iterable<IndexedPhrase> {
    for (const list of this.byBlock.values()) yield* list;
  }
}

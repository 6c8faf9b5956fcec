/**
 * Finding a client or a vacancy by what a person types: "Makinen" finds Mäkinen, "Mäkinne" too (a
 * slip), and an occupation in any language finds the records of that occupation ("nurse",
 * "sairaanhoitaja" and "sjukskötare" each find the registered nurses, whatever language their title
 * is in). Pure: the store asks `matchesSearch` of each record in its scope (see
 * adapters/sqlite/record-store.ts), in id order, so that paging stays a cursor.
 *
 * The rule, per word of the query: the word is found in the record when it is
 * - a part of a word of its id, name, title or employer, diacritics and case aside ("siivo" in
 *   "Siivooja", "makinen" in "Mäkinen"); or
 * - that word with a slip (letters only, from 5 letters: one letter added, missing, wrong or two
 *   swapped; from 9 letters: two), as a whole word or as the word's beginning; or
 * - a word of the preferred label, in any language of the taxonomy, of the record's occupation (as
 *   the service read it from the title or the occupation field): whole words, one slip from 6 letters.
 * A record matches when every word of the query is found in it, or when the whole query is a label
 * (any language, alternative labels too) of its occupation. Digits are never guessed: "000067"
 * finds JS-000067, not JS-000068.
 */

import type { Concept } from './taxonomy/taxonomy.js';

const ASCII = /^[\x00-\x7f]*$/;

/** Letters of every language as plain lower-case letters: "Mäkinen" → "makinen", "Åström" → "astrom". */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII.test(lower)) return lower;
  return lower.normalize('NFD').replace(/\p{M}/gu, '').replace(/ø/g, 'o').replace(/æ/g, 'ae').replace(/ß/g, 'ss');
}

/** Words already split: a store asks of every record in its scope, and titles repeat (~90 distinct in 2,400 clients). */
const split = new Map<string, string[]>();
const SPLIT_REMEMBERED = 50_000;

/** The folded words of a text (letters and digits; everything else separates). */
export function searchWords(text: string): string[] {
  let words = split.get(text);
  if (!words) {
    if (split.size >= SPLIT_REMEMBERED) split.clear();
    const folded = fold(text);
    words = (ASCII.test(folded) ? folded.split(/[^a-z0-9]+/) : folded.split(/[^\p{L}\p{N}]+/u)).filter(Boolean);
    split.set(text, words);
  }
  return words;
}

/** A record's id as words: ids are ASCII and never repeat, so they are not remembered. */
const idWords = (id: string) => (ASCII.test(id) ? id.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean) : [...searchWords(id)]);

/** How many slips a query word of this length may carry. */
export function slipsAllowed(word: string): number {
  if (/\p{N}/u.test(word)) return 0;
  return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
}

/** Rows of the edit-distance table, reused (the search runs synchronously, one record at a time). */
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Edit distances with swaps of neighbours (optimal string alignment) from `a` to `b` and to each
 * beginning of `b`: the table's last row, or undefined once every entry exceeds `most`.
 */
function lastRow(a: string, b: string, most: number): Int32Array | undefined {
  if (b.length + 1 > rows[0].length) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [before, previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < best) best = d;
    }
    if (best > most) return undefined;
    [before, previous, current] = [previous, current, before];
  }
  return previous;
}

/** Edit distance with swaps of neighbours (optimal string alignment), or `most + 1` once it exceeds `most`. */
export function slips(a: string, b: string, most: number): number {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  const row = lastRow(a, b, most);
  return row ? Math.min(row[b.length]!, most + 1) : most + 1;
}

/** Whether a query word is found in a record's word: a part of it, or it (or its beginning) with a slip. */
export function wordFound(term: string, word: string, most = slipsAllowed(term)): boolean {
  if (word.includes(term)) return true;
  if (most === 0 || word.length < term.length - most) return false;
  // The whole word, or its beginning ("sairanhoit" for "sairaanhoitaja", typed half-way with a slip).
  const row = lastRow(term, word.length > term.length + most ? word.slice(0, term.length + most) : word, most);
  if (!row) return false;
  const last = Math.min(word.length, term.length + most);
  for (let length = Math.max(1, term.length - most); length <= last; length++) if (row[length]! <= most) return true;
  return false;
}

/** Slips forgiven in a word or label that names an occupation: fewer than in a name (ESCO's "djurskötare" is two from "sjukskötare"). */
const occupationSlips = (text: string) => (text.length >= 6 ? 1 : 0);

/**
 * The occupations of a taxonomy by their labels in every language, to find the occupations a query
 * names: the concepts with a label that is the whole query ("registered nurse", "sjukskötare",
 * alternative labels included), and for each word the concepts whose preferred label has that
 * word ("nurse": ESCO's nurse responsible for general care, specialist nurse, nurse assistant, not
 * the nanny its alternative label "nursery nurse" names). Built once per taxonomy.
 */
export class OccupationWords {
  private readonly byWord = new Map<string, Set<string>>();
  private readonly byLabel = new Map<string, Set<string>>();

  constructor(occupations: Iterable<Concept>) {
    const add = (map: Map<string, Set<string>>, key: string, uri: string) => {
      let uris = map.get(key);
      if (!uris) map.set(key, (uris = new Set()));
      uris.add(uri);
    };
    for (const o of occupations) {
      for (const labels of Object.values(o.labels)) {
        for (const word of searchWords(labels.preferred)) add(this.byWord, word, o.uri);
        for (const label of [labels.preferred, ...labels.alt]) add(this.byLabel, searchWords(label).join(' '), o.uri);
      }
    }
  }

  /** The occupations with a label that is the whole query (words folded, one slip from 6 letters). */
  namedBy(query: string): string[] {
    return this.lookup(this.byLabel, searchWords(query).join(' '));
  }

  /** The occupations whose preferred label (in any language) has this word (one slip from 6 letters). */
  named(term: string): string[] {
    return this.lookup(this.byWord, term);
  }

  private lookup(map: Map<string, Set<string>>, key: string): string[] {
    if (key.length < 3 || /\p{N}/u.test(key)) return [];
    const found = new Set(map.get(key) ?? []);
    const most = occupationSlips(key);
    if (most > 0) for (const [text, uris] of map) if (Math.abs(text.length - key.length) <= most && slips(key, text, most) <= most) for (const uri of uris) found.add(uri);
    return [...found];
  }
}

/** A query made ready for matching: its words, for each the occupations it names, and the occupations the whole query names. */
export interface RecordSearch {
  terms: { word: string; occupations: string[] }[];
  occupations: string[];
}

/** The words of a record a search reads. */
export interface SearchableRecord {
  id: string;
  name?: string | null;
  title?: string | null;
  employer?: string | null;
  /** The record's occupations as the service read them (concept URIs). */
  occupations: string[];
}

/** A query as a search: its words, with the occupations they name when a vocabulary is given. */
export function recordSearch(query: string, vocabulary?: OccupationWords): RecordSearch {
  return {
    terms: [...new Set(searchWords(query))].map((word) => ({ word, occupations: vocabulary?.named(word) ?? [] })),
    occupations: vocabulary?.namedBy(query) ?? [],
  };
}

/** A search compiled once (a store asks of every record in its scope): each term's slips and occupations as a set. */
const compiled = new WeakMap<RecordSearch, { terms: { word: string; most: number; occupations: Set<string> }[]; query: Set<string> }>();

/** Whether a record is found by the search: every word of the query somewhere in it (see the rule above). */
export function matchesSearch(search: RecordSearch, record: SearchableRecord): boolean {
  if (search.terms.length === 0) return true;
  let c = compiled.get(search);
  if (!c) {
    c = { terms: search.terms.map((t) => ({ word: t.word, most: slipsAllowed(t.word), occupations: new Set(t.occupations) })), query: new Set(search.occupations) };
    compiled.set(search, c);
  }
  for (const uri of record.occupations) if (c.query.has(uri)) return true;
  const words = idWords(record.id);
  for (const text of [record.name, record.title, record.employer]) if (text) words.push(...searchWords(text));
  return c.terms.every((term) => words.some((word) => wordFound(term.word, word, term.most)) || record.occupations.some((uri) => term.occupations.has(uri)));
}

/** The occupation words of a taxonomy, built at the first search (not at start). */
export function occupationWordsOf(taxonomy: { occupations: ReadonlyMap<string, Concept> }): () => OccupationWords {
  let built: OccupationWords | undefined;
  return () => (built ??= new OccupationWords(taxonomy.occupations.values()));
}

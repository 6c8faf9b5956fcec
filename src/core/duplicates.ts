import type { StoredVacancy } from './vacancies/schema.js';

/**
 * Near-duplicate vacancies: the same job published by several sources (job boards, the employer's
 * own site, the public service). Records sharing a key (employer, municipality, title and terms)
 * whose texts are near-identical are linked: the first published is shown and counted, the others point to it
 * (`duplicateOf`), are not matched or counted as demand, and are listed as its `sources`.
 */

/** How one group of records that may repeat each other is linked. */
export interface LinkState {
  duplicateOf?: string;
  sources?: string[];
}

/** What RecordService needs to keep links current for one kind of record. */
export interface DuplicateRule<R> {
  /** Records that may repeat each other share this key; undefined: never linked. */
  key(record: R): string | undefined;
  /** Whether two records of one key are the same (near-identical text). */
  same(a: R, b: R): boolean;
  linkOf(record: R): LinkState;
  /** The record with this link state (and its key) written into it. */
  withLink(record: R, state: LinkState, key: string | undefined): R;
}

const fold = (s: string) => (s.normalize('NFKC').toLocaleLowerCase('fi').match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

const LEGAL_FORMS = new Set(['oy', 'oyj', 'ab', 'abp', 'ky', 'ay', 'ry', 'tmi', 'ltd', 'inc', 'gmbh', 'as', 'osk', 'rf']);

/** The employer's name without case, punctuation or legal form ("Konepaja Teräs Oy" = "KONEPAJA TERÄS"). */
export function employerKey(employer: string): string {
  return fold(employer).split(' ').filter((w) => !LEGAL_FORMS.has(w)).join(' ');
}

const shingleCache = new WeakMap<object, Set<string>>();

/** A posting's title, skills and text, as compared. */
type Posting = { title: string; description: string; skills?: string[] };

/** Word pairs of the folded title, skills and text (single words when there is one word). */
function shingles(record: Posting): Set<string> {
  let set = shingleCache.get(record);
  if (!set) {
    const words = fold(`${record.title}\n${(record.skills ?? []).join(', ')}\n${record.description}`).split(' ').filter(Boolean);
    set = new Set(words.length < 2 ? words : words.slice(1).map((w, i) => `${words[i]} ${w}`));
    shingleCache.set(record, set);
  }
  return set;
}

/** Share of word pairs two postings have in common (Jaccard), 0..1. */
export function textOverlap(a: Posting, b: Posting): number {
  const x = shingles(a);
  const y = shingles(b);
  if (x.size === 0 && y.size === 0) return 1;
  let common = 0;
  for (const s of x) if (y.has(s)) common++;
  return common / (x.size + y.size - common);
}

/** Texts sharing this share of word pairs are the same posting (reformatted, a line added or cut). */
export const NEAR_IDENTICAL = 0.8;

export const vacancyDuplicates: DuplicateRule<StoredVacancy> = {
  // The same employer, municipality, title and terms (two openings that differ in working time or
  // remote work are separate jobs): a small group, read by its indexed key, compared by text.
  key: (v) => {
    const employer = v.employer && employerKey(v.employer);
    return employer ? [employer, v.municipality, fold(v.title), v.workingTime ?? 'full', v.remote ? 'remote' : 'on-site'].join('|') : undefined;
  },
  same: (a, b) => textOverlap(a, b) >= NEAR_IDENTICAL,
  linkOf: (v) => ({ duplicateOf: v.normalized?.duplicateOf, sources: v.normalized?.sources }),
  withLink: (v, state, key) => {
    const { duplicateOf: _d, sources: _s, linkKey: _k, ...normalized } = v.normalized ?? ({} as StoredVacancy['normalized']);
    return {
      ...v,
      normalized: {
        ...normalized,
        ...(key ? { linkKey: key } : {}),
        ...(state.duplicateOf ? { duplicateOf: state.duplicateOf } : {}),
        ...(state.sources?.length ? { sources: state.sources } : {}),
      } as StoredVacancy['normalized'],
    };
  },
};

/**
 * Links one group (records sharing a key): oldest first, each open record is a duplicate of the
 * first earlier open record it is near-identical to, else an original; closed records are neither.
 */
export function linkGroup<R extends { id: string; createdAt: string }>(records: R[], open: (r: R) => boolean, same: (a: R, b: R) => boolean): Map<string, LinkState> {
  const ordered = [...records].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const states = new Map<string, LinkState>(ordered.map((r) => [r.id, {}]));
  const originals: R[] = [];
  for (const record of ordered) {
    if (!open(record)) continue;
    const original = originals.find((o) => same(o, record));
    if (!original) {
      originals.push(record);
      continue;
    }
    states.get(record.id)!.duplicateOf = original.id;
    const state = states.get(original.id)!;
    state.sources = [...(state.sources ?? []), record.id];
  }
  return states;
}

/** Whether two link states say the same. */
export const sameLink = (a: LinkState, b: LinkState) =>
  a.duplicateOf === b.duplicateOf && (a.sources ?? []).join('\n') === (b.sources ?? []).join('\n');

import { conceptKeys, type ConceptKey } from './concept-index.js';
import type { Jobseeker, StoredJobseeker } from './jobseekers/schema.js';
import type { StoredVacancy, Vacancy } from './vacancies/schema.js';

/** What every record kind has in common, as the engine sees it. */
export type BaseRecord = {
  id: string;
  title: string;
  skills: string[];
  municipality: string;
  remote: boolean;
};

export type Stored<In extends BaseRecord> = In & { region: string; createdAt: string; updatedAt: string };

/** How the engine treats one kind of record: what text it embeds and when it is matchable. */
export interface RecordKind<In extends BaseRecord> {
  /** Singular name in the users' words, used in messages ("jobseeker 'X' does not exist"). */
  name: 'jobseeker' | 'vacancy';
  documentText(record: In): string;
  /** Whether the record is matched and counted at all (an active jobseeker, an open vacancy not expired by `today`). */
  isMatchable(record: In, today: string): boolean;
  /** The concepts a stored record brings into others' candidate pools (see ConceptIndex). */
  conceptKeys(record: Stored<In>): ConceptKey[];
}

/** Title, skills and free text together: the title and skills carry most of the signal. */
const document = (title: string, skills: string[], text: string) =>
  [title, skills.join(', '), text].filter((part) => part.length > 0).join('\n');

export const jobseekerKind: RecordKind<Jobseeker> = {
  name: 'jobseeker',
  documentText: (j) => document(j.title, j.skills, j.summary),
  isMatchable: (j) => j.status === 'active',
  conceptKeys: (j) => {
    const stored = j as StoredJobseeker;
    return conceptKeys(stored.normalized?.occupations ?? [], (stored.normalized?.skills ?? []).map((s) => s.uri));
  },
};

export const vacancyKind: RecordKind<Vacancy> = {
  name: 'vacancy',
  documentText: (v) => document(v.title, v.skills, v.description),
  // A vacancy repeating another (see duplicates.ts) is shown and counted through that one.
  isMatchable: (v, day) => v.status === 'open' && (!v.expiresAt || v.expiresAt >= day) && !(v as StoredVacancy).normalized?.duplicateOf,
  conceptKeys: (v) => {
    const stored = v as StoredVacancy;
    const occupation = stored.normalized?.occupation;
    return conceptKeys(occupation ? [occupation] : [], (stored.normalized?.essential ?? []).map((s) => s.uri));
  },
};

export type { StoredJobseeker, StoredVacancy };

/** Whether the record `id` is stored and matchable today (an open vacancy, an active jobseeker). */
export async function matchableToday<In extends BaseRecord>(
  records: { find(id: string): Promise<Stored<In> | undefined>; readonly kind: RecordKind<In>; today(): string },
  id: string,
): Promise<boolean> {
  const record = await records.find(id);
  return record !== undefined && records.kind.isMatchable(record, records.today());
}

import { basename } from 'node:path';
import type { Embedder } from '../ports.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { Health as HealthAnswer, HealthWithCounts } from './schema.js';

/** One record kind as /health sees it. */
export interface KindStatus {
  count(): Promise<number>;
  readonly index: { readonly size: number };
}

/** An index being rebuilt in the background. */
export interface Rebuild {
  done: number;
  total: number;
  secondsLeft: number;
}

/** Records of one kind an earlier taxonomy build derived, being derived again in the background. */
export interface Rederiving {
  kind: 'jobseekers' | 'vacancies';
  /** Records derived again so far. */
  done: number;
}

export interface HealthPorts {
  embedder: Pick<Embedder, 'id' | 'dimension' | 'description'>;
  taxonomy: Pick<Taxonomy, 'id' | 'source' | 'skills' | 'occupations' | 'languages'>;
  jobseekers: KindStatus;
  vacancies: KindStatus;
  /** What is wrong with storage (a full disk, failing index writes); sentences that count no records. */
  storageProblems(): string[];
  /** Each kind's index rebuild under way, if any. */
  rebuilding: { jobseekers(): Rebuild | undefined; vacancies(): Rebuild | undefined };
  /** Records of an earlier taxonomy build being derived again in the background (empty when none). */
  rederiving?: () => Rederiving[];
}

/**
 * Who reads the sentences: anyone (`public`: no record counts — a count polled before and after a
 * person's visit tells whether their client record was created or erased) or an admin (`counted`).
 */
export type Audience = 'public' | 'counted';

/** Indexes still being rebuilt in the background, as sentences for /health (empty when none). */
export function indexing(rebuilding: HealthPorts['rebuilding'], audience: Audience = 'public'): string[] {
  return (['jobseekers', 'vacancies'] as const).flatMap((name) => {
    const building = rebuilding[name]();
    if (!building) return [];
    const progress =
      audience === 'counted'
        ? `${building.done} of ${building.total} records`
        : // A share in whole percent, never 100 before the end: no record count.
          `${Math.min(99, Math.floor((building.done / Math.max(1, building.total)) * 100))} % done`;
    return [`the ${name} index is being rebuilt from the database: ${progress}, about ${building.secondsLeft} s left; matching answers 503 until then`];
  });
}

/** Records being derived again by this taxonomy build, as sentences for /health (empty when none). */
export function rederivingSentences(rederiving: Rederiving[], audience: Audience = 'public'): string[] {
  return rederiving.map(
    ({ kind, done }) =>
      `${kind} derived by an earlier taxonomy build are being derived again in the background${audience === 'counted' ? ` (${done} done)` : ''}: until then the rest are matched on the skills and occupations that build read`,
  );
}

/** Liveness and what the service runs on: GET /health (public, so no server paths and no record counts in it). */
export class Health {
  constructor(private readonly ports: HealthPorts) {}

  /** For anyone: status, problems, embedder and taxonomy, without a record count anywhere. */
  async status(): Promise<HealthAnswer> {
    return this.answer('public');
  }

  /** For admins (GET /v1/admin/health): the same with the stored and indexed records of each kind. */
  async withCounts(): Promise<HealthWithCounts> {
    const { jobseekers, vacancies } = this.ports;
    const [storedJobseekers, storedVacancies] = await Promise.all([jobseekers.count(), vacancies.count()]);
    return {
      ...this.answer('counted'),
      jobseekers: { stored: storedJobseekers, indexed: jobseekers.index.size },
      vacancies: { stored: storedVacancies, indexed: vacancies.index.size },
    };
  }

  private answer(audience: Audience): HealthAnswer {
    const { embedder, taxonomy } = this.ports;
    const problems = [
      ...this.ports.storageProblems(),
      ...indexing(this.ports.rebuilding, audience),
      ...rederivingSentences(this.ports.rederiving?.() ?? [], audience),
    ];
    return {
      ...(problems.length === 0 ? { status: 'ok' as const } : { status: 'degraded' as const, problems }),
      embedder: { id: embedder.id, dimension: embedder.dimension, description: embedder.description },
      taxonomy: {
        id: taxonomy.id,
        source: basename(taxonomy.source),
        skills: taxonomy.skills.size,
        occupations: taxonomy.occupations.size,
        languages: taxonomy.languages,
      },
    };
  }
}

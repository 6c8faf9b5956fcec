import { basename } from 'node:path';
import type { Embedder } from '../ports.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { Health as HealthAnswer } from './schema.js';

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

export interface HealthPorts {
  embedder: Pick<Embedder, 'id' | 'dimension' | 'description'>;
  taxonomy: Pick<Taxonomy, 'id' | 'source' | 'skills' | 'occupations' | 'languages'>;
  jobseekers: KindStatus;
  vacancies: KindStatus;
  /** What is wrong with storage (a full disk, failing index writes). */
  storageProblems(): string[];
  /** Each kind's index rebuild under way, if any. */
  rebuilding: { jobseekers(): Rebuild | undefined; vacancies(): Rebuild | undefined };
  /** Records of an earlier taxonomy build being derived again in the background, as sentences (empty when none). */
  rederiving?: () => string[];
}

/** Indexes still being rebuilt in the background, as sentences for /health (empty when none). */
export function indexing(rebuilding: HealthPorts['rebuilding']): string[] {
  return (['jobseekers', 'vacancies'] as const).flatMap((name) => {
    const building = rebuilding[name]();
    return building
      ? [`the ${name} index is being rebuilt from the database: ${building.done} of ${building.total} records, about ${building.secondsLeft} s left; matching answers 503 until then`]
      : [];
  });
}

/** Liveness and what the service runs on: GET /health (public, so no server paths in it). */
export class Health {
  constructor(private readonly ports: HealthPorts) {}

  async status(): Promise<HealthAnswer> {
    const { embedder, taxonomy, jobseekers, vacancies } = this.ports;
    const [storedJobseekers, storedVacancies] = await Promise.all([jobseekers.count(), vacancies.count()]);
    const problems = [...this.ports.storageProblems(), ...indexing(this.ports.rebuilding), ...(this.ports.rederiving?.() ?? [])];
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
      jobseekers: { stored: storedJobseekers, indexed: jobseekers.index.size },
      vacancies: { stored: storedVacancies, indexed: vacancies.index.size },
    };
  }
}

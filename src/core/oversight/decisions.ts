import type { Principal } from '../access.js';
import type { MatchHit } from '../matches/schema.js';
import type { DecisionsExport } from './schema.js';
import type { Clock } from '../clock.js';

/** Which way a ranking went: vacancies for a client, candidates for a vacancy, or either for pasted text. */
export type Direction = 'vacancies' | 'candidates' | 'text-vacancies' | 'text-candidates';

/** What produced a ranking: the model (its id names the content hash), the taxonomy and the settings. */
export interface DecisionContext {
  model: string;
  taxonomy: string;
  settings: unknown;
}

/** One ranking served to a user, as the decision log keeps it (EU AI Act art. 12 and 26: logging). */
export interface DecisionRecord {
  at: string;
  direction: Direction;
  /** The jobseeker (vacancies) or vacancy (candidates) ranked for; absent for pasted text. */
  subject?: string;
  /** The subject's municipality code. */
  area?: string;
  keyId?: string;
  context: DecisionContext;
  /** Real ids (never pseudonyms), best first, with the score and its parts. */
  ranked: { id: string; score: number; parts: Record<string, number | null> }[];
}

/** A served ranking read back, for exports and the exposure report. */
export interface StoredDecision extends DecisionRecord {
  id: number;
}

export interface DecisionLog {
  /** Queues the decision (written with the next group commit: the adapter's business, nothing to await). */
  record(decision: DecisionRecord): void;
  /** Rankings served for this jobseeker (their vacancies), newest first. */
  forJobseeker(id: string, limit: number): Promise<StoredDecision[]>;
  /** Where this jobseeker appeared in candidate rankings, newest first. */
  appearancesOf(id: string, limit: number): Promise<{ at: string; vacancy: string | undefined; position: number; score: number; parts: Record<string, number | null> }[]>;
  /** Candidate rankings served in a period for vacancies in these municipalities (all when absent). */
  candidateRankings(filter: { from: string; to: string; municipalities?: string[] }): Promise<{ subject: string | undefined; items: string[] }[]>;
  /**
   * Which decisions are stored, as the first and last id ("first-last"; "" when none): changes with every
   * decision written and every prune (the oldest go first). An erasure also changes the jobseekers' records.
   */
  extent(): Promise<string>;
  /** Removes what the log holds on a jobseeker: their rankings and their places in others'. */
  eraseJobseeker(id: string): Promise<void>;
  /** Removes decisions older than this instant (ISO), the oldest first and at most `limit`; how many. */
  pruneBefore(at: string, limit?: number): Promise<number>;
}

/** Longest history of decisions handed out with a person's data. */
const EXPORT_DECISIONS = 1000;

/**
 * The decision log: every ranking served (the match routes, not internal uses such as the gap
 * analysis) with what produced it, kept for `retentionDays`, exported with a person's data and
 * removed on their erasure.
 */
export interface DecisionPorts {
  log: DecisionLog;
  /** The model, taxonomy and settings in use now. */
  context(): DecisionContext;
  /** The municipality of the jobseeker or vacancy a ranking was for. */
  municipalityOf(kind: 'jobseeker' | 'vacancy', id: string): string | undefined;
}

export class Decisions {
  /** The context last seen: the same object while nothing changes (the log stores it once by identity). */
  private context: DecisionContext | undefined;

  constructor(
    private readonly ports: DecisionPorts,
    readonly retentionDays: number,
    private readonly now: Clock,
  ) {}

  /** Records a ranking as served (before pseudonyms are applied: the log keeps the real ids). */
  served(principal: Principal | undefined, direction: Direction, hits: MatchHit[], subject?: string): void {
    const area = subject && this.ports.municipalityOf(direction === 'vacancies' ? 'jobseeker' : 'vacancy', subject);
    this.ports.log.record({
      at: this.now().toISOString(),
      direction,
      ...(subject ? { subject } : {}),
      ...(area ? { area } : {}),
      ...(principal ? { keyId: principal.keyId } : {}),
      context: this.currentContext(),
      ranked: hits.map((h) => ({ id: h.id, score: h.score, parts: h.parts })),
    });
  }

  private currentContext(): DecisionContext {
    const now = this.ports.context();
    const last = this.context;
    if (!last || last.model !== now.model || last.taxonomy !== now.taxonomy || last.settings !== now.settings) this.context = now;
    return this.context!;
  }

  /** The decisions concerning a jobseeker, for their data export. */
  async ofJobseeker(id: string): Promise<DecisionsExport> {
    return {
      rankingsForThem: (await this.ports.log.forJobseeker(id, EXPORT_DECISIONS)).map(({ at, context, ranked }) => ({
        at,
        model: context.model,
        taxonomy: context.taxonomy,
        vacancies: ranked.map((r, i) => ({ vacancy: r.id, position: i + 1, score: r.score, parts: r.parts })),
      })),
      appearancesInCandidateRankings: await this.ports.log.appearancesOf(id, EXPORT_DECISIONS),
    };
  }

  /** Removes what the log holds on a jobseeker (part of their erasure). */
  async eraseJobseeker(id: string): Promise<void> {
    await this.ports.log.eraseJobseeker(id);
  }

  /** Drops decisions past the retention period (the oldest, at most `limit`); how many. */
  async prune(limit?: number): Promise<number> {
    return await this.ports.log.pruneBefore(new Date(this.now().getTime() - this.retentionDays * 86_400_000).toISOString(), limit);
  }
}

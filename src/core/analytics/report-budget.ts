import { createHmac } from 'node:crypto';
import type { Principal } from '../access.js';
import { dayOf, type Clock } from '../clock.js';
import { said } from '../errors.js';

/**
 * The daily budget of noisy reports (privacy-11). Every planner figure of people is published with keyed
 * noise (random rounding, noised shares) whose draw is fixed per question, so asking the same again averages
 * nothing away; but many *different* questions that differ by the same person are independent draws, and
 * averaging them reads the person (docs/privacy-and-oversight.md: about 9 pairs of exposure reports read a
 * one-person move at two standard deviations). So each key (a signed-in person has their own) may ask at most
 * `perDay` distinct noisy questions a day (UTC); a question asked again that day is free, since it returns the
 * same noise. Admins, who may read the records themselves, are not limited.
 *
 * Counted in the database under a keyed hash of the question (never the question itself), shared by the
 * worker processes and kept across restarts: `count` takes the day's distinct questions of one counter and
 * admits the new ones only while they fit (the store of the candidates' harvest limit, whose rows are
 * dropped when their day is over).
 */
export interface ReportBudgetPorts {
  count(counter: string, day: string, questions: string[], limit: number): Promise<{ admitted: boolean; used: number }>;
  now: Clock;
}

/** What a question is, for the budget: its report and parameters, without those that change no figure (the file format, the labels' language, how many rows are listed). */
const NOT_THE_QUESTION = new Set(['format', 'lang', 'limit']);

export class ReportBudget {
  constructor(
    private readonly ports: ReportBudgetPorts,
    /** Keys the questions' hashes (the installation's secret). */
    private readonly key: Buffer,
    readonly settings: { perDay: number },
  ) {}

  /** Counts the question against the caller's day, or throws `report_budget_spent` (429, until midnight UTC) when it does not fit. */
  async admit(p: Principal, report: string, parameters: Record<string, unknown>): Promise<{ used: number }> {
    if (p.role === 'admin') return { used: 0 };
    const question = Object.entries(parameters)
      .filter(([name, value]) => !NOT_THE_QUESTION.has(name) && value !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    const hash = createHmac('sha256', this.key).update(JSON.stringify([report, question])).digest('base64url');
    const now = this.ports.now();
    const day = dayOf(now);
    const { admitted, used } = await this.ports.count(`noisy-reports:${p.keyId}`, day, [hash], this.settings.perDay);
    if (!admitted) {
      const midnight = Date.parse(`${day}T00:00:00Z`) + 86_400_000;
      throw Object.assign(said('report_budget_spent', { limit: this.settings.perDay }), { retryAfterSeconds: Math.max(1, Math.ceil((midnight - now.getTime()) / 1000)) });
    }
    return { used };
  }
}

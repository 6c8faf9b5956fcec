import type { Clock } from '../clock.js';
import { messageOf } from '../thrown.js';

/** When a kept answer was counted, and whether the records it was counted over are still the ones stored. */
export interface Counted {
  at: string;
  current: boolean;
}

export interface KeptAnswersPorts {
  /**
   * Which records the answers are counted over: changes with every write they read (and with the day,
   * where the answers depend on it). Read before and after each count.
   */
  version: () => Promise<string>;
  now: Clock;
  /** Lets the answer go out before a count in the background holds the event loop. */
  later: () => Promise<void>;
  /** A count in the background failed (the kept answer stays as it was). */
  warn: (message: string) => void;
}

export interface KeptAnswersSettings {
  /** At most this many questions are kept; the least recently asked goes first. */
  capacity: number;
  /** A question asked after its records changed is counted again at once when its answer is older than this; otherwise at the next `refresh`. */
  refreshMs: number;
}

interface Kept<T> {
  count: () => Promise<T>;
  asked: number;
  /** Asked for since it was last counted (a question no one asks again is not counted again). */
  wanted: boolean;
  answer?: T;
  /** The version of the records the answer was counted over, and when. */
  version?: string;
  at?: string;
  counting?: Promise<void>;
}

/**
 * Answers of a costly read (seconds at national scale: a planner's demand against supply, the
 * exposure report) counted once per version of the records and kept per question. A question asked
 * the first time is counted then; after records change, the kept answer is served with the time it
 * was counted (`current: false`) and counted again in the background: at once when that count is
 * older than `refreshMs`, else at the next `refresh` (a question no one asks again is not counted
 * again). Over the same records the answer is the one a count at the request gives (the count is the
 * same function; tests compare the two).
 */
export class KeptAnswers<T> {
  private readonly kept = new Map<string, Kept<T>>();
  /** Orders the questions (the least recently asked is dropped first). */
  private asked = 0;

  constructor(
    private readonly ports: KeptAnswersPorts,
    private readonly settings: KeptAnswersSettings,
  ) {}

  /** The answer to `question` (its key), counted by `count` when none is kept. */
  async of(question: string, count: () => Promise<T>): Promise<{ answer: T; counted: Counted }> {
    let entry = this.kept.get(question);
    if (!entry) {
      entry = { count, asked: 0, wanted: false };
      this.kept.set(question, entry);
      this.makeRoom(question);
    }
    entry.asked = ++this.asked;
    entry.wanted = true;
    const version = await this.ports.version();
    if (entry.answer === undefined) {
      await this.recount(question, entry, false);
    } else if (entry.version !== version) {
      // Served as counted (the page says when); counted again in the background, at once unless it was counted lately.
      const age = this.ports.now().getTime() - Date.parse(entry.at!);
      if (age >= this.settings.refreshMs) void this.recount(question, entry, true).catch((error: Error) => this.ports.warn(`kept answer ${question}: ${error.message}`));
    }
    return { answer: entry.answer!, counted: { at: entry.at!, current: entry.version === version } };
  }

  /** Counts again, one after another in the background, every question asked since its records changed; how many. */
  async refresh(going: () => boolean = () => true): Promise<number> {
    let counted = 0;
    for (const [question, entry] of [...this.kept]) {
      if (!going()) break;
      if (entry.answer === undefined || !entry.wanted || entry.version === (await this.ports.version())) continue;
      try {
        await this.recount(question, entry, true);
        counted++;
      } catch (error) {
        this.ports.warn(`kept answer ${question}: ${messageOf(error)}`);
      }
    }
    return counted;
  }

  /** How many questions are kept, and how many of their answers are current. */
  async status() {
    const version = await this.ports.version();
    const all = [...this.kept.values()];
    return { kept: all.length, current: all.filter((e) => e.answer !== undefined && e.version === version).length };
  }

  /** Drops the least recently asked questions past the capacity (not one being counted). */
  private makeRoom(added: string) {
    const extra = this.kept.size - this.settings.capacity;
    if (extra <= 0) return;
    const dropped = [...this.kept]
      .filter(([key, e]) => key !== added && !e.counting)
      .sort(([, a], [, b]) => a.asked - b.asked)
      .slice(0, extra);
    for (const [key] of dropped) this.kept.delete(key);
  }

  /** One count of a question at a time: a request finding one under way waits for it. */
  private recount(question: string, entry: Kept<T>, inBackground: boolean): Promise<void> {
    entry.counting ??= (async () => {
      try {
        if (inBackground) await this.ports.later();
        entry.wanted = false;
        const version = await this.ports.version();
        const answer = await entry.count();
        // Records written during the count: it describes neither version exactly; counted again when asked.
        entry.version = version === (await this.ports.version()) ? version : `${version} (changed while counting)`;
        entry.answer = answer;
        entry.at = this.ports.now().toISOString();
      } finally {
        entry.counting = undefined;
      }
    })();
    return entry.counting;
  }
}

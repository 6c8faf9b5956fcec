import type { Clock } from '../clock.js';
import type { AnalysisArea } from './schema.js';
import type { MatchedFigures, MatchedFiguresCount, MatchedFiguresQuery, Pause } from './matched-figures.js';
import type { MatchedFiguresSource } from './mismatch.js';
import { messageOf } from '../thrown.js';

export interface KeptFiguresSettings {
  /** At most this many areas × queries are kept; the least recently asked (not kept from the start) go first. */
  capacity: number;
  /** An area asked for after its records changed is counted again at once when its count is older than this; otherwise at the next refresh. */
  refreshMs: number;
}

export interface KeptFiguresPorts {
  counter: Pick<MatchedFiguresCount, 'count'>;
  /**
   * Which records the figures would be counted over: changes with every write of a vacancy or a
   * jobseeker this process sees, and with the day (what is open and who is long-term unemployed).
   */
  version: () => string;
  now: Clock;
  /** Lets requests run between two rankings of a count in the background. */
  pause: Pause;
  /** A count in the background failed (the kept figures stay as they were). */
  warn: (message: string) => void;
}

interface Kept {
  area: AnalysisArea;
  query: MatchedFiguresQuery;
  /** Kept from the start (never dropped for room). */
  pinned: boolean;
  asked: number;
  /** Asked for since it was last counted (an area no one looks at is not counted again). */
  wanted: boolean;
  figures?: MatchedFigures;
  /** The version of the records the figures were counted over, and when. */
  version?: string;
  at?: string;
  counting?: Promise<void>;
}

/**
 * The match engine's figures of the mismatch summary (one ranking per sampled record: seconds for a
 * region at national scale), counted once per version of the records and kept. An area asked for the
 * first time is counted then; after records change, the kept figures are served with the time they
 * were counted (`current: false`) and counted again in the background: at once when that count is
 * older than `refreshMs`, else at the next `refresh` (an area no one asks for is not counted again).
 * Over the same records the answer is the one a count at the request would give.
 */
export class KeptMatchedFigures implements MatchedFiguresSource {
  private readonly kept = new Map<string, Kept>();
  /** Orders the requests (the least recently asked entry is dropped first). */
  private asked = 0;

  constructor(
    private readonly ports: KeptFiguresPorts,
    private readonly settings: KeptFiguresSettings,
  ) {}

  async of(area: AnalysisArea, query: MatchedFiguresQuery) {
    const entry = this.entry(area, query, false);
    entry.asked = ++this.asked;
    entry.wanted = true;
    const version = this.ports.version();
    if (entry.figures && entry.version !== version) {
      // Served as counted (the page says when); counted again in the background, at once unless it was counted lately.
      const age = this.ports.now().getTime() - Date.parse(entry.at!);
      if (age >= this.settings.refreshMs) void this.recount(entry, true).catch((error: Error) => this.ports.warn(`mismatch figures of ${entry.area.id}: ${error.message}`));
    } else if (!entry.figures) {
      await this.recount(entry, false);
    }
    return { figures: entry.figures!, counted: { at: entry.at!, current: entry.version === version } };
  }

  /** Keeps these areas counted (for this query; the day follows the clock): counted in the background from now on. */
  keep(areas: AnalysisArea[], query: Omit<MatchedFiguresQuery, 'today'>, today: string): void {
    for (const area of areas) this.entry(area, { ...query, today }, true);
  }

  /**
   * Counts, one after another in the background, the areas kept from the start never counted yet
   * and every area asked for since its records changed; a new day moves those kept from the start to it.
   */
  async refresh(today: string, going: () => boolean = () => true): Promise<number> {
    for (const entry of [...this.kept.values()]) {
      if (entry.pinned && entry.query.today !== today) {
        this.kept.delete(this.keyOf(entry.area, entry.query));
        this.entry(entry.area, { ...entry.query, today }, true);
      }
    }
    let counted = 0;
    for (const entry of [...this.kept.values()]) {
      if (!going()) break;
      if (entry.figures && (entry.version === this.ports.version() || !entry.wanted)) continue;
      try {
        await this.recount(entry, true);
        counted++;
      } catch (error) {
        this.ports.warn(`mismatch figures of ${entry.area.id}: ${messageOf(error)}`);
      }
    }
    return counted;
  }

  /** How many areas × queries are kept, and how many of them are current. */
  status() {
    const version = this.ports.version();
    const all = [...this.kept.values()];
    return { kept: all.length, current: all.filter((e) => e.figures && e.version === version).length };
  }

  private keyOf(area: AnalysisArea, query: MatchedFiguresQuery) {
    return `${area.kind}:${area.id}|${query.candidates}|${query.today}`;
  }

  private entry(area: AnalysisArea, query: MatchedFiguresQuery, pinned: boolean): Kept {
    const key = this.keyOf(area, query);
    let entry = this.kept.get(key);
    if (!entry) {
      entry = { area, query, pinned, asked: ++this.asked, wanted: false };
      this.kept.set(key, entry);
      this.makeRoom(key);
    }
    entry.pinned ||= pinned;
    return entry;
  }

  /** Drops the least recently asked entries not kept from the start, past the capacity. */
  private makeRoom(added: string) {
    const extra = this.kept.size - this.settings.capacity;
    if (extra <= 0) return;
    const dropped = [...this.kept.entries()].filter(([key, e]) => key !== added && !e.pinned && !e.counting).sort(([, a], [, b]) => a.asked - b.asked).slice(0, extra);
    for (const [key] of dropped) this.kept.delete(key);
  }

  /** One count of the entry at a time: a request finding one under way waits for it. */
  private recount(entry: Kept, inBackground: boolean): Promise<void> {
    entry.counting ??= (async () => {
      try {
        entry.wanted = false;
        const version = this.ports.version();
        const figures = await this.ports.counter.count(entry.area, entry.query, inBackground ? this.ports.pause : undefined);
        // Records written during the count: it describes neither version exactly; counted again at the next refresh.
        entry.version = version === this.ports.version() ? version : `${version} (changed while counting)`;
        entry.figures = figures;
        entry.at = this.ports.now().toISOString();
      } finally {
        entry.counting = undefined;
      }
    })();
    return entry.counting;
  }
}

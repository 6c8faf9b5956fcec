/**
 * The comparison clients of the training effects (training-effects.ts), indexed so that the clients
 * of one matching cell on one day are found without reading every client: by the ISCO major group,
 * then the birth year, then sorted by the day their unemployment began. A cell's clients on a day are
 * then a few contiguous runs (one per birth year of its age band, the run of start days of its
 * duration band), and each client is two day numbers: when unemployment began and the first
 * employment since. At national scale (300,000 clients, thousands of distinct end days) reading the
 * whole pool for every cell and day took minutes; this reads each cell's own clients.
 */

const DAY = 86_400_000;
/** A day (YYYY-MM-DD) as a whole number of days since 1970-01-01. */
export const dayNumber = (day: string) => Math.round(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / DAY);
const NEVER = Number.MAX_SAFE_INTEGER;

/** The unemployment-duration band on a day, from the days since unemployment began. */
export const DURATION_BANDS = ['24+', '12-24', '6-12', '<6'] as const;
export function durationBandOfDays(days: number): (typeof DURATION_BANDS)[number] {
  const months = days / 30.44;
  return months < 6 ? '<6' : months < 12 ? '6-12' : months < 24 ? '12-24' : '24+';
}
export function ageBand(birthYear: number | null, on: string): string {
  if (birthYear === null) return '?';
  const age = Number(on.slice(0, 4)) - birthYear;
  return age < 25 ? '<25' : age < 35 ? '25-34' : age < 50 ? '35-49' : '50+';
}

export interface PoolClient {
  isco: string | null;
  unemployedSince: string | null;
  birthYear: number | null;
  /** Days of employment events, sorted. */
  employed: string[];
}

/** One group's clients of one birth year, sorted by the day unemployment began. */
interface Run {
  birthYear: number | null;
  since: Int32Array;
  /** The first employment on or after `since` (NEVER when none). */
  firstJob: Float64Array;
}

/** The clients of one cell on one day: where they are in the runs, how many were without work, and how many found it within each horizon. */
export interface CellOnDay {
  /** [run, from, to) slices of the runs holding the cell's clients (some found work before the day: see `jobless`). */
  slices: [Run, number, number][];
  on: number;
  /** Clients without work on the day (the comparison clients), and of them employed within each horizon. */
  jobless: number;
  employedWithin: number[];
}

/** First index in [lo, hi) where `ok` holds, for a predicate false then true along the array. */
function firstWhere(lo: number, hi: number, ok: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export class ComparisonPool {
  private readonly groups = new Map<string, Run[]>();
  /** Clients in the pool. */
  readonly size: number;

  constructor(clients: PoolClient[]) {
    const byGroupYear = new Map<string, Map<number | null, { since: number; firstJob: number }[]>>();
    let n = 0;
    for (const c of clients) {
      // Without a start of unemployment a client is never without work on a day: never a comparison client.
      if (c.unemployedSince === null) continue;
      const since = dayNumber(c.unemployedSince);
      let first: string | undefined;
      for (const d of c.employed) if (d >= c.unemployedSince && (first === undefined || d < first)) first = d;
      const group = c.isco?.[0] ?? '?';
      const years = byGroupYear.get(group) ?? byGroupYear.set(group, new Map()).get(group)!;
      const list = years.get(c.birthYear) ?? years.set(c.birthYear, []).get(c.birthYear)!;
      list.push({ since, firstJob: first === undefined ? NEVER : dayNumber(first) });
      n++;
    }
    this.size = n;
    for (const [group, years] of byGroupYear) {
      this.groups.set(
        group,
        [...years].map(([birthYear, list]) => {
          list.sort((a, b) => a.since - b.since);
          return { birthYear, since: Int32Array.from(list, (x) => x.since), firstJob: Float64Array.from(list, (x) => x.firstJob) };
        }),
      );
    }
  }

  /**
   * The comparison clients of a cell on a day — the ISCO major group, the duration band and the age
   * band on `on` — who were without work on that day (unemployed since before it, no employment
   * between), with how many of them were employed within each of `horizons` days after it.
   */
  cell(group: string, durationBand: string, age: string, on: string, horizons: readonly number[]): CellOnDay {
    const day = dayNumber(on);
    const slices: [Run, number, number][] = [];
    let jobless = 0;
    const employedWithin = horizons.map(() => 0);
    const band = DURATION_BANDS.findIndex((b) => b === durationBand);
    if (band < 0) return { slices, on: day, jobless, employedWithin };
    for (const run of this.groups.get(group) ?? []) {
      if (ageBand(run.birthYear, on) !== age) continue;
      // Unemployed on or before the day; along the run the band rises from 24+ to <6 as the start nears the day.
      const end = firstWhere(0, run.since.length, (i) => run.since[i]! > day);
      const bandAt = (i: number) => DURATION_BANDS.indexOf(durationBandOfDays(day - run.since[i]!));
      const from = firstWhere(0, end, (i) => bandAt(i) >= band);
      const to = firstWhere(from, end, (i) => bandAt(i) > band);
      if (from === to) continue;
      slices.push([run, from, to]);
      for (let i = from; i < to; i++) {
        const first = run.firstJob[i]!;
        if (first <= day) continue; // found work on or before the day
        jobless++;
        for (let h = 0; h < horizons.length; h++) if (first <= day + horizons[h]!) employedWithin[h]!++;
      }
    }
    return { slices, on: day, jobless, employedWithin };
  }

  /**
   * How many distinct comparison clients the cells hold together. Cells of one group on nearby days
   * share most of their clients, so each cell's clients are not read one by one: per run, its cells'
   * slices are swept once in order, each client read once, and counted when it was without work on
   * the earliest day of the cells holding it (without work on any of their days means on that one).
   */
  distinct(cells: Iterable<CellOnDay>): number {
    const byRun = new Map<Run, Span[]>();
    for (const cell of cells) {
      for (const [run, from, to] of cell.slices) {
        const spans = byRun.get(run);
        if (spans) spans.push({ from, to, on: cell.on });
        else byRun.set(run, [{ from, to, on: cell.on }]);
      }
    }
    let count = 0;
    for (const [run, spans] of byRun) {
      spans.sort((a, b) => a.from - b.from);
      const open = new EarliestDay();
      let next = 0;
      let i = spans[0]!.from;
      while (next < spans.length || open.size > 0) {
        if (open.size === 0) i = Math.max(i, spans[next]!.from);
        while (next < spans.length && spans[next]!.from <= i) open.push(spans[next++]!);
        while (open.size > 0 && open.top.to <= i) open.pop(); // spans ended before i
        if (open.size === 0) continue;
        // Up to where the earliest open span ends or another begins, the earliest day stays the same.
        const end = Math.min(open.top.to, next < spans.length ? spans[next]!.from : Number.MAX_SAFE_INTEGER);
        const on = open.top.on;
        for (; i < end; i++) if (run.firstJob[i]! > on) count++;
      }
    }
    return count;
  }
}

/** A cell's slice of one run [from, to), and the cell's day. */
interface Span {
  from: number;
  to: number;
  on: number;
}

/** The open spans of a sweep, the one of the earliest day on top (a binary heap). */
class EarliestDay {
  private readonly items: Span[] = [];
  get size(): number {
    return this.items.length;
  }
  get top(): Span {
    return this.items[0]!;
  }
  push(span: Span): void {
    const a = this.items;
    let i = a.push(span) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent]!.on <= span.on) break;
      a[i] = a[parent]!;
      i = parent;
    }
    a[i] = span;
  }
  pop(): void {
    const a = this.items;
    const last = a.pop()!;
    if (a.length === 0) return;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= a.length) break;
      if (child + 1 < a.length && a[child + 1]!.on < a[child]!.on) child++;
      if (a[child]!.on >= last.on) break;
      a[i] = a[child]!;
      i = child;
    }
    a[i] = last;
  }
}

import type { PublishedCounts } from '../analytics/published-counts.js';
import { MIN_JOBSEEKERS_SHOWN, SUPPRESSED } from '../analytics/suppression.js';
import { DIMENSIONS, type Dimension, type ExposureGroup, type ExposureReport } from './schema.js';

/**
 * Exposure report (EU AI Act art. 9 and 26: monitoring for bias). For candidate rankings served
 * for an area's vacancies (or replayed through the current engine), each group's share of the
 * position-discounted exposure (1 / log2(position + 1), as in DCG) against its share of the area's
 * active jobseekers. Only the area's own jobseekers count on both sides; the share of positions
 * that went to jobseekers of other areas is reported beside.
 *
 * A group is flagged when its exposure ratio's 95 % confidence interval (normal, over rankings)
 * lies wholly below 0.8 or above 1.25 — the four-fifths rule of disparate impact — with at least
 * MIN_RANKINGS rankings and MIN_JOBSEEKERS_SHOWN eligible jobseekers. The counts of eligible jobseekers
 * are rounded at random like the other planner figures (src/core/analytics/published-counts.ts), and a
 * group whose count is published as "<5" has no shares.
 */

export { DIMENSIONS };
export type { Dimension, ExposureReport };
export type Groups = Record<Dimension, string>;

/** What the report needs of a jobseeker. */
export interface GroupFacts {
  municipality: string;
  birthYear?: number;
  gender?: string;
  motherTongue?: string;
  unemployedSince?: string;
}

/**
 * Dimensions whose groups can be flagged. Municipalities are reported for information only: the
 * location part of the score favours candidates near the vacancy by design.
 */
const FLAGGED_DIMENSIONS = new Set<Dimension>(['ageBand', 'gender', 'motherTongue', 'longTermUnemployed']);

export const UNKNOWN = 'unknown';
const LOW = 0.8;
const HIGH = 1.25;
/** Fewer rankings than this say too little to flag anything. */
export const MIN_RANKINGS = 20;
/**
 * Exposure shares are published only when at least this many distinct jobseekers of the area were
 * ranked: a handful of rankings of a few candidates would otherwise describe those candidates (a
 * share of 1 for "not long-term unemployed" over one ranking of one candidate says it of them).
 */
export const MIN_EXPOSED = 20;

function ageBand(birthYear: number | undefined, asOf: string): string {
  if (birthYear === undefined) return UNKNOWN;
  const age = Number(asOf.slice(0, 4)) - birthYear;
  return age < 25 ? 'under 25' : age < 35 ? '25–34' : age < 45 ? '35–44' : age < 55 ? '45–54' : '55 and over';
}

/** The groups a jobseeker belongs to on each dimension, on a day. */
export function groupsOf(j: GroupFacts, asOf: string): Groups {
  const yearBefore = `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4)}`;
  return {
    ageBand: ageBand(j.birthYear, asOf),
    gender: j.gender ?? UNKNOWN,
    motherTongue: j.motherTongue === undefined ? UNKNOWN : j.motherTongue === 'fi' || j.motherTongue === 'sv' ? j.motherTongue : 'other',
    longTermUnemployed: j.unemployedSince === undefined ? 'no' : j.unemployedSince <= yearBefore ? 'yes' : 'no',
    municipality: j.municipality,
  };
}

/**
 * What a group's count is published under: its dimension and group, and the day's year for age bands and
 * the day for long-term unemployment (who is in those groups moves with the day, the others' do not).
 */
function groupCell(dimension: Dimension, group: string, asOf: string): string {
  if (dimension === 'ageBand') return `${dimension} ${group} in ${asOf.slice(0, 4)}`;
  if (dimension === 'longTermUnemployed') return `${dimension} ${group} on ${asOf}`;
  return `${dimension} ${group}`;
}

const weight = (position: number) => 1 / Math.log2(position + 1);
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The report from rankings (real ids, best first), the groups of the ranked jobseekers and of the
 * area's active jobseekers (the eligible) on the day `asOf`, its counts published by `published`.
 */
export function exposureReport(
  rankings: string[][],
  ranked: Map<string, Groups>,
  eligible: Iterable<Groups>,
  isInArea: (id: string) => boolean,
  published: PublishedCounts,
  asOf: string,
): ExposureReport {
  const counts = new Map<string, { dimension: Dimension; group: string; n: number }>();
  let total = 0;
  for (const g of eligible) {
    total++;
    for (const d of DIMENSIONS) {
      const key = `${d}\u0000${g[d]}`;
      const counted = counts.get(key);
      if (counted) counted.n++;
      else counts.set(key, { dimension: d, group: g[d], n: 1 });
    }
  }
  // Per ranking, each group's share of the exposure that went to the area's jobseekers.
  const shares = new Map<string, number[]>();
  /** Distinct jobseekers of the area ranked, per group and in all. */
  const exposed = new Map<string, Set<string>>();
  const exposedAll = new Set<string>();
  let outside = 0;
  let all = 0;
  let positions = 0;
  let used = 0;
  for (const items of rankings) {
    const byGroup = new Map<string, number>();
    let inArea = 0;
    items.forEach((id, i) => {
      const w = weight(i + 1);
      all += w;
      positions++;
      const groups = ranked.get(id);
      if (!groups || !isInArea(id)) {
        outside += w;
        return;
      }
      inArea += w;
      exposedAll.add(id);
      for (const d of DIMENSIONS) {
        const key = `${d}\u0000${groups[d]}`;
        byGroup.set(key, (byGroup.get(key) ?? 0) + w);
        const ids = exposed.get(key) ?? new Set<string>();
        ids.add(id);
        exposed.set(key, ids);
      }
    });
    if (inArea === 0) continue;
    used++;
    for (const key of counts.keys()) {
      const list = shares.get(key) ?? [];
      list.push((byGroup.get(key) ?? 0) / inArea);
      shares.set(key, list);
    }
  }

  const groups: ExposureGroup[] = [];
  const totalShown = published.count('eligible', total);
  for (const [key, { dimension, group, n }] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const shown = published.count(groupCell(dimension, group, asOf), n);
    if (shown === SUPPRESSED || totalShown === SUPPRESSED) {
      groups.push({ dimension, group, eligible: shown, eligibleShare: null, exposureShare: null, ratio: null, ratioLow: null, ratioHigh: null, flagged: false });
      continue;
    }
    const list = shares.get(key) ?? [];
    // Shares of the published (rounded) counts, so that no figure tells more than the counts shown.
    const eligibleShare = Math.min(1, shown / totalShown);
    const mean = list.length ? list.reduce((a, b) => a + b, 0) / list.length : null;
    const sd = list.length > 1 && mean !== null ? Math.sqrt(list.reduce((a, b) => a + (b - mean) ** 2, 0) / (list.length - 1)) : null;
    const half = sd !== null ? (1.96 * sd) / Math.sqrt(list.length) : null;
    const ratio = mean === null ? null : mean / eligibleShare;
    const ratioLow = mean === null || half === null ? null : Math.max(0, mean - half) / eligibleShare;
    const ratioHigh = mean === null || half === null ? null : (mean + half) / eligibleShare;
    const flagged =
      FLAGGED_DIMENSIONS.has(dimension) && group !== UNKNOWN && list.length >= MIN_RANKINGS && ratioLow !== null && ratioHigh !== null && (ratioHigh < LOW || ratioLow > HIGH);
    groups.push({
      dimension,
      group,
      eligible: shown,
      eligibleShare: round(eligibleShare),
      exposureShare: mean === null ? null : round(mean),
      ratio: ratio === null ? null : round(ratio, 2),
      ratioLow: ratioLow === null ? null : round(ratioLow, 2),
      ratioHigh: ratioHigh === null ? null : round(ratioHigh, 2),
      flagged,
    });
  }
  const sharesSuppressed = suppressShares(groups, exposed, exposedAll.size);
  return {
    rankings: used,
    positions,
    outsideAreaShare: all > 0 ? round(outside / all) : null,
    eligible: totalShown,
    sharesSuppressed,
    groups,
    flagged: groups.filter((g) => g.flagged).map((g) => ({ dimension: g.dimension, group: g.group, ratio: g.ratio! })),
  };
}

const hide = (row: ExposureGroup) => Object.assign(row, { exposureShare: null, ratio: null, ratioLow: null, ratioHigh: null, flagged: false });

/**
 * Suppression of the exposure shares, like the counts of the other analytics: none at all when
 * fewer than MIN_EXPOSED distinct jobseekers were ranked; a group's when 1–4 of its members were
 * ranked; and, since a dimension's shares add up to one, a second group's of the same dimension
 * when only one was hidden (the one with the smallest positive share), so that no hidden share is
 * one minus the others. Returns why all shares are hidden, or null.
 */
function suppressShares(groups: ExposureGroup[], exposed: Map<string, Set<string>>, exposedCount: number): string | null {
  if (exposedCount < MIN_EXPOSED) {
    groups.forEach(hide);
    return `fewer than ${MIN_EXPOSED} distinct jobseekers of the area were ranked`;
  }
  for (const dimension of DIMENSIONS) {
    const rows = groups.filter((g) => g.dimension === dimension);
    const ranked = (g: ExposureGroup) => exposed.get(`${dimension}\u0000${g.group}`)?.size ?? 0;
    const primary = rows.filter((g) => g.exposureShare === null || (ranked(g) > 0 && ranked(g) < MIN_JOBSEEKERS_SHOWN));
    primary.forEach(hide);
    // A group of under five eligible jobseekers is hidden already (its share was never worked out)
    // but its exposure still counts in the whole: it needs a second hidden cell as much.
    if (primary.length !== 1) continue;
    const second = rows
      .filter((g) => g.exposureShare !== null && g.exposureShare > 0)
      .sort((a, b) => a.exposureShare! - b.exposureShare!)[0];
    if (second) hide(second);
    else rows.forEach(hide);
  }
  return null;
}

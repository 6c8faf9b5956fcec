import type { PublishedCounts } from '../analytics/published-counts.js';
import { SUPPRESSED } from '../analytics/suppression.js';
import { contentDigest, noisedShares, SHARE_MARGIN } from './noised-shares.js';
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
 * MIN_RANKINGS rankings and 5 eligible jobseekers (src/core/analytics/suppression.ts). The counts of eligible jobseekers
 * are rounded at random like the other planner figures (src/core/analytics/published-counts.ts), and a
 * group whose count is published as "<5" has no shares.
 *
 * Shares are published with noise (noised-shares.ts), because two exact shares can be subtracted. To three
 * decimals, the replay of one vacancy at k = n and k = n + 1 moved each share by the (n+1)-st position's weight
 * for the groups of the person ranked there and by nothing for the others: a planner read their gender, age
 * band, mother tongue and long-term unemployment (test/http/exposure-differencing.test.ts). The same works
 * with a sample of s and s + 1 vacancies, the decisions of a period to day d and d + 1, or two areas that
 * differ by one municipality. Now:
 *
 * - Shares (and the share outside the area) are published only from MIN_RANKINGS rankings and MIN_EXPOSED
 *   distinct jobseekers of the area. At that size one person moves a share by at most 1/21 ≈ 0.048 between
 *   two nested reports (one ranking more, whose share for their group is 0 or 1), and by 0.031 as the 21st
 *   position of 20 rankings alike (the fewest positions that rank 20 distinct people).
 * - Each share is the exact mean plus bounded noise (within ± 0.15, standard deviation 0.05; of the difference
 *   of two answers 0.071), rounded to 2 decimals and kept within 0 … 1. The draw is keyed by the installation's
 *   secret, the group and a digest of the ranked content (who is ranked where, whether in the area, in which
 *   groups): asking the same again gives the same answer; any change of who is ranked gives a fresh draw.
 *   The same content asked in two places (the municipality and its employment area, when everyone ranked
 *   lives in the municipality) is the same draw, so it gives no second one.
 * - A group's share is hidden when too few of its members were ranked: none or a few alike, against a threshold
 *   drawn per group and report between 2.5 and 7.5 (noised-shares.ts `enoughRanked`), not at exactly 5 — the
 *   exact rule of 1–4, with 0 shown, let k = 20 against k = 21 tell the 21st person's groups outright.
 * - The ratio and its interval come from the published share and a noised spread (not published itself),
 *   the interval widened by the noise's bound (± 0.155 with the rounding), so no field carries the exact
 *   share, and a group is flagged only when its published share is out of line by more than the noise could make it:
 *   a group never or nearly always exposed is flagged; a ratio of 0.6 for a small group may not be.
 *
 * What is not promised (docs/privacy-and-oversight.md): noise is not a bound. One pair of answers guesses a
 * person's group barely better than a coin (a 0.048 move against a difference of σ 0.071: right 63 % of the
 * time; 59 % for a 0.031 move), but many *different* pairs that all differ by the same person (k = 20/21
 * with samples 20, 21, 22 …, other days, other areas) are independent draws, and averaging m of them
 * shrinks the noise by √m: about 9 pairs read one 0.048 move at two standard deviations, about 21 a 0.031
 * one. Nor does it bound a person who weighs more than one position or ranking: someone ranked first in every ranking weighs 1/7 of each at k = 20, and removing them from the
 * area (a municipality of one ranked person) moves their groups' shares by that much.
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
/** Shares (and the share outside the area) are published only from this many rankings: one more or fewer moves a share by 1/21 at most. */
export const MIN_RANKINGS_FOR_SHARES = MIN_RANKINGS;

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

/**
 * A group's key in the report's tables (`dimension NUL group`), each made once per report: the report
 * reads one per eligible jobseeker and ranked position and dimension, mostly the same few.
 */
function groupKeys(): (dimension: Dimension, group: string) => string {
  const made: Record<Dimension, Map<string, string>> = { ageBand: new Map(), gender: new Map(), motherTongue: new Map(), longTermUnemployed: new Map(), municipality: new Map() };
  return (dimension, group) => {
    const keys = made[dimension];
    let key = keys.get(group);
    if (key === undefined) keys.set(group, (key = `${dimension}\u0000${group}`));
    return key;
  };
}

const weight = (position: number) => 1 / Math.log2(position + 1);
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
const OUTSIDE = 'outside the area';

/**
 * The report from rankings (real ids, best first), the groups of the ranked jobseekers and of the
 * area's active jobseekers (the eligible) on the day `asOf`, its counts published by `published`,
 * its shares noised under the installation's `key`.
 */
export function exposureReport(
  rankings: string[][],
  ranked: Map<string, Groups>,
  eligible: Iterable<Groups>,
  isInArea: (id: string) => boolean,
  published: PublishedCounts,
  asOf: string,
  key: Buffer,
): ExposureReport {
  const noised = noisedShares(
    key,
    contentDigest(rankings, (id) => {
      const groups = ranked.get(id);
      return groups && isInArea(id) ? [id, ...DIMENSIONS.map((d) => groups[d])].join('\u0002') : undefined;
    }),
  );
  const keyOf = groupKeys();
  const counts = new Map<string, { dimension: Dimension; group: string; n: number }>();
  let total = 0;
  for (const g of eligible) {
    total++;
    for (const d of DIMENSIONS) {
      const key = keyOf(d, g[d]);
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
        const key = keyOf(d, groups[d]);
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
    const exact = list.length ? list.reduce((a, b) => a + b, 0) / list.length : null;
    const sd = list.length > 1 && exact !== null ? Math.sqrt(list.reduce((a, b) => a + (b - exact) ** 2, 0) / (list.length - 1)) : null;
    // Every figure below comes from the noised share and spread, none from the exact ones.
    const cell = `${dimension} ${group}`;
    const mean = exact === null ? null : noised.share(cell, exact);
    const half = sd !== null ? (1.96 * noised.spread(cell, sd)) / Math.sqrt(list.length) + SHARE_MARGIN : null;
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
      exposureShare: mean,
      ratio: ratio === null ? null : round(ratio, 2),
      ratioLow: ratioLow === null ? null : round(ratioLow, 2),
      ratioHigh: ratioHigh === null ? null : round(ratioHigh, 2),
      flagged,
    });
  }
  const sharesSuppressed = suppressShares(groups, (g) => noised.enoughRanked(`${g.dimension} ${g.group}`, exposed.get(`${g.dimension}\u0000${g.group}`)?.size ?? 0), exposedAll.size, used);
  return {
    rankings: used,
    positions,
    outsideAreaShare: all > 0 && sharesSuppressed === null ? noised.share(OUTSIDE, outside / all) : null,
    eligible: totalShown,
    sharesSuppressed,
    groups,
    flagged: groups.filter((g) => g.flagged).map((g) => ({ dimension: g.dimension, group: g.group, ratio: g.ratio })),
  };
}

const hide = (row: ExposureGroup) => Object.assign(row, { exposureShare: null, ratio: null, ratioLow: null, ratioHigh: null, flagged: false });
/**
 * A group's share hidden for too few members ranked keeps its flag, worked out from the noised share like
 * every flag (one bit of what the share would have told): a large group all but never ranked is the bias the
 * report is for, and it is hidden for that very reason.
 */
const hideShare = (row: ExposureGroup) => Object.assign(row, { exposureShare: null, ratio: null, ratioLow: null, ratioHigh: null });

/**
 * Suppression of the exposure shares, like the counts of the other analytics: none at all when
 * fewer than MIN_EXPOSED distinct jobseekers were ranked or fewer than MIN_RANKINGS_FOR_SHARES
 * rankings used (the noise covers one person's move at that size); a group's when too few of its members
 * were ranked — none as well as a few, one answer, and decided against a keyed threshold drawn per report
 * (`enoughRanked`: never shown under 3, always from 8) rather than at exactly 5, which two nested reports
 * read exactly (test/core/oversight/exposure-suppression.test.ts); and, since a dimension's shares add up to
 * one, a second group's of the same dimension when only one was hidden (the one with the smallest positive
 * share), so that no hidden share is one minus the others. Returns why all shares are hidden, or null.
 */
function suppressShares(groups: ExposureGroup[], enoughRanked: (g: ExposureGroup) => boolean, exposedCount: number, rankings: number): string | null {
  if (exposedCount < MIN_EXPOSED) {
    groups.forEach(hide);
    return `fewer than ${MIN_EXPOSED} distinct jobseekers of the area were ranked`;
  }
  if (rankings < MIN_RANKINGS_FOR_SHARES) {
    groups.forEach(hide);
    return `fewer than ${MIN_RANKINGS_FOR_SHARES} rankings with jobseekers of the area`;
  }
  for (const dimension of DIMENSIONS) {
    const rows = groups.filter((g) => g.dimension === dimension);
    const primary = rows.filter((g) => g.exposureShare === null || !enoughRanked(g));
    primary.forEach(hideShare);
    // A group of under five eligible jobseekers is hidden already (its share was never worked out)
    // but its exposure still counts in the whole: it needs a second hidden cell as much.
    if (primary.length !== 1) continue;
    const second = rows
      .filter((g) => g.exposureShare !== null && g.exposureShare > 0)
      .sort((a, b) => a.exposureShare! - b.exposureShare!)[0];
    if (second) hideShare(second);
    else rows.forEach(hideShare);
  }
  return null;
}

import { RANKING_WINDOW_DAYS } from '../sqlite/shown-rank.js';

/**
 * SQL for the 1-based position of vacancy `vacancy` in the last ranking of client `jobseeker`'s
 * vacancies served at or before `at` (within RANKING_WINDOW_DAYS; from the decision records), NULL
 * when none showed it: SQLite's shownRankSql over jsonb. The arguments are SQL expressions.
 */
export const shownRankSql = (jobseeker: string, vacancy: string, at: string) => `(
  SELECT r.position FROM decisions d, jsonb_array_elements(d.ranked) WITH ORDINALITY AS r (hit, position)
  WHERE d.subject = ${jobseeker} AND d.direction = 'vacancies'
    AND d.at <= ${at}
    AND d.at >= to_char((${at})::timestamptz AT TIME ZONE 'UTC' - interval '${RANKING_WINDOW_DAYS} days', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    AND r.hit ->> 0 = ${vacancy}
  ORDER BY d.id DESC LIMIT 1)`;

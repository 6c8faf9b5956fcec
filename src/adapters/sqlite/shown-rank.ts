/** How far back a ranking counts as the one a vacancy was suggested from (days). */
export const RANKING_WINDOW_DAYS = 30;

/**
 * SQL for the 1-based position of vacancy `vacancy` in the last ranking of client `jobseeker`'s
 * vacancies served at or before `at` (within RANKING_WINDOW_DAYS; from the decision records), NULL
 * when none showed it. The arguments are SQL expressions (columns or named parameters).
 */
export const shownRankSql = (jobseeker: string, vacancy: string, at: string) => `(
  SELECT CAST(r.key AS INTEGER) + 1 FROM decisions d, json_each(d.ranked) r
  WHERE d.subject = ${jobseeker} AND d.direction = 'vacancies'
    AND d.at <= ${at} AND d.at >= strftime('%Y-%m-%dT%H:%M:%fZ', ${at}, '-${RANKING_WINDOW_DAYS} days')
    AND r.value ->> '$[0]' = ${vacancy}
  ORDER BY d.id DESC LIMIT 1)`;

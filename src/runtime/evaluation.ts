import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Evaluation } from '../core/oversight/system-card.js';

interface QualityRow {
  embedder: string;
  ranking: string;
  clientToVacancies: { ndcg: number; ndcgCross: number };
  vacancyToCandidates: { ndcg: number; ndcgCross: number };
}

/**
 * The newest quality benchmark result (`benchmarks/results/quality-*.json`) for the embedder in use,
 * for the system card; undefined when there is none (figures are measured, never assumed).
 */
export function latestEvaluation(resultsDir: string, embedderId: string): Evaluation | undefined {
  let files: string[];
  try {
    files = readdirSync(resultsDir).filter((f) => /^quality-.*\.json$/.test(f)).sort();
  } catch {
    return undefined;
  }
  for (const file of files.reverse()) {
    try {
      const result = JSON.parse(readFileSync(join(resultsDir, file), 'utf8')) as { date?: string; matches?: { set: { jobseekers: number; vacancies: number }; rows: QualityRow[] } };
      const row = result.matches?.rows.find((r) => r.ranking.startsWith('Kohtaanto (hybrid') && embedderId.startsWith(r.embedder));
      if (!row || !result.matches) continue;
      return {
        measuredOn: result.date ?? file,
        labelledSet: `${result.matches.set.jobseekers} clients × ${result.matches.set.vacancies} vacancies, graded by hand, among the fixture records`,
        clientToVacancies: { ndcgAt10: row.clientToVacancies.ndcg, crossLanguage: row.clientToVacancies.ndcgCross },
        vacancyToCandidates: { ndcgAt10: row.vacancyToCandidates.ndcg, crossLanguage: row.vacancyToCandidates.ndcgCross },
        command: 'npm run bench:quality -- --only matches',
      };
    } catch {
      continue;
    }
  }
  return undefined;
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Evaluation } from '../core/oversight/system-card.js';

const ndcg = z.object({ ndcg: z.number(), ndcgCross: z.number() });
/** A row of the quality benchmark's matches table: one ranking with one embedder (other rows may have other figures). */
const qualityRow = z.object({ embedder: z.string(), ranking: z.string(), clientToVacancies: ndcg, vacancyToCandidates: ndcg });
/** What the system card reads of a quality result file. */
const qualityResult = z.object({
  date: z.string().optional(),
  matches: z.object({ set: z.object({ jobseekers: z.number(), vacancies: z.number() }), rows: z.array(z.object({ embedder: z.string(), ranking: z.string() }).loose()) }).optional(),
});

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
      const result = qualityResult.parse(JSON.parse(readFileSync(join(resultsDir, file), 'utf8')));
      const found = result.matches?.rows.find((r) => r.ranking.startsWith('Kohtaanto (hybrid') && embedderId.startsWith(r.embedder));
      if (!found || !result.matches) continue;
      const row = qualityRow.parse(found);
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

import { z } from 'zod';
import { language, municipalityRef, queryInt, recordId, shortText } from './common.js';

/** The shapes the record routes share (jobseekers and vacancies: src/http/routes/records.ts). */

/** GET /v1/jobseekers and /v1/vacancies: a page of records. */
export const listQuery = z
  .object({
    limit: queryInt(1, 500).default(100),
    after: recordId.optional().describe('Return records whose id sorts after this one (cursor)'),
    municipality: municipalityRef.optional(),
    q: shortText(100)
      .optional()
      .describe(
        'Words of the id, name, title or employer, diacritics and case aside and a slip forgiven ("Makinen" and "Mäkinne" find Mäkinen; digits exact), ' +
          'or an occupation named in any language ("nurse", "sairaanhoitaja", "sjukskötare": the records of that occupation); see src/core/record-search.ts',
      ),
    owner: z.literal('mine').optional().describe("Vacancies: only those of the caller's unit"),
  })
  .strict();

/** GET /v1/jobseekers.csv and /v1/vacancies.csv */
export const exportQuery = z
  .object({
    lang: language.default('fi').describe('The language of the header row, yes/no words, dates and working time'),
    owner: z.literal('mine').optional().describe("Vacancies: only those of the caller's unit"),
  })
  .strict();

/** POST …/bulk */
export const bulkResult = z.object({ created: z.number(), updated: z.number(), unchanged: z.number().describe('Equal to what was stored: nothing re-derived or re-embedded') });
/** POST …/bulk-delete */
export const bulkDeleteBody = z.object({ ids: z.array(recordId).min(1) }).strict();
export const bulkDeleteResult = z.object({ removed: z.number(), notFound: z.array(z.string()) });

/** A page of stored records, and the cursor of the next one. */
export const recordPage = <T extends z.ZodType>(stored: T) => z.object({ items: z.array(stored), next: z.string().optional() });
export type RecordPage<T> = z.infer<ReturnType<typeof recordPage<z.ZodType<T>>>>;

import { z } from 'zod';
import type { Lang } from '../languages.js';
import { pastDate, recordId, singleLine } from '../schemas/common.js';

/**
 * What a client went on to, as the registers record it (the employment services' client register,
 * the earnings register, the pay-subsidy decisions): dated labour-market events. They are the
 * results the training and suggestion reports measure against.
 */
export const OUTCOME_EVENTS = ['employed-open', 'employed-subsidised', 'self-employed', 'training', 'other-service', 'left-register'] as const;
export type OutcomeEvent = (typeof OUTCOME_EVENTS)[number];

/** Each event's name in the users' languages (the first one is how an export and the web app say it; every one is read on import). */
export const OUTCOME_LABELS: Record<OutcomeEvent, Record<Lang, string[]>> = {
  'employed-open': {
    fi: ['työllistynyt avoimille työmarkkinoille', 'avoimet työmarkkinat', 'työllistynyt'],
    sv: ['anställd på den öppna arbetsmarknaden', 'öppna arbetsmarknaden', 'anställd'],
    en: ['employed on the open labour market', 'open market', 'employed'],
  },
  'employed-subsidised': {
    fi: ['palkkatuettu työ', 'palkkatuki', 'työllistynyt palkkatuella'],
    sv: ['lönesubventionerat arbete', 'lönesubvention'],
    en: ['subsidised employment', 'pay subsidy', 'employed with pay subsidy'],
  },
  'self-employed': { fi: ['yrittäjä', 'yrittäjäksi', 'starttiraha'], sv: ['företagare', 'startpeng'], en: ['self-employed', 'entrepreneur'] },
  training: { fi: ['koulutus', 'koulutukseen', 'opiskelu'], sv: ['utbildning', 'studier'], en: ['training', 'education', 'studies'] },
  'other-service': { fi: ['muu palvelu', 'palvelu', 'kuntouttava työtoiminta'], sv: ['annan tjänst', 'tjänst', 'arbetsverksamhet i rehabiliteringssyfte'], en: ['other service', 'service'] },
  'left-register': {
    fi: ['poistunut rekisteristä', 'poistunut työnhakijarekisteristä', 'työnhaku päättynyt'],
    sv: ['lämnat registret', 'lämnat registret över arbetssökande', 'arbetssökandet upphört'],
    en: ['left the register', 'left register', 'job search ended'],
  },
};

/** One event as imported (a line of NDJSON or a CSV row). Its natural key: client, event and date. */
export const outcomeInput = z
  .object({
    jobseekerId: recordId,
    event: z.enum(OUTCOME_EVENTS),
    date: pastDate.describe('The day it began (YYYY-MM-DD; 1.3.2026 in CSV)'),
    source: singleLine(100).optional().describe('The register or extract it came from, e.g. "URA 2026-05"'),
  })
  .strict();
export type OutcomeInput = z.infer<typeof outcomeInput>;

/** POST /v1/outcomes/bulk?dryRun=true: check every line and say what would be stored, storing nothing. */
export const outcomeImportQuery = z
  .object({ dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true').describe('true: check and count, store nothing') })
  .strict();

/** What an import did (or, as a dry run, would do): events new, and events already stored. */
export const outcomeImportResult = z.object({
  created: z.number(),
  updated: z.number().describe('Always 0: an event is its client, kind and date; one already stored is left as it is'),
  unchanged: z.number().describe('Already stored (the same client, event and date)'),
});
export type OutcomeImportResult = z.infer<typeof outcomeImportResult>;

/** An event as stored (src/adapters/sqlite/outcomes.ts). */
export const storedOutcome = z.object({
  jobseekerId: z.string(),
  event: z.enum(OUTCOME_EVENTS),
  date: z.string(),
  source: z.string().nullable(),
  importedAt: z.string(),
  importedBy: z.string().describe('The name of the person or key that imported it'),
});
export type StoredOutcome = z.infer<typeof storedOutcome>;

/** GET /v1/jobseekers/:id/outcomes: the client's events, oldest first. */
export const outcomeList = z.object({ items: z.array(storedOutcome.omit({ jobseekerId: true })) });
export type OutcomeList = z.infer<typeof outcomeList>;

/** An event in the client's data export (GDPR access request). */
export const outcomeExport = storedOutcome.omit({ jobseekerId: true });
export type OutcomeExport = z.infer<typeof outcomeExport>;

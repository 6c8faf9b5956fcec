import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS } from '../../core/access.js';
import { idParams, language, municipalityRef, recordId } from '../../core/schemas/common.js';
import { gates, scoreParts } from '../../core/schemas/match.js';
import { TRAINING_KINDS } from '../../core/schemas/training.js';
import { explainedSkill, labelLang } from '../../core/schemas/skills.js';
import { referral, referralInput, referralList } from '../../core/referrals/schema.js';
import type { Engine } from '../../engine.js';
import { errorBody, noQuery } from './shared.js';

const concept = z.object({ uri: z.string(), label: z.string() });
const trainingOffer = z.object({
  id: z.string(),
  title: z.string(),
  provider: z.string(),
  kind: z.enum(TRAINING_KINDS),
  municipality: z.string().optional(),
  online: z.boolean(),
  durationDays: z.number(),
  cost: z.number(),
  nextStart: z.string().nullable().describe('null: continuous intake'),
  distance: z.enum(['local or online', 'same region', 'further away']),
  distanceKm: z.number().describe("From the client's municipality (0 online or in the same municipality)"),
  language: language.describe('Language of instruction'),
  reason: z
    .enum(['language-for-work', 'short-course', 'online', 'near'])
    .describe('Why it is offered where it is: a language-for-work course for a language, a short course before a programme, online, or within reach'),
  covers: z.array(concept).describe("The client's gap skills it teaches"),
  explanation: z.string(),
});

const gapReport = z.object({
  jobseeker: z.string(),
  area: z.object({ reach: z.string(), municipality: z.string().optional(), region: z.string().optional() }),
  threshold: z.number().describe('Score from which a vacancy counts as suitable'),
  considered: z.number().describe('Best-matching vacancies of the area looked at'),
  suitableNow: z.number(),
  skills: z.array(
    z.object({
      uri: z.string(),
      label: z.string(),
      demand: z.number().describe('How many of the considered vacancies ask for it'),
      essentialIn: z.number(),
      suitableWith: z.number().describe('Suitable vacancies with the skill added to the profile (recomputed)'),
      uplift: z.number(),
      language: z.string().optional().describe('The language (ISO 639 code) a language skill stands for: the client is counted as working in it'),
      together: z
        .array(concept)
        .optional()
        .describe('Skills needed with this one to open the vacancies counted (a vacancy within reach that no single skill opens)'),
      trainings: z.array(trainingOffer),
      explanation: z.string(),
    }),
  ),
  targets: z.array(
    z.object({
      occupation: z.string().nullable(),
      label: z.string(),
      vacancies: z.number(),
      similarity: z.number(),
      missingSkills: z.array(concept),
      explanation: z.string(),
    }),
  ),
});

const vacancyGap = z.object({
  jobseeker: z.string(),
  vacancy: z.string(),
  score: z.number(),
  parts: scoreParts,
  gates,
  matchedSkills: z.array(explainedSkill),
  missingSkills: z.array(explainedSkill.extend({ trainings: z.array(trainingOffer) })),
});

/** What would get a client into work, which training gives it, and referrals to trainings. */
/** The services these routes use (nothing else of the engine reaches them). */
export type GapServices = Pick<Engine, 'gaps' | 'guard' | 'referrals'>;

export function gapRoutes(engine: GapServices): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/jobseekers/:id/gaps',
      {
        config: { roles: ACCESS.gaps },
        schema: {
          tags: ['gaps and training'],
          summary: 'Missing skills ranked by the vacancies they would open, with trainings; or the gap to one vacancy',
          description:
            'reach: municipality, region (default) or country around `municipality` (default: the client\'s). ' +
            'With `vacancy`, the gap to that vacancy only. Trainings: labour-market training only, within the client\'s reach or online, ' +
            'never a programme for an occupation the client holds; a language-for-work course first for a language, a short course before a programme.',
          params: idParams,
          querystring: z
            .object({
              reach: z.enum(['municipality', 'region', 'country']).default('region'),
              municipality: municipalityRef.optional(),
              vacancy: recordId.optional(),
              includeZero: z
                .enum(['true', 'false'])
                .default('false')
                .transform((v) => v === 'true')
                .describe('Also list skills that open no vacancy (uplift 0), after the others'),
              lang: labelLang,
            })
            .strict(),
          response: { 200: z.union([gapReport, vacancyGap]), 400: errorBody, 404: errorBody },
        },
      },
      async (request) => {
        const { id } = request.params;
        const { vacancy, ...query } = request.query;
        request.audited.jobseekers.push(id);
        engine.guard.jobseeker(request.principal!, id);
        if (vacancy) return engine.gaps.forVacancy(id, vacancy, query);
        const report = await engine.gaps.forJobseeker(id, query);
        request.audited.detail = { skills: report.skills.map((s) => ({ uri: s.uri, uplift: s.uplift })) };
        return report;
      },
    );

    app.post(
      '/v1/referrals',
      {
        config: { roles: ACCESS.referrals },
        schema: {
          tags: ['gaps and training'],
          summary: 'Refer a client to a training',
          querystring: noQuery,
          body: referralInput,
          response: { 201: referral, 400: errorBody, 403: errorBody, 404: errorBody },
        },
      },
      async (request, reply) => {
        request.audited.jobseekers.push(request.body.jobseekerId);
        return reply.status(201).send(engine.referrals.refer(request.principal!, request.body));
      },
    );

    app.get(
      '/v1/jobseekers/:id/referrals',
      {
        config: { roles: ACCESS.referrals },
        schema: {
          tags: ['gaps and training'],
          summary: "A client's referrals to trainings",
          params: idParams,
          querystring: noQuery,
          response: { 200: referralList, 404: errorBody },
        },
      },
      async (request) => {
        request.audited.jobseekers.push(request.params.id);
        return { items: engine.referrals.ofJobseeker(request.principal!, request.params.id) };
      },
    );
  };
}

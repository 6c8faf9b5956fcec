import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ACCESS } from '../../core/access.js';
import { z } from 'zod';
import { idParams } from '../../core/schemas/common.js';
import { jobseekerVacancyParams, explanationQuery, override, overrideInput, overrideList, personExplanation } from '../../core/oversight/schema.js';
import {
  adHocMatchBody,
  matchQuery,
  matchResponse,
  type MatchHit,
  type MatchQuery,
} from '../../core/matches/schema.js';
import type { Engine } from '../../engine.js';
import { errorBody, noQuery } from './shared.js';

/** The score breakdown of each hit, for the audit log (the AI Act's logging of decisions). */
const decisions = (hits: MatchHit[], idOf: (hit: MatchHit, position: number) => string | number) =>
  hits.map((h, i) => ({ hit: idOf(h, i), score: h.score, parts: h.parts, missing: h.missingSkills.length }));

/** Ranked, explained matches: vacancies for a jobseeker, candidates for a vacancy, and ad-hoc text. */
/** The services these routes use (nothing else of the engine reaches them). */
export type MatchServices = Pick<Engine, 'embedder' | 'matcher' | 'candidates' | 'decisions' | 'suggestions'>;

export function matchRoutes(engine: MatchServices): FastifyPluginAsyncZod {
  const embedder = engine.embedder.id;

  /** The audit keeps the real ids of candidates, whatever the caller sees. */
  const audited = (request: FastifyRequest, hits: MatchHit[], vacancyId?: string) => {
    request.audited.jobseekers.push(...hits.map((h) => h.id));
    request.audited.detail = { vacancy: vacancyId, decisions: decisions(hits, (_h, i) => i) };
  };

  return async (app) => {
    app.get(
      '/v1/jobseekers/:id/matches',
      {
        config: { roles: ACCESS.matchesForJobseeker },
        schema: {
          tags: ['matching'],
          summary: 'Vacancies that fit a jobseeker, best first, with reasons',
          params: idParams,
          querystring: matchQuery,
          response: { 200: matchResponse, 400: errorBody, 404: errorBody },
        },
      },
      async (request) => {
        const hits = await engine.suggestions.vacanciesFor(request.principal!, request.params.id, request.query);
        request.audited.jobseekers.push(request.params.id);
        request.audited.detail = { jobseeker: 0, decisions: decisions(hits, (h) => h.id) };
        return { query: { id: request.params.id, ...request.query }, embedder, hits };
      },
    );

    app.get(
      '/v1/jobseekers/:id/matches/:vacancyId/explanation',
      {
        config: { roles: ACCESS.matchesForJobseeker },
        schema: {
          tags: ['matching'],
          summary: 'Why a vacancy is suggested to a client, in plain words for the client (fi, sv or en)',
          params: jobseekerVacancyParams,
          querystring: explanationQuery,
          response: { 200: personExplanation, 403: errorBody, 404: errorBody },
        },
      },
      async (request) => {
        const explanation = await engine.suggestions.explanation(request.principal!, request.params.id, request.params.vacancyId, request.query.lang);
        request.audited.jobseekers.push(request.params.id);
        return explanation;
      },
    );

    app.get(
      '/v1/jobseekers/:id/overrides',
      {
        config: { roles: ACCESS.matchesForJobseeker },
        schema: { tags: ['matching'], summary: "A counsellor's overrides of a client's suggestions", params: idParams, querystring: noQuery, response: { 200: overrideList, 403: errorBody, 404: errorBody } },
      },
      async (request) => {
        request.audited.jobseekers.push(request.params.id);
        return { items: engine.suggestions.overrides(request.principal!, request.params.id) };
      },
    );

    app.post(
      '/v1/jobseekers/:id/overrides',
      {
        config: { roles: ACCESS.matchesForJobseeker },
        schema: {
          tags: ['matching'],
          summary: 'Set a suggestion aside, or put a vacancy forward, for a client, with the reason (kept and exported)',
          params: idParams,
          querystring: noQuery,
          body: overrideInput,
          response: { 201: override, 400: errorBody, 403: errorBody, 404: errorBody },
        },
      },
      async (request, reply) => {
        const saved = engine.suggestions.override(request.principal!, request.params.id, request.body);
        request.audited.jobseekers.push(request.params.id);
        return reply.status(201).send(saved);
      },
    );

    app.delete(
      '/v1/jobseekers/:id/overrides/:vacancyId',
      {
        config: { roles: ACCESS.matchesForJobseeker },
        schema: { tags: ['matching'], summary: 'Withdraw an override', params: jobseekerVacancyParams, querystring: noQuery, response: { 204: z.null(), 404: errorBody } },
      },
      async (request, reply) => {
        engine.suggestions.withdraw(request.principal!, request.params.id, request.params.vacancyId);
        request.audited.jobseekers.push(request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/v1/vacancies/:id/candidates',
      {
        config: { roles: ACCESS.candidatesForVacancy },
        schema: {
          tags: ['matching'],
          summary: 'Jobseekers who fit a vacancy, best first, with reasons (pseudonymous for employer services)',
          params: idParams,
          querystring: matchQuery,
          response: { 200: matchResponse, 400: errorBody, 404: errorBody },
        },
      },
      async (request) => {
        const { ranked, shown } = await engine.candidates.forVacancy(request.principal!, request.params.id, request.query satisfies MatchQuery);
        audited(request, ranked, request.params.id);
        return { query: { id: request.params.id, ...request.query }, embedder, hits: shown };
      },
    );

    app.post(
      '/v1/match',
      {
        config: { roles: ACCESS.adHocMatch },
        schema: {
          querystring: noQuery,
          tags: ['matching'],
          summary: 'Match ad-hoc text (a CV or a job description) without storing it',
          body: adHocMatchBody,
          response: { 200: matchResponse, 400: errorBody },
        },
      },
      async (request) => {
        const { text, skills, municipality, remote, target, k, lang, filter } = request.body;
        const query = { k, lang, ...filter };
        const profile = { text, skills, municipality, remote };
        if (target === 'jobseekers') {
          const { ranked, shown } = await engine.candidates.forText(request.principal!, profile, query);
          audited(request, ranked);
          return { query, embedder, hits: shown };
        }
        const hits = await engine.matcher.forText(profile, target, query);
        engine.decisions.served(request.principal, 'text-vacancies', hits);
        request.audited.detail = { decisions: decisions(hits, (h) => h.id) };
        return { query, embedder, hits };
      },
    );
  };
}

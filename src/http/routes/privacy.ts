import { jobSuggestionView } from '../../core/job-suggestions/schema.js';
import { jobSearchExport } from '../../core/job-search/schema.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decisionsExport, override } from '../../core/schemas/oversight.js';
import { ACCESS } from '../../core/access.js';
import { idParams, recordId, queryInt } from '../../core/schemas/common.js';
import { storedJobseeker } from '../../core/schemas/jobseeker.js';
import { referralExport } from '../../core/referrals/schema.js';
import { transferExport } from '../../core/transfers/schema.js';
import type { Engine } from '../../engine.js';
import { errorBody, noBody, noQuery } from './shared.js';

const auditEntry = z.object({
  id: z.number(),
  at: z.string(),
  keyId: z.string().nullable(),
  person: z.string().optional().describe('A person signed in with an identity provider: their name (keyId is person:<provider>:<subject>)'),
  role: z.string().nullable(),
  method: z.string(),
  route: z.string(),
  status: z.number(),
  jobseekers: z.array(z.string()).describe('Jobseekers read or returned; `detail` refers to them by position'),
  detail: z.unknown(),
});

const erasure = z.object({ erasedAt: z.string(), keyId: z.string().nullable() });

/** Data protection: export of a person's data, the audit trail, sharing with employer services, compaction. */
/** The services these routes use (nothing else of the engine reaches them). */
export type PrivacyServices = Pick<Engine, 'compact' | 'personalData' | 'sharing'>;

export function privacyRoutes(engine: PrivacyServices): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/jobseekers/:id/export',
      {
        config: { roles: ACCESS.jobseekersRead },
        schema: {
          querystring: noQuery,
          tags: ['data protection'],
          summary: 'Everything held on a jobseeker (GDPR access request)',
          params: idParams,
          response: {
            200: z.object({
              jobseeker: storedJobseeker,
              sharedWithEmployerServices: z.array(z.object({ vacancyId: z.string(), at: z.string(), expiresAt: z.string() })),
              referrals: z.array(referralExport),
              accessLog: z.array(auditEntry.omit({ jobseekers: true, detail: true })),
              decisions: decisionsExport,
              counsellorOverrides: z.array(override.omit({ jobseekerId: true })),
              transfers: z.array(transferExport).describe('Transfers of the client between employment areas'),
              jobSuggestions: z.array(jobSuggestionView.omit({ jobseekerId: true })).describe('Vacancies suggested to the client, with what became of each'),
              jobSearch: jobSearchExport.describe("The client's job-search obligation changes and the applications they reported"),
            }),
            403: errorBody,
            404: errorBody,
          },
        },
      },
      async (request) => {
        const exported = engine.personalData.export(request.principal!, request.params.id);
        request.audited.jobseekers.push(request.params.id);
        return { ...exported, jobseeker: exported.jobseeker as z.input<typeof storedJobseeker> };
      },
    );

    app.get(
      '/v1/audit',
      {
        config: { roles: ACCESS.audit },
        schema: {
          tags: ['data protection'],
          summary: 'The audit trail, for one jobseeker or the most recent entries',
          querystring: z
            .object({ jobseeker: recordId.optional(), limit: queryInt(1, 10_000).default(100) })
            .strict(),
          response: { 200: z.object({ entries: z.array(auditEntry), erasure: erasure.optional() }) },
        },
      },
      async (request) => engine.personalData.auditTrail(request.query),
    );

    app.post(
      '/v1/vacancies/:id/shares',
      {
        config: { roles: ACCESS.share },
        schema: {
          querystring: noQuery,
          tags: ['data protection'],
          summary: "Share a client's name and contact details with the unit that owns this vacancy",
          description:
            'The share binds the client, the vacancy, its owning unit and the counsellor, and expires (KOHTAANTO_SHARE_DAYS). ' +
            'It is revoked when the vacancy is deleted or changes owner.',
          params: idParams,
          body: z.object({ jobseekerId: recordId }).strict(),
          response: {
            201: z.object({ vacancyId: z.string(), jobseekerId: z.string(), expiresAt: z.string() }),
            403: errorBody,
            404: errorBody,
          },
        },
      },
      async (request, reply) => {
        request.audited.jobseekers.push(request.body.jobseekerId);
        const { vacancyId, jobseekerId, expiresAt } = engine.sharing.share(request.principal!, request.params.id, request.body.jobseekerId);
        return reply.status(201).send({ vacancyId, jobseekerId, expiresAt });
      },
    );

    app.post(
      '/v1/admin/compact',
      {
        config: { roles: ACCESS.maintenance },
        schema: {
          querystring: noQuery,
          tags: ['data protection'],
          summary: 'Rebuild the indexes now, dropping deleted and erased vectors from the index files',
          body: noBody,
          response: { 200: z.object({ dropped: z.object({ jobseekers: z.number(), vacancies: z.number() }) }) },
        },
      },
      async () => ({ dropped: engine.compact() }),
    );
  };
}

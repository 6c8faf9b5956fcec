import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS } from '../../core/access.js';
import { auditQuery, auditTrail, clientShares, compaction, personalDataExport, shareInput, shareView, vacancyShareParams } from '../../core/privacy/schema.js';
import { idParams } from '../../core/schemas/common.js';
import type { storedJobseeker } from '../../core/jobseekers/schema.js';
import type { Services } from '../../runtime/compose.js';
import { errorBody, noBody, noQuery } from './shared.js';

/** Data protection: export of a person's data, the audit trail, sharing with employer services, compaction. */
/** The services these routes use (nothing else of the composition reaches them). */
export type PrivacyServices = Pick<Services, 'compact' | 'personalData' | 'sharing' | 'clientShares'>;

export function privacyRoutes(services: PrivacyServices): FastifyPluginAsyncZod {
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
            200: personalDataExport,
            403: errorBody,
            404: errorBody,
          },
        },
      },
      async (request) => {
        const exported = await services.personalData.export(request.principal!, request.params.id, request.audited);
        return { ...exported, jobseeker: exported.jobseeker as z.input<typeof storedJobseeker> };
      },
    );

    app.get(
      '/v1/jobseekers/:id/shares',
      {
        config: { roles: ACCESS.jobseekersRead },
        schema: {
          querystring: noQuery,
          tags: ['data protection'],
          summary: "A client's current shares with employer-services units: the vacancy, the unit, when and by whom (to end one when the client withdraws consent)",
          description:
            'Unexpired shares for vacancies still owned by the unit shared with. A counsellor of the client\'s area or an admin; ' +
            "another area's client and an unknown id get the same 404. Audited as a read of the client.",
          params: idParams,
          response: { 200: clientShares, 403: errorBody, 404: errorBody },
        },
      },
      async (request) => services.clientShares.of(request.principal!, request.params.id, request.audited),
    );

    app.get(
      '/v1/audit',
      {
        config: { roles: ACCESS.audit },
        schema: {
          tags: ['data protection'],
          summary: 'The audit trail, for one jobseeker or the most recent entries',
          querystring: auditQuery,
          response: { 200: auditTrail },
        },
      },
      async (request) => services.personalData.auditTrail(request.query),
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
          body: shareInput,
          response: {
            201: shareView,
            403: errorBody,
            404: errorBody,
          },
        },
      },
      async (request, reply) => {
        const { vacancyId, jobseekerId, expiresAt } = await services.sharing.share(request.principal!, request.params.id, request.body.jobseekerId, request.audited);
        return reply.status(201).send({ vacancyId, jobseekerId, expiresAt });
      },
    );

    app.delete(
      '/v1/vacancies/:id/shares/:jobseekerId',
      {
        config: { roles: ACCESS.share },
        schema: {
          querystring: noQuery,
          tags: ['data protection'],
          summary: "End a share before it expires: the client withdrew consent (the unit sees them by pseudonym again)",
          params: vacancyShareParams,
          response: { 204: z.null(), 403: errorBody, 404: errorBody },
        },
      },
      async (request, reply) => {
        await services.sharing.unshare(request.principal!, request.params.id, request.params.jobseekerId, request.audited);
        return reply.status(204).send(null);
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
          response: { 200: compaction },
        },
      },
      async () => ({ dropped: await services.compact() }),
    );
  };
}

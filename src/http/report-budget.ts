import type { FastifyInstance } from 'fastify';
import type { ReportBudget } from '../core/analytics/report-budget.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route publishes figures of people with keyed noise: each distinct question counts against the caller's day (src/core/analytics/report-budget.ts). */
    noisyReport?: string;
  }
}

/**
 * Counts each distinct question to a noisy report against the caller's daily budget before the route
 * runs (after authentication and validation: a refused or malformed request costs nothing). When the
 * budget is spent the answer is 429 `rate_limited` with Retry-After (midnight UTC), audited like every
 * answer, with how many questions the caller had asked that day.
 */
export function installReportBudget(app: FastifyInstance, budget: ReportBudget): void {
  app.addHook('preHandler', async (request) => {
    const report = request.routeOptions.config.noisyReport;
    if (!report || !request.principal) return;
    const asked: unknown = request.method === 'GET' ? request.query : request.body;
    const parameters = asked !== null && typeof asked === 'object' ? Object.fromEntries(Object.entries(asked)) : {};
    try {
      await budget.admit(request.principal, report, parameters);
    } catch (error) {
      request.audited.detail = { reportBudget: { report, perDay: budget.settings.perDay } };
      throw error;
    }
  });
}

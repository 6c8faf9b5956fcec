import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ACCESS } from '../../core/access.js';
import { notificationList, notificationsSeen } from '../../core/notifications/schema.js';
import type { Services } from '../../runtime/compose.js';
import { errorBody, noQuery } from './shared.js';

export type NotificationServices = Pick<Services, 'notifications'>;

const tags = ['notifications'];

/** The caller's notifications (suggestions' states set by employer units, clients shared, deadlines passed), and marking them read. */
export function notificationRoutes(services: NotificationServices): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/notifications',
      {
        config: { roles: ACCESS.notifications },
        schema: {
          tags,
          summary: 'Your notifications of the last days, newest first, with how many are unread',
          description:
            'Counsellors: states employer units set on their area’s clients’ job suggestions, and deadlines passed. Employer units: clients shared with them, ' +
            'and deadlines passed of suggestions shared with them (clients by the vacancy’s pseudonym, by name while shared).',
          querystring: noQuery,
          response: { 200: notificationList, 403: errorBody },
        },
      },
      (request) => services.notifications.list(request.principal!, request.audited),
    );

    app.post(
      '/v1/notifications/seen',
      {
        config: { roles: ACCESS.notifications },
        schema: {
          tags,
          summary: 'Mark your notifications read up to a moment (never moves back)',
          querystring: noQuery,
          body: notificationsSeen,
          response: { 200: notificationList, 400: errorBody, 403: errorBody },
        },
      },
      (request) => services.notifications.markSeen(request.principal!, request.body, request.audited),
    );
  };
}

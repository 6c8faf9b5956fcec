import { z } from 'zod';
import { JOB_SUGGESTION_STATES } from '../job-suggestions/states.js';

/**
 * In-app notifications (issue 33, item 8): a counsellor sees an employer unit change the state of
 * a suggestion to one of their area's clients; an employer unit sees a client shared with it; both
 * see a suggestion's deadline pass with nobody acting on it. Read from the suggestions and shares
 * themselves (erased with the client); the only thing stored is up to when each person has read them.
 */
export const NOTIFICATION_KINDS = ['state-changed', 'shared', 'deadline-passed'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notification = z.object({
  id: z.string().describe('The same for the same event on every read (e.g. `state-17`)'),
  kind: z.enum(NOTIFICATION_KINDS),
  at: z.string().describe('When it happened (a deadline passing: the day after the deadline)'),
  jobSuggestion: z.number().nullable().describe('The job suggestion it concerns; null for a share made without one'),
  jobseekerId: z.string().describe("The client's id; for employer units the candidate's pseudonym on the vacancy's list"),
  name: z.string().optional().describe('The client’s name (employer units: only while the client is shared with the unit)'),
  vacancyId: z.string(),
  vacancyTitle: z.string().optional(),
  state: z.enum(JOB_SUGGESTION_STATES).optional().describe('The state a change set'),
  by: z.string().optional().describe('Who made the change'),
  unread: z.boolean(),
});
export type Notification = z.infer<typeof notification>;

export const notificationList = z.object({
  items: z.array(notification).describe('Newest first'),
  unread: z.number(),
  seenUntil: z.string().nullable().describe('Up to when the caller has read them'),
});
export type NotificationList = z.infer<typeof notificationList>;

/** POST /v1/notifications/seen */
export const notificationsSeen = z
  .object({ until: z.string().datetime().describe('Everything up to this moment counts as read (the `at` of the newest notification shown)') })
  .strict();
export type NotificationsSeen = z.infer<typeof notificationsSeen>;

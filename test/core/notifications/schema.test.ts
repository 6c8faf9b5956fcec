import { describe, expect, it } from 'vitest';
import { notificationsSeen } from '../../../src/core/notifications/schema.js';

describe('notification schema', () => {
  it('marks as read up to an instant given as an ISO date-time, nothing else', () => {
    expect(notificationsSeen.parse({ until: '2026-12-07T08:00:00.000Z' })).toEqual({ until: '2026-12-07T08:00:00.000Z' });
    for (const until of ['2026-12-07', 'yesterday', '', '2026-13-01T00:00:00Z']) expect(notificationsSeen.safeParse({ until }).success).toBe(false);
    expect(notificationsSeen.safeParse({}).success).toBe(false);
    expect(notificationsSeen.safeParse({ until: '2026-12-07T08:00:00.000Z', all: true }).success).toBe(false);
  });
});

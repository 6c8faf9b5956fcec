import { describe, expect, it } from 'vitest';
import { TRANSFER_REASON_MIN, alertQuery, transferListQuery, transferParams, transferRefusal, transferRequest } from '../../../src/core/transfers/schema.js';
import { firstMessage, refused } from '../../helpers/schema.js';

describe('transfer schemas', () => {
  it('needs a reason of at least 10 characters to ask for or refuse a transfer', () => {
    expect(TRANSFER_REASON_MIN).toBe(10);
    expect(refused(transferRequest, { reason: 'Muuttaa Tampereelle.' })).toEqual([]);
    expect(refused(transferRequest, { reason: 'muuttaa' })).toEqual(['reason']);
    expect(firstMessage(transferRequest, { reason: 'muuttaa' })).toBe('at least 10 characters: say why (the audit keeps it)');
    expect(refused(transferRefusal, {})).toEqual(['reason']);
    expect(refused(transferRequest, { reason: 'Muuttaa Tampereelle.', area: 'tampere' })).toEqual(['area']);
  });

  it('lists by direction and status, and reads a transfer number and the days of alerts', () => {
    expect(refused(transferListQuery, { direction: 'incoming', status: 'expired' })).toEqual([]);
    expect(refused(transferListQuery, { direction: 'sideways', status: 'lost' })).toEqual(['direction', 'status']);
    expect(transferParams.parse({ id: '7' })).toEqual({ id: 7 });
    expect(refused(transferParams, { id: '07' })).toEqual(['id']);
    expect(alertQuery.parse({})).toEqual({ days: 30 });
    expect(alertQuery.parse({ days: '366' })).toEqual({ days: 366 });
    expect(refused(alertQuery, { days: '367' })).toEqual(['days']);
    expect(refused(alertQuery, { days: '0' })).toEqual(['days']);
  });
});

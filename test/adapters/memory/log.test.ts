import { describe, expect, it } from 'vitest';
import { MemoryLog } from '../../../src/adapters/memory/log.js';

describe('MemoryLog (test double)', () => {
  it('keeps info and warning lines in order', () => {
    const log = new MemoryLog();
    log.info('opened');
    log.warn('rebuilt');
    expect(log.lines).toEqual([
      { level: 'info', message: 'opened' },
      { level: 'warn', message: 'rebuilt' },
    ]);
  });
});

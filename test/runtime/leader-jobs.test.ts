import { describe, expect, it } from 'vitest';
import type { Leadership } from '../../src/core/leadership.js';
import { singleMachine } from '../../src/core/leadership.js';
import { runWhileLeading } from '../../src/runtime/leader-jobs.js';

/** A leadership the test hands over by hand (the PostgreSQL one is tested in test/adapters/postgres/leadership.test.ts). */
function handed(): Leadership & { set(leading: boolean): void } {
  let leading = false;
  const listeners = new Set<(l: boolean) => void>();
  return {
    leading: () => leading,
    onChange: (l) => (listeners.add(l), () => listeners.delete(l)),
    close: async () => undefined,
    set(now) {
      leading = now;
      for (const l of listeners) l(now);
    },
  };
}

const log = { info: () => undefined, warn: () => undefined };
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('background jobs run while this node leads', () => {
  it('starts the jobs at once on the single machine and stops them at the end', async () => {
    const events: string[] = [];
    const jobs = runWhileLeading(singleMachine(true), () => (events.push('start'), { stop: () => void events.push('stop') }), log);
    await settle();
    expect(jobs.running()).toBe(true);
    await jobs.stop();
    expect(events).toEqual(['start', 'stop']);
  });

  it('starts them when the lead comes, stops them when it goes, and starts them again once the stop is done', async () => {
    const lead = handed();
    const events: string[] = [];
    let finishStop: () => void = () => undefined;
    const jobs = runWhileLeading(
      lead,
      () => {
        events.push('start');
        return { stop: () => new Promise<void>((r) => (finishStop = () => (events.push('stopped'), r()))) };
      },
      log,
    );
    await settle();
    expect(events).toEqual([]);
    lead.set(true);
    await settle();
    expect(events).toEqual(['start']);
    lead.set(false);
    lead.set(true); // regained before the stop finished
    await settle();
    expect(events).toEqual(['start']);
    finishStop();
    await settle();
    await settle();
    expect(events).toEqual(['start', 'stopped', 'start']);
    const stopping = jobs.stop();
    await settle();
    finishStop();
    await stopping;
    expect(events).toEqual(['start', 'stopped', 'start', 'stopped']);
    expect(jobs.running()).toBe(false);
  });
});

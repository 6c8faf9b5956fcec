import type { Leadership } from '../core/leadership.js';
import type { EngineLog } from './log.js';

export interface RunningJobs {
  stop(): void | Promise<void>;
}

/**
 * Runs the background jobs only while this node leads: `start` when it starts leading (at once if it
 * already does), their `stop` when it stops; `stop` here ends both the jobs and the listening.
 */
export function runWhileLeading(leadership: Leadership, start: () => RunningJobs, log: Pick<EngineLog, 'info' | 'warn'>) {
  let jobs: RunningJobs | undefined;
  let stopped = false;
  let stopping: Promise<void> = Promise.resolve();
  const follow = (leading: boolean) => {
    if (leading && !jobs) {
      // A stop under way (a lead lost and regained quickly) ends before the jobs start again.
      stopping = stopping.then(() => {
        if (stopped || !leadership.leading() || jobs) return;
        jobs = start();
        log.info('this node leads: it runs the background jobs');
      });
    } else if (!leading && jobs) {
      const ending = jobs;
      jobs = undefined;
      stopping = stopping.then(async () => {
        await ending.stop();
        log.info('this node no longer leads: another runs the background jobs');
      });
    }
    stopping = stopping.catch((error: Error) => log.warn(`background jobs: ${error.message}`));
  };
  const unsubscribe = leadership.onChange(follow);
  follow(leadership.leading());
  return {
    running: () => jobs !== undefined,
    async stop() {
      stopped = true;
      unsubscribe();
      follow(false);
      await stopping;
    },
  };
}

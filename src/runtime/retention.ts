import type { Decisions } from '../core/oversight/decisions.js';
import type { EngineLog } from './log.js';

const HOUR = 3_600_000;

/** Drops decision records past their retention period: at start, then hourly. */
export function startRetention(decisions: Decisions, log: EngineLog) {
  const prune = () => {
    try {
      const dropped = decisions.prune();
      if (dropped > 0) log.info(`decision log: ${dropped} decisions older than ${decisions.retentionDays} days removed`);
    } catch (error) {
      log.warn(`decision log: removing old decisions failed: ${(error as Error).message}`);
    }
  };
  prune();
  const timer = setInterval(prune, HOUR);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

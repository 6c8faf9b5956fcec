/**
 * A background count that runs one round at a time: a call while a round runs gets that round's
 * promise; after `stop()` a call counts nothing. `count` is told whether to go on (false once stopped);
 * a round that counted something is reported with its duration (kept figures and kept planner answers).
 */
export function countingRounds(count: (goOn: () => boolean) => Promise<number>, counted: (n: number, ms: number) => void) {
  let stopped = false;
  let running: Promise<number> | undefined;
  const goOn = () => !stopped;
  return {
    /** Counts a round now, or joins the one under way; how many it counted. */
    refresh(): Promise<number> {
      if (stopped) return Promise.resolve(0);
      running ??= (async () => {
        const started = performance.now();
        const n = await count(goOn);
        if (n > 0) counted(n, Math.round(performance.now() - started));
        return n;
      })().finally(() => (running = undefined));
      return running;
    },
    get stopped() {
      return stopped;
    },
    stop() {
      stopped = true;
    },
  };
}

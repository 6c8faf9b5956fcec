/**
 * "Now" for the core: every use case that dates something (a share's expiry, a suggestion's
 * deadline, an audit time) or asks what is open today gets it from this port. The runtime passes
 * the system clock (src/runtime/clock.ts); a test passes a fixed one to put the service on a given date.
 */
export type Clock = () => Date;

/** The calendar day of an instant, UTC, as `YYYY-MM-DD`. */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

/** A clock standing at one instant (tests, replays of a past day). */
export const fixedClock = (at: string | Date): Clock => {
  const ms = new Date(at).getTime();
  if (Number.isNaN(ms)) throw new Error(`fixedClock: '${String(at)}' is not a date`);
  return () => new Date(ms);
};

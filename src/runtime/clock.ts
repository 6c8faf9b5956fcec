import type { Clock } from '../core/clock.js';

/** The machine's clock: the one "now" the running service passes to the core (src/core/clock.ts). */
export const systemClock: Clock = () => new Date();
